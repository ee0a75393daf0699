package org.metertocash.payment.files.nacha;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

import org.metertocash.payment.bank.BankAccountNumber;
import org.metertocash.payment.bank.RoutingNumber;

/**
 * What a PPD debit origination file is written from: the file's sender and receiver, its batches (one company and
 * effective entry date each) and their debits. Values come from auto-draft mandates, already checked when they were
 * enrolled; the writer still refuses (IllegalArgumentException) anything a bank would reject.
 *
 * @param immediateDestination the bank (ODFI or its ACH operator) the file goes to
 * @param immediateOrigin      our identification at that bank: ten characters, usually "1" and the company's tax id
 * @param createdAt            file creation date and time (from the injected clock)
 * @param fileIdModifier       A–Z or 0–9, different for each file sent on the same day
 * @param referenceCode        up to 8 characters for our own use, or empty
 */
public record PpdOrigination(
        RoutingNumber immediateDestination,
        String immediateDestinationName,
        String immediateOrigin,
        String immediateOriginName,
        LocalDateTime createdAt,
        char fileIdModifier,
        String referenceCode,
        List<Batch> batches) {

    public PpdOrigination {
        Objects.requireNonNull(immediateDestination, "immediateDestination");
        Objects.requireNonNull(createdAt, "createdAt");
        batches = List.copyOf(batches);
    }

    /**
     * One batch: all debits of one company on one effective entry date.
     *
     * @param companyName             16 characters, as the customer's statement shows it
     * @param companyId               10 characters, the originator's identification with the ODFI
     * @param companyEntryDescription 10 characters, shown on the statement (e.g. "ELEC BILL")
     * @param effectiveEntryDate      the banking day the debits settle, chosen by the caller from the calendar
     * @param originatingDfi          our bank; its first eight digits start every trace number
     * @param offset                  our settlement account to credit with the batch total, for banks that want
     *                                balanced files; {@code null} for a debits-only batch
     */
    public record Batch(
            String companyName,
            String companyId,
            String companyEntryDescription,
            LocalDate effectiveEntryDate,
            RoutingNumber originatingDfi,
            List<Debit> debits,
            Offset offset) {

        public Batch {
            Objects.requireNonNull(effectiveEntryDate, "effectiveEntryDate");
            Objects.requireNonNull(originatingDfi, "originatingDfi");
            debits = List.copyOf(debits);
        }
    }

    /**
     * One debit of a customer's account.
     *
     * @param reference      the caller's key for the debit (it comes back with its trace number)
     * @param individualId   15 characters: our billing account number, so a return names the account
     * @param individualName 22 characters
     */
    public record Debit(
            String reference,
            RoutingNumber routingNumber,
            BankAccountNumber accountNumber,
            AchAccountType accountType,
            BigDecimal amount,
            String individualId,
            String individualName) {
    }

    /** Our own account the balancing credit goes to. */
    public record Offset(RoutingNumber routingNumber, BankAccountNumber accountNumber, AchAccountType accountType,
            String name) {
    }
}
