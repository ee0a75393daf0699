package org.metertocash.dunning.plans;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.metertocash.platform.idempotency.Idempotent;
import org.metertocash.platform.problem.ProblemException;
import org.metertocash.platform.security.Roles;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Deferred payment plans over HTTP: make one ({@code POST /payment-plans}, with an Idempotency-Key) and look at one
 * with its schedule and the payments counted. Operations and admin.
 */
@Path("/payment-plans")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.OPERATIONS, Roles.ADMIN })
@Tag(name = "payment plans")
public class PaymentPlanResource {

    /** The body of {@code POST /payment-plans}. */
    public record PlanRequest(
            @Schema(example = "10443720000012345") String esiId,
            @Schema(description = "The balance deferred, down payment included, dollars", example = "300.00") BigDecimal amount,
            @Schema(description = "Due at once, dollars (0 for none)", example = "50.00") BigDecimal downPayment,
            @Schema(description = "How many monthly installments follow the down payment", example = "5") Integer installments,
            @Schema(description = "Due date of the first installment (after today)") LocalDate firstInstallmentDue,
            PlanReason reason,
            @Schema(description = "Due date of the bill deferred, for 16 TAC §25.480(j) (today when left out)") LocalDate billDueDate) {
    }

    /** One installment of the schedule with what has been paid towards it and its state today. */
    public record InstallmentView(int number, LocalDate dueDate, BigDecimal amount, BigDecimal paid,
            PlanProgress.State state) {
    }

    /** One payment counted towards the plan. */
    public record PaymentView(UUID paymentId, BigDecimal amount, LocalDate receivedOn, boolean reversed) {
    }

    /** A plan as the API shows it. */
    public record PlanView(UUID id, String accountNumber, String esiId, BigDecimal amount, BigDecimal downPayment,
            int installmentCount, LocalDate firstInstallmentDue, PlanReason reason, LocalDate billDueDate,
            boolean required, String requiredRule, PlanStanding.Status status, BigDecimal paid,
            BigDecimal deferredNotYetDue, LocalDate nextInstallmentDue, BigDecimal nextInstallmentOwed,
            LocalDate defaultedOn, LocalDate defaultedInstallmentDue, BigDecimal defaultedAmountUnpaid,
            LocalDate completedOn, LocalDate createdOn, String createdBy, Instant createdAt,
            List<InstallmentView> installments, List<PaymentView> payments) {
    }

    @Inject
    PaymentPlans plans;

    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Idempotent
    @Operation(summary = "Make a deferred payment plan for the premise's account (16 TAC §25.480(j)): the down payment "
            + "due today, then equal monthly installments (the last takes the cents left over); records whether the "
            + "rule required the plan. 201 with the plan; 400 names each invalid field; 409 when the account already "
            + "has a plan being kept")
    public Response create(PlanRequest request,
            @Parameter(description = "Repeat a request with the same key to get the first answer back")
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        if (request == null) {
            throw ProblemException.invalid("body", "must give esiId, amount, downPayment, installments, "
                    + "firstInstallmentDue and reason");
        }
        PaymentPlan plan = plans.create(new PaymentPlans.PlanTerms(request.esiId(), request.amount(),
                request.downPayment(), request.installments(), request.firstInstallmentDue(), request.reason(),
                request.billDueDate()), identity.getPrincipal().getName());
        return Response.created(URI.create("/payment-plans/" + plan.id)).entity(view(plans, plan, LocalDate.now(clock)))
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One plan: its terms, whether §25.480(j) required it, where it stands today, its schedule "
            + "with what was paid towards each installment, and the payments counted")
    public PlanView get(@PathParam("id") String idText) {
        UUID id;
        try {
            id = UUID.fromString(idText);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No payment plan " + idText);
        }
        PaymentPlan plan = plans.find(id).orElseThrow(() -> ProblemException.notFound("No payment plan " + id));
        return view(plans, plan, LocalDate.now(clock));
    }

    static PlanView view(PaymentPlans plans, PaymentPlan plan, LocalDate today) {
        PlanProgress.Result progress = plans.progress(plan, today);
        boolean active = plan.status == PlanStanding.Status.ACTIVE;
        return new PlanView(plan.id, plan.accountNumber, plan.esiId, plan.amount, plan.downPayment,
                plan.installmentCount, plan.firstInstallmentDue, plan.reason, plan.billDueDate, plan.required,
                plan.requiredRule, plan.status, progress.paid(), active ? progress.notYetDue() : BigDecimal.ZERO,
                active ? progress.next().map(InstallmentSchedule.Installment::dueDate).orElse(null) : null,
                active && progress.next().isPresent() ? progress.nextOwed() : null, plan.defaultedOn,
                plan.defaultedInstallmentDue, plan.defaultedAmountUnpaid, plan.completedOn, plan.createdOn,
                plan.createdBy, plan.createdAt,
                progress.installments().stream().map(i -> new InstallmentView(i.installment().number(),
                        i.installment().dueDate(), i.installment().amount(), i.paid(), i.state())).toList(),
                plans.payments(plan.id).stream().map(p -> new PaymentView(p.paymentId, p.amount, p.receivedOn,
                        p.reversed)).toList());
    }
}
