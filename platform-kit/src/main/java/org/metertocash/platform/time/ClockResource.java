package org.metertocash.platform.time;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.metertocash.platform.problem.Problem;
import org.metertocash.platform.problem.ProblemException;
import org.metertocash.platform.security.Roles;

/**
 * Moves the service's business clock. Enabled only where {@code platform.clock.adjustable=true} (the local and
 * test profiles); everywhere else it answers 404.
 */
@Path("/admin/clock")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class ClockResource {

    public record ClockState(Instant now, LocalDate today, String zone, Duration offset, boolean adjustable) {
    }

    public record SetClock(@NotNull Instant instant) {
    }

    public record AdvanceClock(@NotNull Duration duration) {
    }

    @Inject
    AdjustableClock clock;

    @ConfigProperty(name = "platform.clock.adjustable", defaultValue = "false")
    boolean adjustable;

    @GET
    @RolesAllowed({ Roles.OPERATIONS, Roles.ADMIN })
    @Operation(summary = "The service's business time")
    public ClockState get() {
        return state();
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Set the business clock to an instant (local and test profiles only)")
    public ClockState set(@jakarta.validation.Valid @NotNull SetClock request) {
        requireAdjustable();
        clock.setTo(request.instant());
        return state();
    }

    @POST
    @Path("/advance")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Move the business clock forward by an ISO-8601 duration such as P1D (local and test profiles only)")
    public ClockState advance(@jakarta.validation.Valid @NotNull AdvanceClock request) {
        requireAdjustable();
        clock.advance(request.duration());
        return state();
    }

    @POST
    @Path("/reset")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Back to real time (local and test profiles only)")
    public ClockState reset() {
        requireAdjustable();
        clock.reset();
        return state();
    }

    private void requireAdjustable() {
        if (!adjustable) {
            throw new ProblemException(Problem.of(404, "not-found", "Not found",
                    "The clock can only be moved where platform.clock.adjustable is true"));
        }
    }

    private ClockState state() {
        return new ClockState(clock.instant(), LocalDate.now(clock), clock.getZone().getId(), clock.offset(),
                adjustable);
    }
}
