package org.metertocash.edi.transactions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.metertocash.platform.problem.ProblemException;
import org.metertocash.platform.security.Roles;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** The transaction log as operations read it: filtered lists and one transaction with its raw segments. */
@Path("/edi/transactions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.UPSTREAM, Roles.OPERATIONS, Roles.ADMIN })
@Tag(name = "edi")
public class TransactionResource {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TransactionView(UUID id, Direction direction, String transactionSet, TransactionStatus status,
            String senderId, String receiverId, String isa13, String gs06, String st02, String bgnReference,
            String originalReference, String esiId, UUID enrollmentId, JsonNode details, JsonNode errors,
            UUID fileId, UUID answeredBy, UUID producedEventId, UUID consumedEventId, Instant createdAt,
            Instant updatedAt, List<String> rawSegments) {
    }

    @Inject
    ObjectMapper json;

    @GET
    @Operation(summary = "Transactions, newest first, by set (814 or 814_05), direction, status, ESI ID and date")
    public List<TransactionView> list(@QueryParam("set") String set, @QueryParam("direction") Direction direction,
            @QueryParam("status") TransactionStatus status, @QueryParam("esiId") String esiId,
            @QueryParam("enrollmentId") UUID enrollmentId, @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (set != null) {
            query.append(set.contains("_") ? " and transactionSet = :set" : " and setId = :set");
            params.put("set", set);
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
        ZoneId zone = ZoneId.of("America/Chicago");
        if (from != null) {
            query.append(" and createdAt >= :from");
            params.put("from", from.atStartOfDay(zone).toInstant());
        }
        if (to != null) {
            query.append(" and createdAt < :to");
            params.put("to", to.plusDays(1).atStartOfDay(zone).toInstant());
        }
        return EdiTransaction.<EdiTransaction> find(query.toString(), Sort.descending("createdAt"), params)
                .page(Page.ofSize(limit)).list().stream().map(t -> view(t, false)).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One transaction: parsed content, errors, the raw segments, links to its file and events")
    public TransactionView get(@PathParam("id") UUID id) {
        EdiTransaction transaction = EdiTransaction.findById(id);
        if (transaction == null) {
            throw ProblemException.notFound("No EDI transaction " + id);
        }
        return view(transaction, true);
    }

    private TransactionView view(EdiTransaction t, boolean withSegments) {
        return new TransactionView(t.id, t.direction, t.transactionSet, t.status, t.senderId, t.receiverId, t.isa13,
                t.gs06, t.st02, t.bgnReference, t.originalReference, t.esiId, t.enrollmentId, tree(t.details),
                tree(t.errors), t.fileId, t.answeredBy, t.producedEventId, t.consumedEventId, t.createdAt,
                t.updatedAt, withSegments ? List.of(t.rawSegments.split("(?<=~)")) : null);
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
