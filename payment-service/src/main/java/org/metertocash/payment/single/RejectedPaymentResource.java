package org.metertocash.payment.single;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.metertocash.platform.problem.QueryParameters;
import org.metertocash.platform.problem.FieldError;
import org.metertocash.platform.problem.ProblemException;
import org.metertocash.platform.security.Roles;

import com.fasterxml.jackson.annotation.JsonRawValue;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** The refused {@code POST /payments} requests, for operations: what was sent (masked) and why it was refused. */
@Path("/rejected-payments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "payments")
public class RejectedPaymentResource {

    /** A kept request; {@code errors} as answered, {@code body} as sent (card numbers masked). */
    public record RejectedView(UUID id, Instant receivedAt, String submittedBy, String idempotencyKey,
            String correlationId, @JsonRawValue String errors, String body, boolean bodyTruncated) {

        static RejectedView of(RejectedPaymentRequest r) {
            return new RejectedView(r.id, r.receivedAt, r.submittedBy, r.idempotencyKey, r.correlationId, r.errors,
                    r.body, r.bodyTruncated);
        }
    }

    @Inject
    Clock clock;

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.OPERATIONS, Roles.ADMIN })
    @Transactional
    @Operation(summary = "One refused payment request")
    public RejectedView get(@PathParam("id") UUID id) {
        RejectedPaymentRequest rejected = RejectedPaymentRequest.findById(id);
        if (rejected == null) {
            throw ProblemException.notFound("No rejected payment request " + id);
        }
        return RejectedView.of(rejected);
    }

    @GET
    @RolesAllowed({ Roles.OPERATIONS, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Refused payment requests, newest first, by business date received; the total in X-Total-Count")
    public Response list(@QueryParam("from") String fromText, @QueryParam("to") String toText,
            @QueryParam("page") @DefaultValue("0") String pageText,
            @QueryParam("size") @DefaultValue("100") String sizeText) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate from = QueryParameters.date("from", fromText, errors);
        LocalDate to = QueryParameters.date("to", toText, errors);
        QueryParameters.Page page = QueryParameters.page(pageText, sizeText, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        ZoneId zone = clock.getZone();
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (from != null) {
            query.append(" and receivedAt >= :from");
            params.put("from", from.atStartOfDay(zone).toInstant());
        }
        if (to != null) {
            query.append(" and receivedAt < :before");
            params.put("before", to.plusDays(1).atStartOfDay(zone).toInstant());
        }
        PanacheQuery<RejectedPaymentRequest> found = RejectedPaymentRequest.find(query.toString(),
                Sort.descending("receivedAt").and("id", Sort.Direction.Descending), params);
        long total = found.count();
        return Response.ok(found.page(Page.of(page.index(), page.size())).list().stream().map(RejectedView::of)
                .toList()).header("X-Total-Count", total).build();
    }
}
