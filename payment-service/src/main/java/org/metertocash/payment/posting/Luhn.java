package org.metertocash.payment.posting;

/**
 * The mod-10 check digit used by billing account numbers and by card numbers (ISO/IEC 7812): a mistyped digit or
 * two swapped neighbours fail it.
 */
public final class Luhn {

    /** Whether a string of digits (its last digit being the check digit) passes the check. */
    public static boolean valid(CharSequence digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            int digit = c - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return digits.length() > 1 && sum % 10 == 0;
    }

    /** Billing's account numbers: ten digits, the last a Luhn check digit. */
    public static boolean validAccountNumber(String accountNumber) {
        return accountNumber != null && accountNumber.length() == 10 && allDigits(accountNumber) && valid(accountNumber);
    }

    private static boolean allDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private Luhn() {
    }
}
