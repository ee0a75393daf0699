package org.metertocash.platform.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.metertocash.platform.problem.ProblemException;
import org.metertocash.platform.security.Roles;

import io.quarkus.security.identity.SecurityIdentity;

/** Dead letters of this service's consumers: inspect them and replay them once the cause is fixed. */
@Path("/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.OPERATIONS, Roles.ADMIN })
@Tag(name = "operations")
public class DeadLetterResource {

    public record DeadLetterView(UUID id, String topic, int partition, long offset, String key, String eventId,
            String eventType, String reason, DeadLetter.Status status, int attempts, Instant createdAt,
            Instant updatedAt, String body) {
    }

    @Inject
    DeadLetters deadLetters;

    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(summary = "List dead letters, newest first")
    public List<DeadLetterView> list(@QueryParam("status") @DefaultValue("OPEN") DeadLetter.Status status,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return deadLetters.list(status, limit).stream().map(DeadLetterResource::view).toList();
    }

    @GET
    @Path("/{id}")
    public DeadLetterView get(@PathParam("id") UUID id) {
        return deadLetters.find(id).map(DeadLetterResource::view)
                .orElseThrow(() -> ProblemException.notFound("No dead letter " + id));
    }

    @POST
    @Path("/{id}/replay")
    @Operation(summary = "Run one dead letter through its consumer again")
    public DeadLetters.ReplayResult replay(@PathParam("id") UUID id) {
        return deadLetters.replay(id, actor());
    }

    @POST
    @Path("/replay")
    @Operation(summary = "Replay every open dead letter, oldest first")
    public List<DeadLetters.ReplayResult> replayAll() {
        List<DeadLetter> open = new ArrayList<>(deadLetters.list(DeadLetter.Status.OPEN, 10_000));
        java.util.Collections.reverse(open);
        List<DeadLetters.ReplayResult> results = new ArrayList<>();
        for (DeadLetter letter : open) {
            results.add(deadLetters.replay(letter.id, actor()));
        }
        return results;
    }

    private String actor() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    private static DeadLetterView view(DeadLetter d) {
        return new DeadLetterView(d.id, d.topic, d.partition, d.offset, d.recordKey, d.eventId, d.eventType,
                d.reason, d.status, d.attempts, d.createdAt, d.updatedAt,
                d.payload == null ? null : new String(d.payload, StandardCharsets.UTF_8));
    }
}
