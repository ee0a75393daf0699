package org.metertocash.dunning.collections;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.metertocash.platform.problem.ProblemException;
import org.metertocash.platform.security.Roles;

/** {@code POST /collections/evaluations}: runs the day turn now, for operations and for tests that move the clock. */
@Path("/collections/evaluations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "collections")
public class DayTurnResource {

    @Inject
    DayTurn dayTurn;

    @Inject
    Clock clock;

    @POST
    @RolesAllowed({ Roles.OPERATIONS, Roles.ADMIN })
    @Operation(summary = "Run the day turn now: evaluate every account not CURRENT and every account whose next step is"
            + " due, for ?date= (default today; not in the future). Running it again the same day changes nothing, so"
            + " no Idempotency-Key is needed; a large day turn runs longer than a transaction may, so none is held"
            + " around it")
    public Response run(@QueryParam("date") String dateText) {
        LocalDate today = LocalDate.now(clock);
        LocalDate date;
        if (dateText == null || dateText.isBlank()) {
            date = today;
        } else {
            try {
                date = LocalDate.parse(dateText.trim());
            } catch (java.time.format.DateTimeParseException e) {
                throw ProblemException.invalid("date", "must be a date (YYYY-MM-DD)");
            }
        }
        if (date.isAfter(today)) {
            throw ProblemException.invalid("date", "must be today (" + today + ") or earlier: the future is not here");
        }
        return Response.ok(dayTurn.run(date)).build();
    }
}
