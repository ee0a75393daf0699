package org.metertocash.payment.files.intake;

import java.time.Instant;
import java.util.UUID;

import org.metertocash.payment.files.FileLine;
import org.metertocash.payment.files.PaymentLine;
import org.metertocash.payment.files.nacha.AchEntry;
import org.metertocash.payment.posting.PaymentChannel;
import org.metertocash.payment.posting.PaymentInstruction;

/** How a file's line becomes a payment instruction for the posting service, or a kept line of its own. */
final class PaymentFileLines {

    private PaymentFileLines() {
    }

    /**
     * The line as a payment to post: once per file and line ({@code file:<file id>:<line>}), so a line posts once
     * however often the file is resumed.
     */
    static PaymentInstruction instruction(UUID fileId, PaymentLine line, String submittedBy) {
        if (line.channel() == null) {
            throw new IllegalArgumentException("the line names no channel");
        }
        return PaymentInstruction.fileLine(fileId, line.lineNumber(), line.accountNumber(), line.esiId(),
                line.amount(), PaymentChannel.valueOf(line.channel()), line.externalReference(), line.receivedAt(),
                submittedBy);
    }

    /** A line kept as it is, with the status and reason given. */
    static PaymentFileLine kept(UUID fileId, int batchSeq, FileLine line, PaymentFileLine.Status status, String reason,
            Instant now) {
        PaymentFileLine row = new PaymentFileLine();
        row.fileId = fileId;
        row.lineNumber = line.lineNumber();
        row.batchSeq = batchSeq;
        row.status = status;
        row.amount = line.amount();
        row.reason = reason;
        row.recordedAt = now;
        if (line instanceof PaymentLine payment) {
            row.kind = PaymentFileLine.Kind.PAYMENT;
            row.idempotencyKey = "file:" + fileId + ":" + line.lineNumber();
            row.accountNumber = payment.accountNumber();
            row.esiId = payment.esiId();
            row.channel = payment.channel();
            row.externalReference = PaymentFileIntake.abbreviate(payment.externalReference(), 100);
            row.receivedAt = payment.receivedAt();
        } else if (line instanceof AchEntry entry) {
            row.kind = entry.isNotificationOfChange() ? PaymentFileLine.Kind.ACH_NOC : PaymentFileLine.Kind.ACH_RETURN;
            row.idempotencyKey = entry.idempotencyKey();
            row.accountNumber = PaymentFileIntake.abbreviate(blankToNull(entry.individualId()), 30);
            row.externalReference = entry.traceNumber();
            row.channel = "ACH";
        } else {
            throw new IllegalArgumentException("unknown kind of line " + line.getClass().getName());
        }
        return row;
    }

    static PaymentFileLine held(UUID fileId, int batchSeq, FileLine line, String reason, Instant now) {
        return kept(fileId, batchSeq, line, PaymentFileLine.Status.HELD, reason, now);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
