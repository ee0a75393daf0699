package org.metertocash.payment.autopay;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;
import org.metertocash.payment.bank.BankAccountNumber;
import org.metertocash.payment.bank.RoutingNumber;
import org.metertocash.payment.files.Cents;
import org.metertocash.payment.files.FileChecksum;
import org.metertocash.payment.files.nacha.PpdDebitFileWriter;
import org.metertocash.payment.files.nacha.PpdFile;
import org.metertocash.payment.files.nacha.PpdOrigination;
import org.metertocash.payment.posting.Instrument;
import org.metertocash.payment.posting.PaymentInstruction;
import org.metertocash.payment.posting.PaymentPosting;
import org.metertocash.payment.posting.PaymentRules;
import org.metertocash.platform.calendar.BusinessCalendar;
import org.metertocash.platform.events.Cause;
import org.metertocash.platform.problem.FieldError;
import org.metertocash.platform.workqueue.WorkQueue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends the day's auto-draft debits to the bank. Every {@code payment.autopay.originate-every} the job takes the
 * debits due on or before today (business time, from the injected clock) and, in one transaction, writes them as
 * ONE NACHA PPD file for the day (balanced batch and file controls, effective entry date the next business day),
 * gives each debit its trace number and posts each as a payment (ACH, AUTOPAY) announced as PaymentPosted: the money
 * counts as collected unless it comes back as a return. The file is then written to the outbound folder.
 *
 * <p>Exactly once: a database lock lets one replica at a time in, a file exists at most once per day (unique
 * origination date) and a debit leaves SCHEDULED in the transaction that puts it in a file; so running the job
 * again, on this replica or another, writes nothing twice. Debits that come due after the day's file was written
 * go in the next day's file. The outbound copy is written after the commit, and retried until it is.
 */
@ApplicationScoped
public class AutopayOrigination {

    private static final Logger LOG = Logger.getLogger(AutopayOrigination.class);
    private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    /** The advisory lock key of the origination (one replica at a time); "AUTOPAY" in ASCII. */
    private static final long LOCK = 0x4155544f504159L;

    /** A debit that could not be written to the file: reference = debit id, details say why. */
    public static final String AUTOPAY_DEBIT_FAILED = "AUTOPAY_DEBIT_FAILED";
    /** The day's file could not be made (retried every run): reference = the date. */
    public static final String AUTOPAY_ORIGINATION_FAILED = "AUTOPAY_ORIGINATION_FAILED";
    /** The day's file could not be written to the outbound folder: reference = file id (retried every run). */
    public static final String AUTOPAY_FILE_NOT_DELIVERED = "AUTOPAY_FILE_NOT_DELIVERED";

    /** What one run did: the file written for the day (if any), its debits and total. */
    public record Outcome(LocalDate date, UUID fileId, String fileName, int debits, BigDecimal total) {
    }

    @Inject
    AutopayConfig config;

    @Inject
    Mandates mandates;

    @Inject
    BankDataCipher cipher;

    @Inject
    PaymentPosting posting;

    @Inject
    PaymentRules rules;

    @Inject
    BusinessCalendar calendar;

    @Inject
    WorkQueue workQueue;

    @Inject
    OutboundFolder outbound;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    private final PpdDebitFileWriter writer = new PpdDebitFileWriter();

    @Scheduled(identity = "autopay-origination", every = "${payment.autopay.originate-every}",
            delayed = "${payment.autopay.originate-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        LocalDate today = LocalDate.now(clock);
        try {
            originate(today);
            QuarkusTransaction.requiringNew().run(() -> workQueue.closeByReference(AUTOPAY_ORIGINATION_FAILED,
                    today.toString(), WorkQueue.SYSTEM, "the day's origination ran"));
        } catch (RuntimeException e) {
            // nothing of the day's file was kept (one transaction); the next run tries again
            LOG.errorf(e, "Auto-draft file for %s could not be made", today);
            QuarkusTransaction.requiringNew().run(() -> workQueue.raise(AUTOPAY_ORIGINATION_FAILED, null,
                    today.toString(), "The auto-draft file for " + today + " could not be made (retried every run): "
                            + e.getMessage(), Map.of("date", today.toString())));
        }
        deliver();
    }

    /**
     * Makes the file of {@code date} from the debits due by then, unless that day's file exists, and posts its
     * payments, in one transaction; {@link #deliver()} then copies it to the outbound folder. Returns the file made
     * now, if one was.
     */
    public Optional<Outcome> originate(LocalDate date) {
        Optional<Outcome> outcome = QuarkusTransaction.requiringNew().call(() -> originateInTransaction(date));
        outcome.ifPresent(o -> LOG.infof("Auto-draft file %s for %s: %d debit(s), $%s", o.fileName(), date,
                o.debits(), o.total().toPlainString()));
        return outcome;
    }

    private Optional<Outcome> originateInTransaction(LocalDate date) {
        Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)").setParameter(1, LOCK)
                .getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return Optional.empty(); // another replica is writing
        }
        if (OriginationFile.count("originationDate", date) > 0) {
            return Optional.empty();
        }
        List<AutopayDebit> due = AutopayDebit.<AutopayDebit> find(
                "status = ?1 and draftDate <= ?2 order by draftDate, createdAt, id", AutopayDebit.Status.SCHEDULED, date)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        if (due.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Map<UUID, Mandate> mandatesById = new HashMap<>();
        List<AutopayDebit> included = new ArrayList<>();
        List<PpdOrigination.Debit> entries = new ArrayList<>();
        for (AutopayDebit debit : due) {
            Mandate mandate = mandatesById.computeIfAbsent(debit.mandateId, id -> Mandate.findById(id));
            if (mandate.status != Mandate.Status.ACTIVE) {
                debit.moveTo(AutopayDebit.Status.CANCELLED, "mandate " + mandate.status, now);
                continue;
            }
            Optional<String> amountProblem = rules.amount(debit.amount);
            if (amountProblem.isPresent()) {
                fail(debit, "amount " + debit.amount.toPlainString() + " " + amountProblem.get(), now);
                continue;
            }
            BankAccountNumber account;
            RoutingNumber routing;
            try {
                account = mandates.bankAccount(mandate);
                routing = RoutingNumber.of(mandate.routingNumber);
            } catch (IllegalArgumentException e) {
                fail(debit, "the mandate's bank details cannot be read: " + e.getMessage(), now);
                continue;
            }
            List<FieldError> broken = rules.check(instruction(debit, mandate, null, now));
            if (!broken.isEmpty()) {
                fail(debit, "the payment would break the payment rules: " + broken, now);
                continue;
            }
            included.add(debit);
            entries.add(new PpdOrigination.Debit(debit.id.toString(), routing, account, mandate.accountType,
                    debit.amount, debit.accountNumber, mandate.holderName));
        }
        if (included.isEmpty()) {
            return Optional.empty();
        }
        long firstSequence = nextTraceSequence();
        LocalDate effective = DraftDates.effectiveEntryDate(calendar, date);
        AutopayConfig.Bank bank = config.bank();
        AutopayConfig.Company company = config.company();
        PpdOrigination origination = new PpdOrigination(RoutingNumber.of(bank.immediateDestination()),
                bank.immediateDestinationName(), company.immediateOrigin(), company.name(),
                LocalDateTime.now(clock), 'A', "AUTOPAY",
                List.of(new PpdOrigination.Batch(company.name(), company.id(), company.entryDescription(), effective,
                        RoutingNumber.of(bank.originatingDfi()), entries, null)));
        PpdFile file = writer.write(origination, firstSequence);

        OriginationFile row = new OriginationFile();
        row.id = UUID.randomUUID();
        row.originationDate = date;
        row.fileName = "AUTOPAY_PPD_" + date.format(BASIC_DATE) + ".ach";
        row.contentEncrypted = cipher.encryptFile(row.id, file.bytes());
        row.sha256 = FileChecksum.sha256(file.bytes());
        row.effectiveEntryDate = effective;
        row.debitCount = included.size();
        row.totalAmount = included.stream().map(d -> d.amount).reduce(Cents.zero(), BigDecimal::add);
        row.firstTraceSequence = firstSequence;
        row.lastTraceSequence = firstSequence + included.size() - 1;
        row.createdAt = now;
        row.persist();

        Map<String, AutopayDebit> byReference = new HashMap<>();
        included.forEach(debit -> byReference.put(debit.id.toString(), debit));
        List<PaymentInstruction> payments = new ArrayList<>();
        for (PpdFile.Trace trace : file.traces()) {
            AutopayDebit debit = byReference.get(trace.reference());
            Mandate mandate = mandatesById.get(debit.mandateId);
            debit.originationFileId = row.id;
            debit.traceNumber = trace.traceNumber();
            debit.effectiveEntryDate = effective;
            payments.add(instruction(debit, mandate, trace.traceNumber(), now));
        }
        // the payments first: a debit is SENT only together with its payment (a check constraint holds them together)
        for (PaymentPosting.Result result : posting.postAll(payments, Cause.correlatedWith(row.id.toString()))) {
            AutopayDebit debit = byReference.get(result.payment().idempotencyKey.substring("autopay:".length()));
            debit.paymentId = result.payment().id;
            debit.moveTo(AutopayDebit.Status.SENT, null, now);
        }
        return Optional.of(new Outcome(date, row.id, row.fileName, row.debitCount, row.totalAmount));
    }

    /**
     * The payment a debit becomes: ACH, AUTOPAY, the masked bank account, received when the file is made. Its external
     * reference is the trace number written {@code ACH 07100001/0000042} — ODFI and sequence apart, because fifteen
     * digits in a row can pass the card-number check every payment's reference is held to.
     */
    private static PaymentInstruction instruction(AutopayDebit debit, Mandate mandate, String trace, Instant now) {
        String last4 = mandate.bankAccountLast4;
        return PaymentInstruction.autopay(debit.id, debit.accountNumber, debit.esiId, debit.amount,
                trace == null ? null : externalReference(trace), now,
                last4.matches("\\d{4}") ? new Instrument(Instrument.Type.BANK_ACCOUNT, last4) : null);
    }

    /** {@code ACH 07100001/0000042} for trace number 071000010000042. */
    public static String externalReference(String trace) {
        return "ACH " + trace.substring(0, 8) + "/" + trace.substring(8);
    }

    /** Writes every file not yet in the outbound folder; a failure leaves it for the next run and tells operations. */
    public void deliver() {
        List<UUID> pending = QuarkusTransaction.requiringNew().call(() -> OriginationFile.<OriginationFile> find(
                "writtenAt is null order by createdAt").list().stream().map(f -> f.id).toList());
        for (UUID id : pending) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    OriginationFile file = OriginationFile.findById(id, LockModeType.PESSIMISTIC_WRITE);
                    if (file.writtenAt != null) {
                        return;
                    }
                    outbound.write(file.fileName, cipher.decryptFile(file.id, file.contentEncrypted));
                    file.writtenAt = clock.instant();
                    workQueue.closeByReference(AUTOPAY_FILE_NOT_DELIVERED, id.toString(), WorkQueue.SYSTEM,
                            "written to the outbound folder");
                });
            } catch (RuntimeException e) {
                LOG.errorf("Auto-draft file %s could not be written to %s: %s", id, config.outbound(), e.toString());
                QuarkusTransaction.requiringNew().run(() -> workQueue.raise(AUTOPAY_FILE_NOT_DELIVERED, null,
                        id.toString(), "Auto-draft file " + id + " could not be written to the outbound folder "
                                + config.outbound() + " (retried every run): " + e.getMessage(),
                        Map.of("fileId", id.toString(), "outbound", config.outbound())));
            }
        }
    }

    /** The trace sequence after the last file's: trace numbers never repeat (they are how returns find a debit). */
    private static long nextTraceSequence() {
        Long last = OriginationFile.getEntityManager()
                .createQuery("select max(f.lastTraceSequence) from OriginationFile f", Long.class).getSingleResult();
        return last == null ? 1 : last + 1;
    }

    private void fail(AutopayDebit debit, String why, Instant now) {
        debit.moveTo(AutopayDebit.Status.FAILED, why, now);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("debitId", debit.id.toString());
        details.put("billId", debit.billId.toString());
        details.put("accountNumber", debit.accountNumber);
        details.put("amount", debit.amount.toPlainString());
        details.put("draftDate", debit.draftDate.toString());
        workQueue.raise(AUTOPAY_DEBIT_FAILED, debit.esiId, debit.id.toString(), "Auto-draft debit of $"
                + debit.amount.toPlainString() + " for account " + debit.accountNumber + " was not sent: " + why,
                details);
        LOG.warnf("Auto-draft debit %s of account %s not sent: %s", debit.id, debit.accountNumber, why);
    }
}
