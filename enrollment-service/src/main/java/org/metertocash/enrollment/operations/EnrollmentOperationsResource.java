package org.metertocash.enrollment.operations;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.metertocash.enrollment.intake.EnrollmentView;
import org.metertocash.enrollment.lifecycle.Enrollment;
import org.metertocash.enrollment.tpv.Tpv;
import org.metertocash.enrollment.tpv.TpvRecord;
import org.metertocash.enrollment.tpv.TpvRecording;
import org.metertocash.platform.idempotency.Idempotent;
import org.metertocash.platform.security.Roles;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * What operations (and the upstream systems) do with an enrollment after posting it: correct and resubmit a
 * rejected one, cancel before the start date, request a move-out, record a TPV. Every call takes an
 * Idempotency-Key; errors are problem+json (400 invalid field, 404 unknown enrollment, 409 not allowed in the
 * enrollment's state).
 */
@Path("/enrollments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "enrollments")
public class EnrollmentOperationsResource {

    public record CancelRequest(String reason) {
    }

    public record MoveOutRequest(LocalDate moveOutDate) {
    }

    @Inject
    Resubmission resubmission;

    @Inject
    Cancellation cancellation;

    @Inject
    MoveOuts moveOuts;

    @Inject
    TpvRecording tpvRecording;

    @Inject
    SecurityIdentity identity;

    @POST
    @Path("/{id}/resubmit")
    @RolesAllowed({ Roles.UPSTREAM, Roles.OPERATIONS, Roles.ADMIN })
    @Idempotent
    @Operation(summary = "Correct and resubmit a REJECTED enrollment: 201 with the new enrollment (SUBMITTED, previousEnrollmentId set); the rejected one links to it")
    public Response resubmit(@PathParam("id") UUID id, ResubmitRequest request,
            @Parameter(description = "Repeat a request with the same key to get the first answer back")
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam("X-Correlation-Id") String correlationId) {
        Enrollment corrected = resubmission.resubmit(id, request, actor(), correlationId);
        return Response.created(URI.create("/enrollments/" + corrected.id)).entity(EnrollmentView.of(corrected))
                .build();
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({ Roles.UPSTREAM, Roles.OPERATIONS, Roles.ADMIN })
    @Idempotent
    @Operation(summary = "Cancel before the start date (409 when ACTIVE or on/after the start date); the market is told when the request had reached it")
    public Response cancel(@PathParam("id") UUID id, CancelRequest request,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam("X-Correlation-Id") String correlationId) {
        Enrollment enrollment = cancellation.cancel(id, request == null ? null : request.reason(), actor(),
                correlationId);
        return Response.ok(EnrollmentView.of(enrollment)).build();
    }

    @POST
    @Path("/{id}/move-out")
    @RolesAllowed({ Roles.UPSTREAM, Roles.OPERATIONS, Roles.ADMIN })
    @Idempotent
    @Operation(summary = "Request a move-out of an ACTIVE enrollment on a date; it stays ACTIVE until the market completes it (MOVED_OUT)")
    public Response moveOut(@PathParam("id") UUID id, MoveOutRequest request,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam("X-Correlation-Id") String correlationId) {
        Enrollment enrollment = moveOuts.request(id, request == null ? null : request.moveOutDate(), actor(),
                correlationId);
        return Response.accepted(EnrollmentView.of(enrollment)).build();
    }

    @POST
    @Path("/{id}/tpv")
    @RolesAllowed({ Roles.UPSTREAM, Roles.OPERATIONS, Roles.ADMIN })
    @Idempotent
    @Operation(summary = "Record the third-party verification (vendor, confirmation id, date, recording reference); an enrollment waiting for it (PENDING_TPV) is sent")
    public Response recordTpv(@PathParam("id") UUID id, TpvRecord request,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam("X-Correlation-Id") String correlationId) {
        Enrollment enrollment = tpvRecording.record(id, request, actor(), correlationId);
        return Response.created(URI.create("/enrollments/" + id))
                .entity(EnrollmentView.of(enrollment, Tpv.findById(id), null, null)).build();
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
