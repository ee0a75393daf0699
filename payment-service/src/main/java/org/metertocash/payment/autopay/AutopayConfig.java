package org.metertocash.payment.autopay;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code payment.autopay.*}: the auto-draft settings — the key bank account numbers are encrypted with, when debits are
 * drafted, how often the origination job looks for due debits and where it writes the NACHA files, and who we are to
 * our bank (the PPD file header and batch header fields).
 */
@ConfigMapping(prefix = "payment.autopay")
public interface AutopayConfig {

    /**
     * The AES key (base64 of 16, 24 or 32 bytes) bank account numbers and origination files are encrypted with. Kept
     * outside the database; in production it comes from {@code PAYMENT_AUTOPAY_ENCRYPTION_KEY} and the service does
     * not start without it.
     */
    String encryptionKey();

    /**
     * Calendar days before a bill's due date the debit is drafted when the mandate does not say (0 = on the due
     * date). One day before lets the debit, which settles on the next business day, settle by the due date.
     */
    @WithDefault("1")
    int daysBeforeDue();

    /**
     * How often the origination job looks for due debits (a scheduler period such as {@code 1m}); read by its
     * {@code @Scheduled}. Moving the business clock takes effect within one period.
     */
    @WithDefault("1m")
    String originateEvery();

    /** The folder the day's PPD origination file is written to, for the bank's transfer to pick up. */
    @WithDefault("var/payments/outbound")
    String outbound();

    /** Our bank and its ACH operator: the file header's immediate destination. */
    Bank bank();

    /** Who we are on the customer's statement and to the ODFI: the batch header's company fields. */
    Company company();

    /** The receiving point of our files. */
    interface Bank {

        /** The routing number the files are addressed to (file header, immediate destination). */
        @WithDefault("071000013")
        String immediateDestination();

        @WithDefault("OUR BANK")
        String immediateDestinationName();

        /** Our originating DFI: its first eight digits start every trace number. */
        @WithDefault("071000013")
        String originatingDfi();
    }

    /** The originator. */
    interface Company {

        /** Immediate origin of the file header: ten characters, usually "1" and the tax id. */
        @WithDefault("1742155501")
        String immediateOrigin();

        /** The company identification in the batch header (our id with the ODFI). */
        @WithDefault("1742155501")
        String id();

        /** As the customer's bank statement shows it (16 characters). */
        @WithDefault("METER TO CASH")
        String name();

        /** Company entry description on the statement (10 characters). */
        @WithDefault("ELEC BILL")
        String entryDescription();
    }
}
