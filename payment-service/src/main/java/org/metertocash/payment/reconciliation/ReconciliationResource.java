package org.metertocash.payment.reconciliation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.metertocash.platform.problem.QueryParameters;
import org.metertocash.platform.problem.FieldError;
import org.metertocash.platform.problem.ProblemException;
import org.metertocash.platform.security.Roles;

/** {@code GET /reconciliation?date=}: a day's payments, received against posted, unapplied, refunded and returned. */
@Path("/reconciliation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reconciliation")
public class ReconciliationResource {

    @Inject
    Reconciliation reconciliation;

    @Inject
    Clock clock;

    @GET
    @RolesAllowed({ Roles.OPERATIONS, Roles.ADMIN })
    @Operation(summary = "A business day's payments (by received date): received = posted + unapplied + refunded to the cent, returned shown separately; totals overall, by channel and by source (API, each payment file, autopay)")
    public Reconciliation.Day get(
            @Parameter(description = "The business date (YYYY-MM-DD); today when left out") @QueryParam("date") String dateText) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate date = QueryParameters.date("date", dateText, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return reconciliation.of(date == null ? LocalDate.now(clock) : date);
    }
}
