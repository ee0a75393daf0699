package org.metertocash.edi.transactions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.metertocash.platform.outbox.OutboxEvent;
import org.metertocash.platform.problem.ProblemException;
import org.metertocash.platform.security.Roles;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/**
 * The transaction log as operations read it: filtered, paged lists (the total in {@value #TOTAL_COUNT}) and one
 * transaction with everything known about it — its parsed content, raw segments and located errors, the 997 that
 * acknowledged it (sent by us for an inbound one, received for an outbound one) and any 824 advice, the business
 * response that answered it, the deadlines it missed and the events it caused.
 */
@Path("/edi/transactions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.UPSTREAM, Roles.OPERATIONS, Roles.ADMIN })
@Tag(name = "edi")
public class TransactionResource {

    /** The response header carrying the number of transactions matching the filters, across all pages. */
    public static final String TOTAL_COUNT = "X-Total-Count";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TransactionView(UUID id, Direction direction, String transactionSet, TransactionStatus status,
            String senderId, String receiverId, String isa13, String gs06, String st02, String bgnReference,
            String originalReference, String esiId, UUID enrollmentId, JsonNode details, JsonNode errors,
            UUID fileId, UUID answeredBy, UUID producedEventId, UUID consumedEventId, Instant createdAt,
            Instant updatedAt, List<String> rawSegments) {
    }

    /**
     * One transaction in full: the list's fields, plus its acknowledgement (the 997 we sent for an inbound
     * transaction; the latest 997 received for an outbound one), the 824 advice about it, what it acknowledges (when
     * it is a 997 or 824 itself), the response that answered it (outbound) or the request it answers (inbound), the
     * deadlines it missed and the events it caused.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record TransactionDetail(UUID id, Direction direction, String transactionSet, String setId,
            TransactionStatus status, String senderId, String receiverId, String isa13, String gs06, String st02,
            String bgnReference, String originalReference, String esiId, UUID enrollmentId, JsonNode details,
            JsonNode errors, UUID fileId, UUID answeredBy, UUID producedEventId, UUID consumedEventId,
            UUID correlationId, Instant createdAt, Instant updatedAt, List<String> rawSegments,
            AcknowledgementView acknowledgement, List<AcknowledgementView> advice,
            List<AcknowledgedView> acknowledges, LinkedView businessResponse, LinkedView answers,
            List<OverdueView> overdue, List<EventView> events) {
    }

    /**
     * A 997 or 824 about the transaction: which one ({@code ediTransactionId}, its control numbers, file and
     * status), its code (AK501 A/E/R or OTI01 TR/TE/TA), the group's AK901 and what it reported.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AcknowledgementView(String kind, Direction direction, UUID ediTransactionId,
            TransactionStatus status, String isa13, String gs06, UUID fileId, String code, String groupCode,
            String reference, JsonNode errors, Instant createdAt) {
    }

    /** A transaction a 997 or 824 is about, with what it said of it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AcknowledgedView(UUID transactionId, String transactionSet, String setId, String controlNumber,
            String code, JsonNode errors) {
    }

    /** A related transaction of the log. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LinkedView(UUID id, Direction direction, String transactionSet, TransactionStatus status,
            String bgnReference, Instant createdAt) {
    }

    /** A deadline the transaction missed: no 997 (FUNCTIONAL_ACK) or no business response (BUSINESS_RESPONSE). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OverdueView(String kind, Instant sentAt, Instant dueBy, Instant raisedAt, UUID eventId,
            UUID workItemId) {
    }

    /** An event the transaction caused, as the outbox holds it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EventView(UUID id, String type, String topic, Instant occurredAt, Instant publishedAt,
            JsonNode payload) {
    }

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @GET
    @Operation(summary = "Transactions, newest first, by set (814, 814_05, 997), direction, status, ESI ID, "
            + "enrollment and date range (business dates, both included); paged by page (from 0) and size, the total "
            + "in the X-Total-Count header")
    @APIResponse(responseCode = "200", description = "One page of the log",
            headers = @Header(name = TOTAL_COUNT, description = "transactions matching the filters, on all pages",
                    schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = TransactionView.class)))
    public Response list(@QueryParam("set") String set, @QueryParam("transactionSet") String transactionSet,
            @QueryParam("direction") Direction direction, @QueryParam("status") TransactionStatus status,
            @QueryParam("esiId") String esiId, @QueryParam("enrollmentId") UUID enrollmentId,
            @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @Min(1) @Max(1000) Integer size,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        String wanted = set != null ? set : transactionSet;
        if (wanted != null) {
            query.append(wanted.contains("_") ? " and transactionSet = :set" : " and setId = :set");
            params.put("set", wanted);
        }
        if (direction != null) {
            query.append(" and direction = :direction");
            params.put("direction", direction);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.put("status", status);
        }
        if (esiId != null) {
            query.append(" and esiId = :esiId");
            params.put("esiId", esiId);
        }
        if (enrollmentId != null) {
            query.append(" and enrollmentId = :enrollmentId");
            params.put("enrollmentId", enrollmentId);
        }
        ZoneId zone = clock.getZone();
        if (from != null) {
            query.append(" and createdAt >= :from");
            params.put("from", from.atStartOfDay(zone).toInstant());
        }
        if (to != null) {
            query.append(" and createdAt < :to");
            params.put("to", to.plusDays(1).atStartOfDay(zone).toInstant());
        }
        long total = EdiTransaction.count(query.toString(), params);
        List<TransactionView> views = EdiTransaction.<EdiTransaction> find(query.toString(),
                Sort.descending("createdAt").and("id"), params)
                .page(Page.of(page, size != null ? size : limit)).list().stream().map(t -> view(t, false)).toList();
        return Response.ok(views).header(TOTAL_COUNT, total).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One transaction: parsed content, raw segments, located errors, its 997 and 824s, the "
            + "business response, missed deadlines and the events it caused")
    public TransactionDetail get(@PathParam("id") UUID id) {
        EdiTransaction t = EdiTransaction.findById(id);
        if (t == null) {
            throw ProblemException.notFound("No EDI transaction " + id);
        }
        List<EdiAcknowledgement> about = EdiAcknowledgement.list("transactionId = ?1 order by createdAt", t.id);
        AcknowledgementView acknowledgement = about.stream()
                .filter(a -> EdiAcknowledgement.FUNCTIONAL.equals(a.kind) && a.direction != t.direction)
                .max(Comparator.comparing((EdiAcknowledgement a) -> a.createdAt)).map(this::acknowledgementView)
                .orElse(null);
        List<AcknowledgementView> advice = about.stream().filter(a -> EdiAcknowledgement.ADVICE.equals(a.kind))
                .map(this::acknowledgementView).toList();
        List<EdiAcknowledgement> given = EdiAcknowledgement.list("acknowledgingTransactionId = ?1 order by createdAt",
                t.id);
        List<AcknowledgedView> acknowledges = given.stream().map(this::acknowledgedView).toList();
        LinkedView businessResponse = t.answeredBy == null ? null
                : EdiTransaction.<EdiTransaction> findByIdOptional(t.answeredBy).map(TransactionResource::linked)
                        .orElse(null);
        LinkedView answers = EdiTransaction.<EdiTransaction> find("answeredBy", t.id).firstResultOptional()
                .map(TransactionResource::linked).orElse(null);
        List<OverdueView> overdue = overdue(t.id);
        Set<UUID> eventIds = new LinkedHashSet<>();
        if (t.producedEventId != null) {
            eventIds.add(t.producedEventId);
        }
        about.stream().map(a -> a.eventId).filter(e -> e != null).forEach(eventIds::add);
        given.stream().map(a -> a.eventId).filter(e -> e != null).forEach(eventIds::add);
        overdue.stream().map(OverdueView::eventId).filter(e -> e != null).forEach(eventIds::add);
        return new TransactionDetail(t.id, t.direction, t.transactionSet, t.setId, t.status, t.senderId, t.receiverId,
                t.isa13, t.gs06, t.st02, t.bgnReference, t.originalReference, t.esiId, t.enrollmentId,
                tree(t.details), tree(t.errors), t.fileId, t.answeredBy, t.producedEventId, t.consumedEventId,
                t.correlationId, t.createdAt, t.updatedAt, segments(t), acknowledgement, advice, acknowledges,
                businessResponse, answers, overdue, events(eventIds));
    }

    private AcknowledgementView acknowledgementView(EdiAcknowledgement a) {
        EdiTransaction by = EdiTransaction.findById(a.acknowledgingTransactionId);
        return new AcknowledgementView(a.kind, a.direction, a.acknowledgingTransactionId, by == null ? null : by.status,
                by == null ? null : by.isa13, by == null ? null : by.gs06, by == null ? null : by.fileId, a.code,
                a.groupCode, a.reference, tree(a.errors), a.createdAt);
    }

    private AcknowledgedView acknowledgedView(EdiAcknowledgement a) {
        EdiTransaction of = EdiTransaction.findById(a.transactionId);
        return new AcknowledgedView(a.transactionId, of == null ? null : of.transactionSet, a.setId, a.controlNumber,
                a.code, tree(a.errors));
    }

    private static LinkedView linked(EdiTransaction t) {
        return new LinkedView(t.id, t.direction, t.transactionSet, t.status, t.bgnReference, t.createdAt);
    }

    private List<OverdueView> overdue(UUID transactionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select kind, sent_at, due_by, raised_at, event_id, work_item_id "
                + "from edi_overdue where transaction_id = ?1 order by raised_at").setParameter(1, transactionId)
                .getResultList();
        List<OverdueView> views = new ArrayList<>();
        for (Object[] row : rows) {
            views.add(new OverdueView((String) row[0], instant(row[1]), instant(row[2]), instant(row[3]),
                    (UUID) row[4], (UUID) row[5]));
        }
        return views;
    }

    private List<EventView> events(Set<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("from OutboxEvent where eventId in :ids order by seq", OutboxEvent.class)
                .setParameter("ids", ids).getResultList().stream()
                .map(e -> new EventView(e.eventId, e.eventType, e.topic, e.occurredAt, e.publishedAt, payload(e)))
                .toList();
    }

    private JsonNode payload(OutboxEvent event) {
        try {
            return json.readTree(event.payload);
        } catch (Exception e) {
            return null;
        }
    }

    private static List<String> segments(EdiTransaction t) {
        return t.rawSegments == null ? List.of() : List.of(t.rawSegments.split("(?<=~)"));
    }

    private TransactionView view(EdiTransaction t, boolean withSegments) {
        return new TransactionView(t.id, t.direction, t.transactionSet, t.status, t.senderId, t.receiverId, t.isa13,
                t.gs06, t.st02, t.bgnReference, t.originalReference, t.esiId, t.enrollmentId, tree(t.details),
                tree(t.errors), t.fileId, t.answeredBy, t.producedEventId, t.consumedEventId, t.createdAt,
                t.updatedAt, withSegments ? segments(t) : null);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return null;
    }

    private JsonNode tree(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (Exception e) {
            return json.getNodeFactory().textNode(text);
        }
    }
}
