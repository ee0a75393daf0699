package org.metertocash.billing.bill;

import java.math.BigDecimal;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The bill run and the bill validation rules, as configuration ({@code billing.bills.*}). */
@ConfigMapping(prefix = "billing.bills")
public interface BillsConfig {

    /** Whether a bill that passes every rule posts by itself; off, every bill waits for review. */
    @WithDefault("true")
    boolean autoPost();

    /** How often the bill run looks for billable reads (a scheduler period such as 1m or 2s; read by the run). */
    @WithDefault("1m")
    String runEvery();

    /** How many billable reads the bill run takes per batch. */
    @WithDefault("200")
    int runBatchSize();

    /** Due date = issue date + this many days, on a business day. 16 TAC §25.480(b): at least 16. */
    @WithDefault("16")
    int dueDays();

    Validation validation();

    /** Restated usage after a bill: cancel and rebill. */
    Rebill rebill();

    /** The "not billed" queue (work items NOT_BILLED). */
    NotBilled notBilled();

    interface Rebill {
        /**
         * The billing cycle length in days used to tell a late correction. 16 TAC §25.480(d): interest may be owed on
         * a correction not made within 3 billing cycles.
         */
        @WithDefault("30")
        int cycleDays();

        /** A correction of a bill issued more than this many cycles earlier raises BILL_LATE_CORRECTION. */
        @WithDefault("3")
        int lateAfterCycles();
    }

    interface NotBilled {
        /** How often the not-billed check runs (a scheduler period such as 1h). */
        @WithDefault("1h")
        String checkEvery();

        /** 16 TAC §25.479: a bill within this many days of receiving the usage; older unbilled usage is queued. */
        @WithDefault("30")
        int usageDays();

        /** An active account with no usage for more than this many days (a cycle and some slack) is queued. */
        @WithDefault("35")
        int noUsageDays();
    }

    interface Validation {
        Usage usage();

        /** Zero consumption on an active premise holds the bill. */
        @WithDefault("true")
        boolean zeroUsage();

        /**
         * Every estimated read holds the bill (ESTIMATED_READ). A deployment that accepts occasional estimates turns
         * this off and keeps {@link #consecutiveEstimates()}, which holds only a run of them.
         */
        @WithDefault("true")
        boolean estimatedRead();

        /** Estimated reads in a row beyond an allowance hold the bill (CONSECUTIVE_ESTIMATES). */
        ConsecutiveEstimates consecutiveEstimates();

        Amount amount();

        /** The bill's TDU pass-through lines against the wires utility's 810_02 invoice (TDSP_INVOICE_MISMATCH). */
        TdspInvoice tdspInvoice();
    }

    interface ConsecutiveEstimates {
        @WithDefault("true")
        boolean enabled();

        /**
         * How many estimated reads in a row are billed without review; the next one is held. Counted over this
         * bill's read and the account's immediately preceding posted bills, newest first, up to an actual read.
         */
        @WithDefault("2")
        int allowance();
    }

    interface TdspInvoice {
        @WithDefault("true")
        boolean enabled();

        /**
         * Dollars by which the invoiced delivery charges may differ from the bill's TDU lines and still agree: one
         * cent, the rounding of one line rounded differently on either side (each side rounds its lines to cents).
         */
        @WithDefault("0.01")
        BigDecimal tolerance();
    }

    interface Usage {
        /** How many of the account's latest posted bills make its usage history. */
        @WithDefault("12")
        int historyBills();

        /** Bands by the history's average daily kWh; each applies from its {@code from-kwh-per-day}. */
        Map<String, Band> bands();
    }

    interface Band {
        BigDecimal fromKwhPerDay();

        /** Flag when the period's average daily usage is more than this percent above the history's. */
        BigDecimal highPercent();

        /** Flag when it is more than this percent below. */
        BigDecimal lowPercent();
    }

    interface Amount {
        BigDecimal maximum();

        BigDecimal minimum();
    }
}
