package org.metertocash.payment.files.bai2;

/**
 * The BAI type codes a lockbox report uses (BAI Cash Management Balance Reporting Specifications, version 2, the
 * uniform type codes). 001–099 are account status (balances), 100–399 credits, 400–699 debits, 700–999 kept for
 * the bank's own codes; every amount of an 03 or 16 record counts in the account control total, whatever its code.
 */
public final class Bai2TypeCodes {

    public static final String OPENING_LEDGER = "010";
    public static final String CLOSING_LEDGER = "015";
    public static final String TOTAL_CREDITS = "100";
    public static final String TOTAL_LOCKBOX_DEPOSITS = "110";
    /** One lockbox deposit (a batch of checks); with no item records after it, itself one payment. */
    public static final String LOCKBOX_DEPOSIT = "115";
    /** One check in the lockbox deposit before it: one payment, the customer reference naming the account. */
    public static final String ITEM_IN_LOCKBOX_DEPOSIT = "116";
    public static final String LOCKBOX_ADJUSTMENT_CREDIT = "118";
    public static final String TOTAL_DEBITS = "400";

    private Bai2TypeCodes() {
    }

    /** Status codes report balances; their amounts may carry a sign. */
    public static boolean isStatus(String typeCode) {
        return typeCode.compareTo("001") >= 0 && typeCode.compareTo("099") <= 0;
    }
}
