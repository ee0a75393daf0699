package org.metertocash.edi.monitoring;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.metertocash.contracts.edi.AcknowledgementOverdue;
import org.metertocash.edi.transactions.EdiTransaction;
import org.metertocash.platform.events.Cause;
import org.metertocash.platform.outbox.Outbox;
import org.metertocash.platform.workqueue.WorkItem;
import org.metertocash.platform.workqueue.WorkQueue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Watches our outbound transactions for the answers partners owe, by the business clock:
 * <ul>
 * <li>{@value #FUNCTIONAL_ACK}: no 997 within {@code edi.monitoring.functional-ack-window} of sending (Texas SET: a
 * 997 is owed within 24 hours of receipt). 997s we send are not watched: nobody acknowledges an acknowledgement.</li>
 * <li>{@value #BUSINESS_RESPONSE}: no business response ({@code answeredBy} still empty) within the window configured
 * for its set ({@code edi.monitoring.response-window."814_01"=P5D}); a transaction the partner rejected (by 997 or
 * 824) is not waiting for one.</li>
 * </ul>
 * Each overdue transaction raises a work item ({@value #ACKNOWLEDGEMENT_OVERDUE} or {@value #RESPONSE_OVERDUE}) and
 * publishes {@code AcknowledgementOverdue} once: the row in {@code edi_overdue} that records it is inserted in the
 * same database transaction, and its key refuses a second one on any replica. Sent time is when the file reached
 * the outbound folder (or was stored, if it has not yet). Inbound files that failed raise their work items at
 * intake and are not watched here.
 */
@ApplicationScoped
public class TimelinessMonitor {

    private static final Logger LOG = Logger.getLogger(TimelinessMonitor.class);

    public static final String FUNCTIONAL_ACK = "FUNCTIONAL_ACK";
    public static final String BUSINESS_RESPONSE = "BUSINESS_RESPONSE";
    /** No 997 for one of our transactions in time. */
    public static final String ACKNOWLEDGEMENT_OVERDUE = "EDI_ACKNOWLEDGEMENT_OVERDUE";
    /** No business response to one of our transactions in time. */
    public static final String RESPONSE_OVERDUE = "EDI_RESPONSE_OVERDUE";

    private static final String SENT_AT = "coalesce(f.delivered_at, t.created_at)";

    @Inject
    MonitoringConfig config;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    WorkQueue workQueue;

    @Scheduled(every = "${edi.monitoring.interval:1m}", delayed = "${edi.monitoring.interval:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            check();
        } catch (RuntimeException e) {
            LOG.warnf(e, "The timeliness check failed; the next pass retries");
        }
    }

    /**
     * One pass over every watched kind; returns how many transactions it found overdue. Late responses that have
     * arrived since close their work items (a late 997 closes its own when it is applied).
     */
    public int check() {
        Instant now = clock.instant();
        int raised = overdueAcknowledgements(now);
        for (Map.Entry<String, Duration> window : config.responseWindow().entrySet()) {
            raised += overdueResponses(window.getKey(), window.getValue(), now);
        }
        closeAnswered();
        return raised;
    }

    private void closeAnswered() {
        List<UUID> answered = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<UUID> rows = em.createNativeQuery("select o.transaction_id from edi_overdue o "
                    + "join edi_transaction t on t.id = o.transaction_id join work_item w on w.id = o.work_item_id "
                    + "where o.kind = '" + BUSINESS_RESPONSE + "' and w.status = 'OPEN' "
                    + "and (t.answered_by is not null or t.status = 'REJECTED') limit ?1")
                    .setParameter(1, config.batchSize()).getResultList();
            return new ArrayList<>(rows);
        });
        for (UUID id : answered) {
            QuarkusTransaction.requiringNew().run(() -> workQueue.closeByReference(RESPONSE_OVERDUE, id.toString(),
                    WorkQueue.SYSTEM, "the response arrived late, or the partner rejected the transaction"));
        }
    }

    private int overdueAcknowledgements(Instant now) {
        Duration window = config.functionalAckWindow();
        String candidates = "select t.id, " + SENT_AT + " from edi_transaction t join edi_file f on f.id = t.file_id "
                + "where t.direction = 'OUTBOUND' and t.set_id <> '997' and " + SENT_AT + " <= ?1 "
                + "and not exists (select 1 from edi_acknowledgement a where a.transaction_id = t.id "
                + "and a.kind = '997' and a.direction = 'INBOUND') "
                + "and not exists (select 1 from edi_overdue o where o.transaction_id = t.id and o.kind = '"
                + FUNCTIONAL_ACK + "') order by 2 limit ?2";
        // still without its 997 when raised: one may have arrived since the scan
        String stillOverdue = "not exists (select 1 from edi_acknowledgement a where a.transaction_id = ?1 "
                + "and a.kind = '997' and a.direction = 'INBOUND')";
        return raiseAll(candidates, null, now.minus(window), window, FUNCTIONAL_ACK, stillOverdue);
    }

    private int overdueResponses(String transactionSet, Duration window, Instant now) {
        String candidates = "select t.id, " + SENT_AT + " from edi_transaction t join edi_file f on f.id = t.file_id "
                + "where t.direction = 'OUTBOUND' and t.transaction_set = ?3 and t.answered_by is null "
                + "and t.status <> 'REJECTED' and " + SENT_AT + " <= ?1 "
                + "and not exists (select 1 from edi_overdue o where o.transaction_id = t.id and o.kind = '"
                + BUSINESS_RESPONSE + "') order by 2 limit ?2";
        String stillOverdue = "exists (select 1 from edi_transaction t where t.id = ?1 and t.answered_by is null "
                + "and t.status <> 'REJECTED')";
        return raiseAll(candidates, transactionSet, now.minus(window), window, BUSINESS_RESPONSE, stillOverdue);
    }

    private int raiseAll(String candidatesSql, String transactionSet, Instant sentBefore, Duration window, String kind,
            String stillOverdue) {
        List<Object[]> candidates = QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createNativeQuery(candidatesSql).setParameter(1, sentBefore)
                    .setParameter(2, config.batchSize());
            if (transactionSet != null) {
                query.setParameter(3, transactionSet);
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = query.getResultList();
            return new ArrayList<>(rows);
        });
        int raised = 0;
        for (Object[] row : candidates) {
            UUID id = (UUID) row[0];
            Instant sentAt = instant(row[1]);
            try {
                if (QuarkusTransaction.requiringNew().call(() -> raise(id, sentAt, sentAt.plus(window), kind,
                        stillOverdue))) {
                    raised++;
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "Could not raise %s for transaction %s; the next pass retries", kind, id);
            }
        }
        return raised;
    }

    /** Records, raises and publishes one overdue transaction, unless already done or no longer overdue. */
    private boolean raise(UUID id, Instant sentAt, Instant dueBy, String kind, String stillOverdue) {
        int inserted = em.createNativeQuery("insert into edi_overdue (transaction_id, kind, sent_at, due_by, raised_at) "
                + "select ?1, ?2, ?3, ?4, ?5 where " + stillOverdue + " on conflict do nothing")
                .setParameter(1, id).setParameter(2, kind).setParameter(3, sentAt).setParameter(4, dueBy)
                .setParameter(5, clock.instant()).executeUpdate();
        if (inserted == 0) {
            return false;
        }
        EdiTransaction transaction = EdiTransaction.findById(id);
        String what = transaction.transactionSet + " "
                + (transaction.bgnReference != null ? transaction.bgnReference : "ST02 " + transaction.st02)
                + " to " + transaction.receiverId + " (ISA13 " + transaction.isa13 + ", GS06 " + transaction.gs06 + ")";
        String summary = FUNCTIONAL_ACK.equals(kind)
                ? "No 997 for our " + what + " sent " + sentAt + ": it was due by " + dueBy
                : "No response to our " + what + " sent " + sentAt + ": it was due by " + dueBy;
        WorkItem item = workQueue.raise(FUNCTIONAL_ACK.equals(kind) ? ACKNOWLEDGEMENT_OVERDUE : RESPONSE_OVERDUE,
                transaction.esiId, transaction.id.toString(), summary,
                Map.of("transactionId", transaction.id.toString(), "transactionSet", transaction.transactionSet,
                        "sentAt", sentAt.toString(), "dueBy", dueBy.toString()));
        UUID eventId = null;
        // events are keyed by the ESI ID: a transaction without one (none of ours so far) has the work item only
        if (transaction.esiId != null) {
            eventId = outbox.publish(new AcknowledgementOverdue(transaction.esiId, transaction.id,
                    transaction.transactionSet, transaction.bgnReference, kind, sentAt, dueBy),
                    new Cause(transaction.correlationId, transaction.producedEventId));
        }
        em.createNativeQuery("update edi_overdue set work_item_id = ?1 where transaction_id = ?2 and kind = ?3")
                .setParameter(1, item.id).setParameter(2, id).setParameter(3, kind).executeUpdate();
        if (eventId != null) {
            em.createNativeQuery("update edi_overdue set event_id = ?1 where transaction_id = ?2 and kind = ?3")
                    .setParameter(1, eventId).setParameter(2, id).setParameter(3, kind).executeUpdate();
        }
        LOG.infof("%s overdue: %s", kind, summary);
        return true;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("not a point in time: " + value);
    }
}
