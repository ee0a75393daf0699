package org.metertocash.dunning.plans;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.metertocash.platform.problem.ProblemException;
import org.metertocash.platform.security.Roles;

/** A premise's deferred payment plans, latest first ({@code GET /premises/{esiId}/payment-plans}). */
@Path("/premises/{esiId}/payment-plans")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.OPERATIONS, Roles.ADMIN })
@Tag(name = "payment plans")
public class PremisePaymentPlanResource {

    @Inject
    PaymentPlans plans;

    @Inject
    Clock clock;

    @GET
    @Operation(summary = "The premise's deferred payment plans, latest first, each with its schedule and standing")
    public List<PaymentPlanResource.PlanView> list(@PathParam("esiId") String esiId) {
        if (esiId == null || !esiId.matches("10\\d{15}|10\\d{20}")) {
            throw ProblemException.invalid("esiId", "must be 17 or 22 digits starting with 10");
        }
        LocalDate today = LocalDate.now(clock);
        return plans.ofPremise(esiId).stream().map(plan -> PaymentPlanResource.view(plans, plan, today)).toList();
    }
}
