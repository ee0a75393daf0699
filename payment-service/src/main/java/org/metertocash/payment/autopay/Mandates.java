package org.metertocash.payment.autopay;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.metertocash.payment.accounts.PayableAccount;
import org.metertocash.payment.bank.BankAccountNumber;
import org.metertocash.payment.bank.RoutingNumber;
import org.metertocash.payment.files.nacha.AchAccountType;
import org.metertocash.payment.files.nacha.CorrectedData;
import org.metertocash.platform.problem.ProblemException;
import org.metertocash.platform.workqueue.WorkQueue;

/**
 * Keeps the auto-draft mandates: enrols one (replacing the one in force), cancels, suspends, and corrects one as a
 * bank's notification of change says. Every change is recorded in the mandate's history; bank account numbers are
 * encrypted before they are stored and only ever logged or recorded masked.
 */
@ApplicationScoped
public class Mandates {

    /** A mandate suspended (after returns): reference = mandate id. Operations call the customer; re-enrolling lifts it. */
    public static final String AUTOPAY_SUSPENDED = "AUTOPAY_SUSPENDED";

    private static final Logger LOG = Logger.getLogger(Mandates.class);

    @Inject
    BankDataCipher cipher;

    @Inject
    AutopayConfig config;

    @Inject
    WorkQueue workQueue;

    @Inject
    Clock clock;

    /**
     * Enrols a mandate for an account; one in force already is replaced (CANCELLED, its unsent debits moved to the new
     * one). The account must be a payable account (billing opened it).
     */
    @Transactional
    public Mandate enroll(MandateRequest request, String actor) {
        PayableAccount account = PayableAccount.findById(request.accountNumber());
        if (account == null) {
            throw ProblemException.invalid("accountNumber", "is not a billing account of ours");
        }
        Instant now = clock.instant();
        Mandate previous = Mandate.<Mandate> find("accountNumber = ?1 and status <> ?2", request.accountNumber(),
                Mandate.Status.CANCELLED).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        Mandate mandate = new Mandate();
        mandate.id = UUID.randomUUID();
        if (previous != null) {
            previous.status = Mandate.Status.CANCELLED;
            previous.statusReason = "replaced by mandate " + mandate.id;
            previous.statusChangedAt = now;
            MandateHistory.record(previous.id, MandateHistory.Event.REPLACED, null,
                    "replaced by mandate " + mandate.id + " (bank account " + request.bankAccountNumber().masked() + ")", actor, now);
            previous.flush(); // the one in force is cancelled before the new one claims its place
        }
        mandate.accountNumber = account.accountNumber;
        mandate.esiId = account.esiId;
        mandate.routingNumber = request.routingNumber().value();
        store(mandate, request.bankAccountNumber());
        mandate.accountType = request.accountType();
        mandate.holderName = request.holderName();
        mandate.daysBeforeDue = request.daysBeforeDue() != null ? request.daysBeforeDue() : config.daysBeforeDue();
        mandate.status = Mandate.Status.ACTIVE;
        mandate.statusChangedAt = now;
        mandate.enrolledAt = now;
        mandate.enrolledBy = actor;
        mandate.persist();
        mandate.flush();
        MandateHistory.record(mandate.id, MandateHistory.Event.ENROLLED, null, "bank account "
                + mandate.maskedBankAccount() + " at routing number " + mandate.routingNumber + " ("
                + mandate.accountType + "), drafted " + mandate.daysBeforeDue + " day(s) before each due date"
                + (previous == null ? "" : "; replaces mandate " + previous.id), actor, now);
        if (previous != null) {
            for (AutopayDebit debit : scheduled(previous.id)) {
                debit.mandateId = mandate.id;
            }
        }
        LOG.infof("Auto-draft mandate %s enrolled for account %s by %s: bank account %s at %s (%s)", mandate.id,
                mandate.accountNumber, actor, request.bankAccountNumber(), mandate.routingNumber, mandate.accountType);
        return mandate;
    }

    /** Cancels the account's mandate in force and its unsent debits; a mandate already cancelled stays as it is. */
    @Transactional
    public Mandate cancel(String accountNumber, String actor) {
        Mandate mandate = Mandate.<Mandate> find("accountNumber = ?1 and status <> ?2", accountNumber,
                Mandate.Status.CANCELLED).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (mandate == null) {
            return latest(accountNumber)
                    .orElseThrow(() -> ProblemException.notFound("No auto-draft mandate for account " + accountNumber));
        }
        Instant now = clock.instant();
        mandate.status = Mandate.Status.CANCELLED;
        mandate.statusReason = "cancelled by " + actor;
        mandate.statusChangedAt = now;
        int debits = cancelScheduled(mandate.id, "mandate cancelled", now);
        MandateHistory.record(mandate.id, MandateHistory.Event.CANCELLED, null,
                "cancelled; " + debits + " unsent debit(s) cancelled", actor, now);
        LOG.infof("Auto-draft mandate %s of account %s cancelled by %s", mandate.id, accountNumber, actor);
        return mandate;
    }

    /**
     * Suspends an active mandate (returns): no debit is drafted until the customer enrols again; its unsent debits are
     * cancelled and operations get an {@value #AUTOPAY_SUSPENDED} work item.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void suspend(Mandate mandate, String code, String reason, Map<String, ?> details) {
        if (mandate.status != Mandate.Status.ACTIVE) {
            return;
        }
        Instant now = clock.instant();
        mandate.status = Mandate.Status.SUSPENDED;
        mandate.statusReason = reason;
        mandate.statusChangedAt = now;
        int debits = cancelScheduled(mandate.id, "mandate suspended", now);
        MandateHistory.record(mandate.id, MandateHistory.Event.SUSPENDED, code,
                reason + "; " + debits + " unsent debit(s) cancelled", WorkQueue.SYSTEM, now);
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("mandateId", mandate.id.toString());
        item.put("accountNumber", mandate.accountNumber);
        item.put("reasonCode", code);
        item.put("bankAccount", mandate.maskedBankAccount());
        item.put("routingNumber", mandate.routingNumber);
        item.put("debitsCancelled", debits);
        item.putAll(details);
        workQueue.raise(AUTOPAY_SUSPENDED, mandate.esiId, mandate.id.toString(), "Auto-draft of account "
                + mandate.accountNumber + " suspended: " + reason, item);
        LOG.infof("Auto-draft mandate %s of account %s suspended: %s", mandate.id, mandate.accountNumber, reason);
    }

    /** What a notification of change did to a mandate. */
    public record Correction(boolean applied, String detail) {
    }

    /**
     * Corrects a mandate as a notification of change says (NACHA: the originator makes the change before its next
     * entry, within six banking days): C01 account number, C02 routing number, C03 both, C05 account type (from the
     * corrected transaction code), C06 account number and type, C07 all three, C04 the holder's name. The new account
     * number is encrypted again. Other codes (C09 individual id — ours is the billing account number —, company-level
     * C10–C13 …) change nothing and are reported, as is corrected data that cannot be used.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Correction correct(Mandate mandate, String changeCode, CorrectedData data, String actor) {
        List<String> changes = new ArrayList<>();
        String refusal = switch (changeCode) {
            case "C01" -> account(mandate, data, changes);
            case "C02" -> routing(mandate, data, changes);
            case "C03" -> firstOf(routing(mandate, data, changes), () -> account(mandate, data, changes));
            case "C04" -> holder(mandate, data, changes);
            case "C05" -> accountType(mandate, data, changes);
            case "C06" -> firstOf(account(mandate, data, changes), () -> accountType(mandate, data, changes));
            case "C07" -> firstOf(routing(mandate, data, changes), () -> firstOf(account(mandate, data, changes),
                    () -> accountType(mandate, data, changes)));
            default -> "change code " + changeCode + " corrects nothing a mandate holds";
        };
        Instant now = clock.instant();
        if (refusal != null) {
            MandateHistory.record(mandate.id, MandateHistory.Event.NOC_NOT_APPLIED, changeCode, refusal, actor, now);
            return new Correction(false, refusal);
        }
        // the corrections are validated one after another above and applied only when all are usable
        apply(mandate, data, changeCode);
        String detail = String.join("; ", changes);
        MandateHistory.record(mandate.id, MandateHistory.Event.NOC_APPLIED, changeCode, detail, actor, now);
        LOG.infof("Auto-draft mandate %s of account %s corrected by notification of change %s: %s", mandate.id,
                mandate.accountNumber, changeCode, detail);
        return new Correction(true, detail);
    }

    private void apply(Mandate mandate, CorrectedData data, String changeCode) {
        if (Corrects.ROUTING.contains(changeCode)) {
            mandate.routingNumber = data.routingNumber();
        }
        if (Corrects.ACCOUNT.contains(changeCode)) {
            store(mandate, data.accountNumber());
        }
        if (Corrects.TYPE.contains(changeCode)) {
            mandate.accountType = AchAccountType.of(data.transactionCode());
        }
        if ("C04".equals(changeCode)) {
            mandate.holderName = data.individualName();
        }
    }

    /** Which change codes correct which field. */
    private static final class Corrects {
        static final Set<String> ROUTING = Set.of("C02", "C03", "C07");
        static final Set<String> ACCOUNT = Set.of("C01", "C03", "C06", "C07");
        static final Set<String> TYPE = Set.of("C05", "C06", "C07");
    }

    private static String firstOf(String refusal, Supplier<String> next) {
        return refusal != null ? refusal : next.get();
    }

    private static String account(Mandate mandate, CorrectedData data, List<String> changes) {
        if (data == null || data.accountNumber() == null) {
            return "the corrected data has no usable account number";
        }
        changes.add("bank account " + mandate.maskedBankAccount() + " → " + data.accountNumber());
        return null;
    }

    private static String routing(Mandate mandate, CorrectedData data, List<String> changes) {
        if (data == null || data.routingNumber() == null) {
            return "the corrected data has no routing number";
        }
        Optional<String> problem = RoutingNumber.problem(data.routingNumber());
        if (problem.isPresent()) {
            return "the corrected routing number " + problem.get();
        }
        changes.add("routing number " + mandate.routingNumber + " → " + data.routingNumber());
        return null;
    }

    private static String accountType(Mandate mandate, CorrectedData data, List<String> changes) {
        AchAccountType type = data == null || data.transactionCode() == null ? null
                : AchAccountType.of(data.transactionCode());
        if (type == null) {
            return "the corrected transaction code names neither a checking nor a savings account";
        }
        changes.add("account type " + mandate.accountType + " → " + type);
        return null;
    }

    private static String holder(Mandate mandate, CorrectedData data, List<String> changes) {
        if (data == null || data.individualName() == null) {
            return "the corrected data has no name";
        }
        changes.add("holder name '" + mandate.holderName + "' → '" + data.individualName() + "'");
        return null;
    }

    /** The mandate's bank account number, decrypted: for the NACHA entry only. */
    public BankAccountNumber bankAccount(Mandate mandate) {
        return cipher.decrypt(mandate.id, mandate.bankAccountEncrypted);
    }

    /** The account's mandate in force, else its latest cancelled one. */
    public static Optional<Mandate> latest(String accountNumber) {
        Mandate inForce = Mandate.inForce(accountNumber);
        if (inForce != null) {
            return Optional.of(inForce);
        }
        return Mandate.<Mandate> find("accountNumber = ?1 order by enrolledAt desc", accountNumber)
                .firstResultOptional();
    }

    private void store(Mandate mandate, BankAccountNumber account) {
        mandate.bankAccountEncrypted = cipher.encrypt(mandate.id, account);
        mandate.bankAccountLast4 = account.lastFour();
    }

    private static List<AutopayDebit> scheduled(UUID mandateId) {
        return AutopayDebit.<AutopayDebit> find("mandateId = ?1 and status = ?2", mandateId,
                AutopayDebit.Status.SCHEDULED).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    private static int cancelScheduled(UUID mandateId, String reason, Instant at) {
        List<AutopayDebit> debits = scheduled(mandateId);
        debits.forEach(debit -> debit.moveTo(AutopayDebit.Status.CANCELLED, reason, at));
        return debits.size();
    }
}
