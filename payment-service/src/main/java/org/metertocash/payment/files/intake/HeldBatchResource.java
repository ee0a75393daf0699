package org.metertocash.payment.files.intake;

import java.util.ArrayList;
import java.util.List;
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
import org.metertocash.platform.events.Cause;
import org.metertocash.platform.idempotency.Idempotent;
import org.metertocash.platform.problem.FieldError;
import org.metertocash.platform.problem.Problem;
import org.metertocash.platform.problem.ProblemException;
import org.metertocash.platform.security.Roles;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Operations work a held batch of a payment file ({@link HeldBatches}): release it — its lines post — or reject it —
 * nothing of it posts — each with a note, under an {@code Idempotency-Key}. The batch is named by its place in the
 * file ({@code seq}, as {@code GET /payment-files/{id}} lists it and the work item's reference {@code <file id>/<seq>}
 * says). Both answer with the file as it is then.
 */
@Path("/payment-files/{id}/batches/{batch}")
@Tag(name = "payment files")
public class HeldBatchResource {

    private static final int MAX_NOTE = 2000;

    /** Why: what the analyst checked, with whom. */
    public record Decision(String note) {
    }

    @Inject
    HeldBatches heldBatches;

    @Inject
    PaymentFileQueries queries;

    @Inject
    SecurityIdentity identity;

    @POST
    @Path("/release")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    @RolesAllowed({ Roles.OPERATIONS, Roles.ADMIN })
    @Idempotent
    @Operation(summary = "Release a held batch, with a note: its lines post (each once per file and line; unmatched "
            + "money to suspense; a NACHA batch's returns go to the returns processing), its work item closes; "
            + "asking again changes nothing; 409 when it is not held (or the file is still posting)")
    public Response release(@PathParam("id") String idText,
            @Parameter(description = "The batch's place in the file, from 1") @PathParam("batch") String batchText,
            Decision body, @HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam("X-Correlation-Id") String correlationId) {
        UUID id = id(idText);
        int seq = seq(id, batchText);
        String note = note(body);
        heldBatches.release(id, seq, actor(), note, Cause.correlatedWith(correlationId != null ? correlationId
                : id.toString()));
        return Response.ok(queries.file(id).orElseThrow()).type(MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Path("/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    @RolesAllowed({ Roles.OPERATIONS, Roles.ADMIN })
    @Idempotent
    @Operation(summary = "Reject a held batch, with a note: closed, nothing of it posts, its lines stay kept as "
            + "REJECTED, its work item closes; asking again changes nothing; 409 when it is not held")
    public Response reject(@PathParam("id") String idText,
            @Parameter(description = "The batch's place in the file, from 1") @PathParam("batch") String batchText,
            Decision body, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        UUID id = id(idText);
        int seq = seq(id, batchText);
        heldBatches.reject(id, seq, actor(), note(body));
        return Response.ok(queries.file(id).orElseThrow()).type(MediaType.APPLICATION_JSON).build();
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private static String note(Decision body) {
        String note = body == null ? null : body.note();
        List<FieldError> errors = new ArrayList<>();
        if (note == null || note.isBlank()) {
            errors.add(new FieldError("note", "is required: say why"));
        } else if (note.length() > MAX_NOTE) {
            errors.add(new FieldError("note", "must be at most " + MAX_NOTE + " characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return note.trim();
    }

    private static UUID id(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No payment file " + text);
        }
    }

    private static int seq(UUID id, String text) {
        try {
            int seq = Integer.parseInt(text);
            if (seq >= 1) {
                return seq;
            }
        } catch (NumberFormatException e) {
            // not a number: no such batch
        }
        throw ProblemException.notFound("Payment file " + id + " has no batch " + text);
    }
}
