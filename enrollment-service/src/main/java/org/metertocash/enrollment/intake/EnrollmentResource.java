package org.metertocash.enrollment.intake;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.metertocash.platform.events.Cause;
import org.metertocash.platform.idempotency.Idempotent;
import org.metertocash.platform.problem.ProblemException;
import org.metertocash.platform.security.Roles;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/enrollments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "enrollments")
public class EnrollmentResource {

    public record TransitionView(EnrollmentState from, EnrollmentState to, String reason, UUID causeEventId,
            Instant at) {
    }

    @Inject
    EnrollmentIntake intake;

    @Inject
    EnrollmentLifecycle lifecycle;

    @Inject
    SecurityIdentity identity;

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
    @Operation(summary = "One enrollment")
    public EnrollmentView get(@PathParam("id") UUID id) {
        Enrollment enrollment = Enrollment.findById(id);
        if (enrollment == null) {
            throw ProblemException.notFound("No enrollment " + id);
        }
        return EnrollmentView.of(enrollment);
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.UPSTREAM, Roles.OPERATIONS, Roles.ADMIN })
    @Operation(summary = "Every state change of an enrollment and its cause")
    public List<TransitionView> history(@PathParam("id") UUID id) {
        get(id);
        return lifecycle.history(id).stream()
                .map(t -> new TransitionView(t.fromState, t.toState, t.reason, t.causeEventId, t.at)).toList();
    }

    @GET
    @RolesAllowed({ Roles.UPSTREAM, Roles.OPERATIONS, Roles.ADMIN })
    @Operation(summary = "Enrollments, newest first, by ESI ID and/or state")
    public List<EnrollmentView> list(@QueryParam("esiId") String esiId, @QueryParam("state") EnrollmentState state,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (esiId != null) {
            query.append(" and esiId = :esiId");
            params.put("esiId", esiId);
        }
        if (state != null) {
            query.append(" and state = :state");
            params.put("state", state);
        }
        return Enrollment.<Enrollment> find(query.toString(), Sort.descending("createdAt"), params)
                .page(Page.ofSize(limit)).list().stream().map(EnrollmentView::of).toList();
    }
}
