package org.metertocash.payment.files.nacha;

/**
 * The kind of bank account an ACH entry moves money in, with its NACHA transaction codes: a debit takes money from
 * it (27 checking, 37 savings), a credit puts money in (22, 32).
 */
public enum AchAccountType {

    CHECKING("27", "22"),
    SAVINGS("37", "32");

    private final String debitCode;
    private final String creditCode;

    AchAccountType(String debitCode, String creditCode) {
        this.debitCode = debitCode;
        this.creditCode = creditCode;
    }

    public String debitCode() {
        return debitCode;
    }

    public String creditCode() {
        return creditCode;
    }

    /**
     * Whether a transaction code moves money out of the receiver's account: the codes whose second digit is 5 to 9
     * (27 debit, 26 return or NOC of a debit, 28 prenote, 29 zero-dollar …). Batch and file controls add these to
     * the total debit amount and the others to the total credit amount.
     */
    public static boolean isDebit(String transactionCode) {
        return transactionCode.length() == 2 && transactionCode.charAt(1) >= '5';
    }

    /** The account type a transaction code is for (2x checking, 3x savings), or null for GL and loan codes. */
    public static AchAccountType of(String transactionCode) {
        if (transactionCode.startsWith("2")) {
            return CHECKING;
        }
        if (transactionCode.startsWith("3")) {
            return SAVINGS;
        }
        return null;
    }
}
