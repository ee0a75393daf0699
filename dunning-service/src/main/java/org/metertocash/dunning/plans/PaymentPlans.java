package org.metertocash.dunning.plans;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.metertocash.contracts.dunning.DeferredPaymentPlanDefaulted;
import org.metertocash.dunning.collections.AccountChanged;
import org.metertocash.dunning.collections.CollectionAccount;
import org.metertocash.dunning.gates.Gates;
import org.metertocash.platform.events.Cause;
import org.metertocash.platform.outbox.Outbox;
import org.metertocash.platform.problem.FieldError;
import org.metertocash.platform.problem.ProblemException;
import org.metertocash.platform.workqueue.WorkQueue;

import io.quarkus.panache.common.Sort;

/**
 * Deferred payment plans (16 TAC §25.480(j)): makes them, counts payments towards their installments, and tells
 * collections where the account's plan stands — marking a missed installment as a default once.
 */
@ApplicationScoped
public class PaymentPlans {

    /** A plan was broken (reference: the plan id): collections resumed; operations may call the customer. */
    public static final String DPP_DEFAULTED = "DPP_DEFAULTED";

    /** What a new plan is made of; {@code billDueDate} is the deferred bill's due date (today when not given). */
    public record PlanTerms(String esiId, BigDecimal amount, BigDecimal downPayment, Integer installments,
            LocalDate firstInstallmentDue, PlanReason reason, LocalDate billDueDate) {
    }

    @Inject
    Clock clock;

    @Inject
    Gates gates;

    @Inject
    Outbox outbox;

    @Inject
    WorkQueue workQueue;

    @Inject
    Event<AccountChanged> accountChanged;

    @ConfigProperty(name = "dunning.plans.max-installments", defaultValue = "24")
    int maxInstallments;

    /**
     * Makes a plan for the premise's current account: its schedule from today, and whether §25.480(j) required it.
     * Refused (400, field by field) when the terms cannot make a plan, 409 when the account already has one kept.
     */
    @Transactional
    public PaymentPlan create(PlanTerms terms, String actor) {
        LocalDate today = LocalDate.now(clock);
        List<FieldError> errors = new ArrayList<>();
        if (terms.esiId() == null || !terms.esiId().matches("10\\d{15}|10\\d{20}")) {
            errors.add(new FieldError("esiId", "must be 17 or 22 digits starting with 10"));
        }
        if (terms.amount() == null || terms.amount().signum() <= 0 || terms.amount().stripTrailingZeros().scale() > 2) {
            errors.add(new FieldError("amount", "must be the deferred balance: a positive amount in whole cents"));
        }
        if (terms.downPayment() == null || terms.downPayment().signum() < 0
                || terms.downPayment().stripTrailingZeros().scale() > 2) {
            errors.add(new FieldError("downPayment", "must be zero or a positive amount in whole cents"));
        } else if (terms.amount() != null && terms.downPayment().compareTo(terms.amount()) >= 0) {
            errors.add(new FieldError("downPayment", "must be less than the amount deferred"));
        }
        if (terms.installments() == null || terms.installments() < 1 || terms.installments() > maxInstallments) {
            errors.add(new FieldError("installments", "must be a count from 1 to " + maxInstallments));
        }
        if (terms.firstInstallmentDue() == null) {
            errors.add(new FieldError("firstInstallmentDue", "is required (YYYY-MM-DD)"));
        } else if (!terms.firstInstallmentDue().isAfter(today)) {
            errors.add(new FieldError("firstInstallmentDue", "must be after today (" + today
                    + "): the down payment is due today"));
        }
        if (terms.reason() == null) {
            errors.add(new FieldError("reason", "must be one of " + List.of(PlanReason.values())));
        }
        if (errors.isEmpty()) {
            String problem = InstallmentSchedule.problem(terms.amount(), terms.downPayment(), terms.installments());
            if (problem != null) {
                errors.add(new FieldError("installments", problem));
            }
        }
        CollectionAccount account = null;
        if (errors.stream().noneMatch(e -> e.field().equals("esiId"))) {
            account = CollectionAccount.<CollectionAccount> find("esiId", Sort.descending("openedAt"), terms.esiId())
                    .firstResult();
            if (account == null) {
                errors.add(new FieldError("esiId", "no account of this premise is in collections"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Optional<PaymentPlan> kept = PaymentPlan.<PaymentPlan> find("accountNumber = ?1 and status = ?2",
                account.accountNumber, PlanStanding.Status.ACTIVE).firstResultOptional();
        if (kept.isPresent()) {
            throw ProblemException.conflict("payment-plan-exists", "Account " + account.accountNumber
                    + " already has a deferred payment plan being kept: " + kept.get().id);
        }
        LocalDate billDueDate = terms.billDueDate() == null ? today : terms.billDueDate();
        PlanRequirement.Outcome requirement = PlanRequirement.of(terms.reason(), billDueDate,
                gates.designationsOn(terms.esiId(), today));
        PaymentPlan plan = new PaymentPlan();
        plan.id = UUID.randomUUID();
        plan.accountNumber = account.accountNumber;
        plan.esiId = terms.esiId();
        plan.amount = terms.amount().setScale(2);
        plan.downPayment = terms.downPayment().setScale(2);
        plan.installmentCount = terms.installments();
        plan.firstInstallmentDue = terms.firstInstallmentDue();
        plan.reason = terms.reason();
        plan.required = requirement.required();
        plan.requiredRule = requirement.rule();
        plan.billDueDate = billDueDate;
        plan.status = PlanStanding.Status.ACTIVE;
        plan.createdOn = today;
        plan.createdBy = actor;
        plan.createdAt = clock.instant();
        plan.persist();
        for (InstallmentSchedule.Installment due : InstallmentSchedule.of(plan.amount, plan.downPayment,
                plan.installmentCount, today, plan.firstInstallmentDue)) {
            PlanInstallment installment = new PlanInstallment();
            installment.planId = plan.id;
            installment.number = due.number();
            installment.dueDate = due.dueDate();
            installment.amount = due.amount();
            installment.persist();
        }
        accountChanged.fire(new AccountChanged(plan.esiId, "deferred payment plan " + plan.id + " made: $"
                + plan.amount.toPlainString() + " over " + plan.installmentCount + " installment(s)"));
        return plan;
    }

    /** Counts a payment towards the account's open plan installments; idempotent per paymentId. TxType.MANDATORY. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void paymentApplied(String accountNumber, UUID paymentId, BigDecimal amount, LocalDate on) {
        if (PlanPayment.findById(paymentId) != null) {
            return; // counted before, or returned before it arrived: either way it is not counted again
        }
        Optional<PaymentPlan> open = open(accountNumber);
        if (open.isEmpty() || amount == null || amount.signum() <= 0) {
            return;
        }
        PlanPayment payment = new PlanPayment();
        payment.paymentId = paymentId;
        payment.planId = open.get().id;
        payment.amount = amount;
        payment.receivedOn = on;
        payment.reversed = false;
        payment.recordedAt = clock.instant();
        payment.persist();
    }

    /**
     * Which of these accounts have a plan in force that payments count towards: for a run of payments, the only ones
     * {@link #paymentApplied} has anything to do for. One query. TxType.MANDATORY.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> accountsWithOpenPlan(Collection<String> accountNumbers) {
        if (accountNumbers.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(PaymentPlan.getEntityManager().createQuery(
                "select distinct p.accountNumber from PaymentPlan p where p.accountNumber in ?1 and p.status = ?2",
                String.class).setParameter(1, accountNumbers).setParameter(2, PlanStanding.Status.ACTIVE)
                .getResultList());
    }

    /** A payment came back: it no longer counts. Idempotent. TxType.MANDATORY. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void paymentReversed(String accountNumber, UUID paymentId) {
        PlanPayment payment = PlanPayment.findById(paymentId);
        if (payment != null) {
            if (!payment.reversed) {
                payment.reversed = true;
                payment.reversedAt = clock.instant();
            }
            return;
        }
        // the return arrived before its payment: keep it so the payment, when it arrives, is not counted
        open(accountNumber).ifPresent(plan -> {
            PlanPayment tombstone = new PlanPayment();
            tombstone.paymentId = paymentId;
            tombstone.planId = plan.id;
            tombstone.amount = BigDecimal.ZERO;
            tombstone.receivedOn = LocalDate.now(clock);
            tombstone.reversed = true;
            tombstone.recordedAt = clock.instant();
            tombstone.reversedAt = tombstone.recordedAt;
            tombstone.persist();
        });
    }

    /**
     * The account's latest plan as of today, if any. Marks a missed installment (unpaid by the end of its due date)
     * as a default the first time it is seen: DeferredPaymentPlanDefaulted + a DPP_DEFAULTED work item, once.
     * Called by the engine under the account lock. TxType.MANDATORY.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<PlanStanding> standing(String accountNumber, String esiId, LocalDate today, Cause cause) {
        Optional<PaymentPlan> latest = PaymentPlan.<PaymentPlan> find(
                "accountNumber = ?1 and createdOn <= ?2 order by createdAt desc, id", accountNumber, today)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        PaymentPlan plan = latest.get();
        if (plan.status == PlanStanding.Status.DEFAULTED) {
            return Optional.of(new PlanStanding(plan.id, PlanStanding.Status.DEFAULTED, BigDecimal.ZERO, null, null));
        }
        PlanProgress.Result progress = progress(plan, today);
        if (progress.missed().isPresent()) {
            PlanProgress.Missed missed = progress.missed().get();
            plan.status = PlanStanding.Status.DEFAULTED;
            plan.defaultedOn = today;
            plan.defaultedInstallmentDue = missed.installment().dueDate();
            plan.defaultedAmountUnpaid = missed.amountUnpaid();
            plan.completedOn = null;
            // §25.480(j): a broken plan is a ground for disconnection; collections resumes from where the rules put it
            outbox.publish(new DeferredPaymentPlanDefaulted(plan.id, plan.accountNumber,
                    esiId == null ? plan.esiId : esiId, missed.installment().dueDate(), missed.amountUnpaid(), today),
                    cause);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("planId", plan.id.toString());
            details.put("accountNumber", plan.accountNumber);
            details.put("installmentNumber", missed.installment().number());
            details.put("installmentDueDate", missed.installment().dueDate().toString());
            details.put("amountUnpaid", missed.amountUnpaid());
            details.put("defaultedOn", today.toString());
            workQueue.raise(DPP_DEFAULTED, plan.esiId, plan.id.toString(), "Deferred payment plan " + plan.id
                    + " of account " + plan.accountNumber + " defaulted: the installment due "
                    + missed.installment().dueDate() + " was not paid ($" + missed.amountUnpaid().toPlainString()
                    + " unpaid); collections resumed", details);
            return Optional.of(new PlanStanding(plan.id, PlanStanding.Status.DEFAULTED, BigDecimal.ZERO, null, null));
        }
        if (progress.completed()) {
            if (plan.status != PlanStanding.Status.COMPLETED) {
                plan.status = PlanStanding.Status.COMPLETED;
                plan.completedOn = today;
            }
            return Optional.of(new PlanStanding(plan.id, PlanStanding.Status.COMPLETED, BigDecimal.ZERO, null, null));
        }
        if (plan.status == PlanStanding.Status.COMPLETED) { // a payment came back: the plan is being kept again
            plan.status = PlanStanding.Status.ACTIVE;
            plan.completedOn = null;
        }
        return Optional.of(new PlanStanding(plan.id, PlanStanding.Status.ACTIVE, progress.notYetDue(),
                progress.next().map(InstallmentSchedule.Installment::dueDate).orElse(null),
                progress.next().isPresent() ? progress.nextOwed() : null));
    }

    /** The plan's installments and payments on a day. */
    @Transactional
    public PlanProgress.Result progress(PaymentPlan plan, LocalDate today) {
        List<InstallmentSchedule.Installment> schedule = PlanInstallment.<PlanInstallment> list(
                "planId = ?1 order by number", plan.id).stream().map(PlanInstallment::installment).toList();
        return PlanProgress.of(schedule, payments(plan.id).stream().filter(p -> !p.reversed)
                .map(p -> new PlanProgress.Payment(p.amount, p.receivedOn)).toList(), today);
    }

    @Transactional
    public List<PlanPayment> payments(UUID planId) {
        return PlanPayment.list("planId = ?1 order by receivedOn, recordedAt", planId);
    }

    @Transactional
    public Optional<PaymentPlan> find(UUID id) {
        return PaymentPlan.findByIdOptional(id);
    }

    @Transactional
    public List<PaymentPlan> ofPremise(String esiId) {
        return PaymentPlan.list("esiId = ?1 order by createdAt desc", esiId);
    }

    private static Optional<PaymentPlan> open(String accountNumber) {
        return PaymentPlan.<PaymentPlan> find("accountNumber = ?1 and status = ?2 order by createdAt desc",
                accountNumber, PlanStanding.Status.ACTIVE).firstResultOptional();
    }
}
