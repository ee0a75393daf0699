package org.metertocash.billing.account;

/**
 * Billing account numbers: ten digits, a nine-digit sequence number then a Luhn (mod 10) check digit, so a
 * mistyped digit or two swapped neighbours on a payment stub or a lockbox file is caught before it misapplies cash.
 */
public final class AccountNumber {

    public static String of(long sequence) {
        if (sequence < 1 || sequence > 999_999_999L) {
            throw new IllegalArgumentException("account sequence out of range: " + sequence);
        }
        String base = String.format("%09d", sequence);
        return base + checkDigit(base);
    }

    public static boolean isValid(String accountNumber) {
        return accountNumber != null && accountNumber.matches("\\d{10}")
                && checkDigit(accountNumber.substring(0, 9)) == accountNumber.charAt(9) - '0';
    }

    static int checkDigit(String digits) {
        int sum = 0;
        boolean doubled = true; // the rightmost payload digit is doubled, the check digit will sit right of it
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return (10 - sum % 10) % 10;
    }

    private AccountNumber() {
    }
}
