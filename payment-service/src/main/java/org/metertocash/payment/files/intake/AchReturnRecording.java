package org.metertocash.payment.files.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.metertocash.payment.files.FileLine;
import org.metertocash.payment.files.nacha.AchAddenda;
import org.metertocash.payment.files.nacha.AchEntry;
import org.metertocash.platform.events.Cause;
import org.metertocash.platform.workqueue.WorkQueue;

/**
 * Records the returns and notifications of change of a NACHA file, once per network key, and hands the new ones to
 * the returns processing ({@link AchReturnsProcessing}) when it is deployed; otherwise they wait as RECORDED lines
 * with an {@value PaymentFileIntake#ACH_RETURNS_UNPROCESSED} work item.
 */
@ApplicationScoped
public class AchReturnRecording {

    @Inject
    Instance<AchReturnsProcessing> processing;

    @Inject
    WorkQueue workQueue;

    /** In the caller's transaction (the one judging the file). */
    @Transactional(Transactional.TxType.MANDATORY)
    void record(PaymentFile file, List<PaymentFileIntake.NumberedBatch> batches, Instant now) {
        boolean handOff = processing.isResolvable();
        Set<String> seen = new HashSet<>();
        List<AchEntry> fresh = new ArrayList<>();
        int returns = 0;
        int changes = 0;
        for (PaymentFileIntake.NumberedBatch batch : batches) {
            for (FileLine line : batch.batch().lines()) {
                AchEntry entry = (AchEntry) line;
                // only a return or NOC taken before counts: one held (or rejected) with its batch was never taken
                boolean duplicate = !seen.add(entry.idempotencyKey()) || PaymentFileLine.count(
                        "idempotencyKey = ?1 and status in ?2", entry.idempotencyKey(),
                        List.of(PaymentFileLine.Status.RECORDED, PaymentFileLine.Status.HANDED_OFF)) > 0;
                PaymentFileLine.Status status = duplicate ? PaymentFileLine.Status.DUPLICATE
                        : handOff ? PaymentFileLine.Status.HANDED_OFF : PaymentFileLine.Status.RECORDED;
                PaymentFileLine row = PaymentFileLines.kept(file.id, batch.seq(), entry, status,
                        duplicate ? "already recorded (same original trace number and code)" : describe(entry), now);
                row.details = details(entry);
                row.persist();
                file.linesRecorded++;
                if (!duplicate) {
                    fresh.add(entry);
                    if (entry.isReturn()) {
                        returns++;
                    } else {
                        changes++;
                    }
                }
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        if (handOff) {
            processing.get().received(file.id, fresh, Cause.correlatedWith(file.id.toString()));
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fileId", file.id.toString());
        details.put("fileName", file.fileName);
        details.put("returns", returns);
        details.put("notificationsOfChange", changes);
        workQueue.raise(PaymentFileIntake.ACH_RETURNS_UNPROCESSED, null, file.id.toString(), "NACHA file "
                + PaymentFileIntake.name(file) + " recorded " + returns + " return(s) and " + changes
                + " notification(s) of change; nothing processes returns yet: reverse the payments and update the "
                + "mandates by hand, or let the returns processing take the RECORDED lines", details);
    }

    private static String describe(AchEntry entry) {
        if (entry.returnAddenda() != null) {
            AchAddenda.Return r = entry.returnAddenda();
            return "return " + r.reasonCode() + " (" + r.reasonDescription() + ") of trace " + r.originalTraceNumber();
        }
        AchAddenda.NotificationOfChange c = entry.changeAddenda();
        return "notification of change " + c.changeCode() + " (" + c.changeDescription() + ") of trace "
                + c.originalTraceNumber();
    }

    /** What the returns processing needs to match and act, with the bank account masked. */
    private static Map<String, String> details(AchEntry entry) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("transactionCode", entry.transactionCode());
        details.put("traceNumber", entry.traceNumber());
        details.put("routingNumber", entry.routingNumber());
        details.put("accountNumber", entry.accountNumber() == null ? null : entry.accountNumber().toString());
        details.put("individualName", entry.individualName() == null ? null : entry.individualName().trim());
        if (entry.returnAddenda() != null) {
            AchAddenda.Return r = entry.returnAddenda();
            details.put("reasonCode", r.reasonCode());
            details.put("reasonDescription", r.reasonDescription());
            details.put("originalTraceNumber", r.originalTraceNumber());
            details.put("dateOfDeath", r.dateOfDeath() == null ? null : r.dateOfDeath().toString());
        } else if (entry.changeAddenda() != null) {
            AchAddenda.NotificationOfChange c = entry.changeAddenda();
            details.put("changeCode", c.changeCode());
            details.put("changeDescription", c.changeDescription());
            details.put("originalTraceNumber", c.originalTraceNumber());
            details.put("correctedData", c.correctedData() == null ? null : c.correctedData().toString());
        }
        return details;
    }
}
