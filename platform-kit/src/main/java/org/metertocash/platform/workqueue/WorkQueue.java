package org.metertocash.platform.workqueue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import org.metertocash.platform.problem.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Raises, lists and works the exceptions of a service, recording every action in the audit trail. */
@ApplicationScoped
public class WorkQueue {

    public static final String SYSTEM = "system";

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @Inject
    Instance<WorkItemRetry> retries;

    /**
     * Raises an exception, or counts one more occurrence of the open one with the same type and reference.
     * Joins the caller's transaction, so the exception exists only if the caller's work commits.
     */
    @Transactional
    public WorkItem raise(String type, String esiId, String reference, String summary, Map<String, ?> details) {
        Instant now = clock.instant();
        Optional<WorkItem> open = findOpen(type, reference);
        if (open.isPresent()) {
            WorkItem item = open.get();
            item.occurrences++;
            item.summary = summary;
            item.details = toJson(details);
            item.updatedAt = now;
            audit(item, WorkItemAction.Action.RECURRED, SYSTEM, null, null);
            return item;
        }
        WorkItem item = new WorkItem();
        item.id = UUID.randomUUID();
        item.type = type;
        item.status = WorkItem.Status.OPEN;
        item.esiId = esiId;
        item.reference = reference;
        item.summary = summary;
        item.details = toJson(details);
        item.occurrences = 1;
        item.createdAt = now;
        item.updatedAt = now;
        em.persist(item);
        audit(item, WorkItemAction.Action.RAISED, SYSTEM, null, null);
        return item;
    }

    /** Closes the open item of this type and reference, if any (the condition cleared by itself). */
    @Transactional
    public void closeByReference(String type, String reference, String actor, String outcome) {
        findOpen(type, reference).ifPresent(item -> {
            item.status = WorkItem.Status.RESOLVED;
            item.updatedAt = clock.instant();
            audit(item, WorkItemAction.Action.AUTO_CLOSE, actor, null, outcome);
        });
    }

    /** What to list; {@code reasonCode} matches the item's {@code details.reasonCode} (e.g. a market reject reason). */
    public record Filter(String type, WorkItem.Status status, String esiId, Duration olderThan, String reasonCode,
            int limit) {

        public Filter(String type, WorkItem.Status status, String esiId, Duration olderThan, int limit) {
            this(type, status, esiId, olderThan, null, limit);
        }
    }

    @Transactional
    public List<WorkItem> list(Filter filter) {
        StringBuilder jpql = new StringBuilder("from WorkItem w where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.type() != null) {
            jpql.append(" and w.type = :type");
            params.put("type", filter.type());
        }
        if (filter.status() != null) {
            jpql.append(" and w.status = :status");
            params.put("status", filter.status());
        }
        if (filter.esiId() != null) {
            jpql.append(" and w.esiId = :esiId");
            params.put("esiId", filter.esiId());
        }
        if (filter.reasonCode() != null) {
            jpql.append(" and function('jsonb_extract_path_text', w.details, 'reasonCode') = :reasonCode");
            params.put("reasonCode", filter.reasonCode());
        }
        if (filter.olderThan() != null) {
            jpql.append(" and w.createdAt <= :before");
            params.put("before", clock.instant().minus(filter.olderThan()));
        }
        jpql.append(" order by w.createdAt desc");
        TypedQuery<WorkItem> query = em.createQuery(jpql.toString(), WorkItem.class);
        params.forEach(query::setParameter);
        return query.setMaxResults(filter.limit()).getResultList();
    }

    @Transactional
    public Optional<WorkItem> find(UUID id) {
        return Optional.ofNullable(em.find(WorkItem.class, id));
    }

    @Transactional
    public List<WorkItemAction> history(UUID id) {
        return em.createQuery("from WorkItemAction where workItemId = ?1 order by id", WorkItemAction.class)
                .setParameter(1, id).getResultList();
    }

    @Transactional
    public WorkItem resolve(UUID id, String actor, String note) {
        return close(id, WorkItem.Status.RESOLVED, WorkItemAction.Action.RESOLVE, actor, note);
    }

    @Transactional
    public WorkItem dismiss(UUID id, String actor, String note) {
        return close(id, WorkItem.Status.DISMISSED, WorkItemAction.Action.DISMISS, actor, note);
    }

    /** Retries the failed work behind an open item; the item closes if the retry succeeds. */
    public WorkItem retry(UUID id, String actor, String note) {
        WorkItem item = QuarkusTransaction.requiringNew().call(() -> em.find(WorkItem.class, id));
        if (item == null) {
            throw ProblemException.notFound("No exception " + id);
        }
        requireOpen(item);
        WorkItemRetry retry = retries.stream().filter(r -> r.type().equals(item.type)).findFirst()
                .orElseThrow(() -> ProblemException.conflict("not-retryable",
                        "Exceptions of type " + item.type + " cannot be retried; resolve or dismiss them"));
        WorkItemRetry.RetryOutcome outcome;
        try {
            outcome = retry.retry(item, actor);
        } catch (RuntimeException e) {
            outcome = new WorkItemRetry.RetryOutcome(false, "failed: " + e.getMessage());
        }
        WorkItemRetry.RetryOutcome result = outcome;
        return QuarkusTransaction.requiringNew().call(() -> recordRetry(id, actor, note, result));
    }

    private WorkItem recordRetry(UUID id, String actor, String note, WorkItemRetry.RetryOutcome outcome) {
        WorkItem item = em.find(WorkItem.class, id);
        if (outcome.succeeded() && item.status == WorkItem.Status.OPEN) {
            item.status = WorkItem.Status.RESOLVED;
        }
        item.updatedAt = clock.instant();
        audit(item, WorkItemAction.Action.RETRY, actor, note, outcome.description());
        return item;
    }

    @Transactional
    public Map<String, Long> openCountsByType() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object[] row : em.createQuery(
                "select w.type, count(w) from WorkItem w where w.status = ?1 group by w.type order by w.type",
                Object[].class).setParameter(1, WorkItem.Status.OPEN).getResultList()) {
            counts.put((String) row[0], (Long) row[1]);
        }
        return counts;
    }

    private WorkItem close(UUID id, WorkItem.Status status, WorkItemAction.Action action, String actor, String note) {
        WorkItem item = em.find(WorkItem.class, id);
        if (item == null) {
            throw ProblemException.notFound("No exception " + id);
        }
        requireOpen(item);
        if (note == null || note.isBlank()) {
            throw ProblemException.invalid("note", "must say why the exception is " + status.name().toLowerCase());
        }
        item.status = status;
        item.updatedAt = clock.instant();
        audit(item, action, actor, note, null);
        return item;
    }

    private static void requireOpen(WorkItem item) {
        if (item.status != WorkItem.Status.OPEN) {
            throw ProblemException.conflict("exception-closed", "Exception " + item.id + " is already " + item.status);
        }
    }

    private Optional<WorkItem> findOpen(String type, String reference) {
        return em.createQuery("from WorkItem where type = ?1 and reference = ?2 and status = ?3", WorkItem.class)
                .setParameter(1, type).setParameter(2, reference).setParameter(3, WorkItem.Status.OPEN)
                .getResultStream().findFirst();
    }

    private void audit(WorkItem item, WorkItemAction.Action action, String actor, String note, String outcome) {
        WorkItemAction entry = new WorkItemAction();
        entry.workItemId = item.id;
        entry.action = action;
        entry.actor = actor;
        entry.note = note;
        entry.outcome = outcome;
        entry.at = clock.instant();
        em.persist(entry);
    }

    private String toJson(Map<String, ?> details) {
        if (details == null || details.isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

}
