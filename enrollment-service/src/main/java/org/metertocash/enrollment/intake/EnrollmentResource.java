package org.metertocash.enrollment.intake;

import static org.metertocash.platform.problem.QueryParameters.date;
import static org.metertocash.platform.problem.QueryParameters.number;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.metertocash.enrollment.lifecycle.Enrollment;
import org.metertocash.enrollment.lifecycle.EnrollmentLifecycle;
import org.metertocash.enrollment.lifecycle.EnrollmentState;
import org.metertocash.enrollment.market.MarketTransaction;
import org.metertocash.enrollment.tpv.Tpv;
import org.metertocash.platform.events.Cause;
import org.metertocash.platform.idempotency.Idempotent;
import org.metertocash.platform.problem.FieldError;
import org.metertocash.platform.problem.ProblemException;
import org.metertocash.platform.security.Roles;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;

/** Enrollments as upstream systems post them and operations look them up. */
@Path("/enrollments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "enrollments")
public class EnrollmentResource {

    @Inject
    EnrollmentIntake intake;

    @Inject
    EnrollmentLifecycle lifecycle;

    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.UPSTREAM, Roles.ADMIN })
    @Idempotent
    @Operation(summary = "Enroll a customer at a premise (switch or move-in); answered 201 with the enrollment, SUBMITTED")
    public Response submit(EnrollmentRequest request,
            @Parameter(description = "Repeat a request with the same key to get the first answer back")
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam("X-Correlation-Id") String correlationId) {
        Enrollment enrollment = intake.submit(request, identity.getPrincipal().getName(),
                Cause.correlatedWith(correlationId));
        return Response.created(URI.create("/enrollments/" + enrollment.id)).entity(EnrollmentView.of(enrollment))
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.UPSTREAM, Roles.OPERATIONS, Roles.ADMIN })
    @Operation(summary = "One enrollment with its TPV, its history (every transition with cause and actor) and the market transactions it went through")
    public EnrollmentView get(@PathParam("id") UUID id) {
        Enrollment enrollment = find(id);
        return EnrollmentView.of(enrollment, Tpv.findById(id), lifecycle.history(id),
                MarketTransaction.list("enrollmentId = ?1 order by occurredAt, id", id));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.UPSTREAM, Roles.OPERATIONS, Roles.ADMIN })
    @Operation(summary = "Every state change of an enrollment and its cause")
    public List<EnrollmentView.TransitionView> history(@PathParam("id") UUID id) {
        find(id);
        return lifecycle.history(id).stream().map(EnrollmentView.TransitionView::of).toList();
    }

    @GET
    @RolesAllowed({ Roles.UPSTREAM, Roles.OPERATIONS, Roles.ADMIN })
    @Operation(summary = "Enrollments, newest first, filtered; a JSON array of one page, the total in the X-Total-Count header")
    public Response list(@QueryParam("esiId") String esiId,
            @Parameter(description = "One or more states, e.g. state=SUBMITTED&state=SENT") @QueryParam("state") List<String> stateNames,
            @QueryParam("productCode") String productCode,
            @Parameter(description = "Market reject reason (REF*7G / 824 code) of REJECTED enrollments") @QueryParam("rejectionCode") String rejectionCode,
            @Parameter(description = "Created on or after this business date (YYYY-MM-DD)") @QueryParam("createdFrom") String createdFromText,
            @Parameter(description = "Created on or before this business date") @QueryParam("createdTo") String createdToText,
            @Parameter(description = "Start date (scheduled, else requested) on or after") @QueryParam("startFrom") String startFromText,
            @Parameter(description = "Start date (scheduled, else requested) on or before") @QueryParam("startTo") String startToText,
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") String pageText,
            @Parameter(description = "Page size, 1 to 1000") @QueryParam("size") @DefaultValue("100") String sizeText) {
        // parsed here rather than by JAX-RS, which answers an unconvertible query parameter with 404
        List<FieldError> errors = new ArrayList<>();
        List<EnrollmentState> states = new ArrayList<>();
        for (String name : stateNames == null ? List.<String> of() : stateNames) {
            try {
                states.add(EnrollmentState.valueOf(name.trim()));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("state", "must be one of " + Arrays.toString(EnrollmentState.values())));
            }
        }
        LocalDate createdFrom = date("createdFrom", createdFromText, errors);
        LocalDate createdTo = date("createdTo", createdToText, errors);
        LocalDate startFrom = date("startFrom", startFromText, errors);
        LocalDate startTo = date("startTo", startToText, errors);
        int page = number("page", pageText, 0, Integer.MAX_VALUE, errors);
        int size = number("size", sizeText, 1, 1000, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (esiId != null && !esiId.isBlank()) {
            query.append(" and esiId = :esiId");
            params.put("esiId", esiId);
        }
        if (states != null && !states.isEmpty()) {
            query.append(" and state in :states");
            params.put("states", states);
        }
        if (productCode != null && !productCode.isBlank()) {
            query.append(" and productCode = :productCode");
            params.put("productCode", productCode);
        }
        if (rejectionCode != null && !rejectionCode.isBlank()) {
            query.append(" and rejectReasonCode = :rejectionCode");
            params.put("rejectionCode", rejectionCode);
        }
        ZoneId zone = clock.getZone();
        if (createdFrom != null) {
            query.append(" and createdAt >= :createdFrom");
            params.put("createdFrom", createdFrom.atStartOfDay(zone).toInstant());
        }
        if (createdTo != null) {
            query.append(" and createdAt < :createdBefore");
            params.put("createdBefore", createdTo.plusDays(1).atStartOfDay(zone).toInstant());
        }
        if (startFrom != null) {
            query.append(" and coalesce(scheduledStartDate, requestedStartDate) >= :startFrom");
            params.put("startFrom", startFrom);
        }
        if (startTo != null) {
            query.append(" and coalesce(scheduledStartDate, requestedStartDate) <= :startTo");
            params.put("startTo", startTo);
        }
        PanacheQuery<Enrollment> found = Enrollment.find(query.toString(),
                Sort.descending("createdAt").and("id", Sort.Direction.Descending), params);
        long total = found.count();
        List<EnrollmentView> views = found.page(Page.of(page, size)).list().stream().map(EnrollmentView::of)
                .toList();
        return Response.ok(views)
                .header("X-Total-Count", total)
                .header("X-Page", page)
                .header("X-Page-Size", size)
                .build();
    }



    private static Enrollment find(UUID id) {
        Enrollment enrollment = Enrollment.findById(id);
        if (enrollment == null) {
            throw ProblemException.notFound("No enrollment " + id);
        }
        return enrollment;
    }
}
