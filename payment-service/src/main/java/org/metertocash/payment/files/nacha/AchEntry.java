package org.metertocash.payment.files.nacha;

import java.math.BigDecimal;

import org.metertocash.payment.bank.BankAccountNumber;
import org.metertocash.payment.files.FileLine;

/**
 * An entry detail record (type 6) with its addenda: in a return file the entry we sent coming back, in a NOC file
 * the entry with its correction, in our own PPD file a debit. Prints with the account number masked.
 *
 * @param idempotencyKey   for a return {@code ach-return:<original trace>:<reason>}, for a NOC
 *                         {@code ach-noc:<original trace>:<change code>}, else {@code ach:<trace number>}: the
 *                         network's own numbers, so the same return sent again in another file is the same line
 * @param transactionCode  positions 02–03 (27 checking debit, 26 return or NOC of a checking debit, …)
 * @param routingNumber    receiving DFI identification and check digit, positions 04–12
 * @param accountNumber    positions 13–29
 * @param amount           positions 30–39, cents, converted exactly
 * @param individualId     positions 40–54: in our PPD debits the billing account number
 * @param individualName   positions 55–76
 * @param traceNumber      positions 80–94
 * @param addenda          the addenda record, or {@code null}
 */
public record AchEntry(
        int lineNumber,
        String idempotencyKey,
        String transactionCode,
        String routingNumber,
        BankAccountNumber accountNumber,
        BigDecimal amount,
        String individualId,
        String individualName,
        String discretionaryData,
        String traceNumber,
        AchAddenda addenda) implements FileLine {

    public boolean isDebit() {
        return AchAccountType.isDebit(transactionCode);
    }

    public boolean isReturn() {
        return addenda instanceof AchAddenda.Return;
    }

    public boolean isNotificationOfChange() {
        return addenda instanceof AchAddenda.NotificationOfChange;
    }

    /** The return addenda, or null when this entry is not a return. */
    public AchAddenda.Return returnAddenda() {
        return addenda instanceof AchAddenda.Return r ? r : null;
    }

    /** The NOC addenda, or null when this entry is not a notification of change. */
    public AchAddenda.NotificationOfChange changeAddenda() {
        return addenda instanceof AchAddenda.NotificationOfChange c ? c : null;
    }

    static String keyFor(String traceNumber, AchAddenda addenda) {
        if (addenda instanceof AchAddenda.Return r) {
            return "ach-return:" + r.originalTraceNumber() + ":" + r.reasonCode();
        }
        if (addenda instanceof AchAddenda.NotificationOfChange c) {
            return "ach-noc:" + c.originalTraceNumber() + ":" + c.changeCode();
        }
        return "ach:" + traceNumber;
    }
}
