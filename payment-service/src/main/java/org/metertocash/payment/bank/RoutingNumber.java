package org.metertocash.payment.bank;

import java.util.Objects;
import java.util.Optional;

/**
 * An ABA routing transit number: nine digits whose first two name a Federal Reserve routing symbol and whose last
 * is a check digit over the first eight with the weights 3, 7, 1 repeated (3·d1 + 7·d2 + d3 + 3·d4 + … + d9 is a
 * multiple of ten). Checked when an auto-draft mandate is enrolled, so a mistyped digit is refused at the door
 * instead of coming back days later as an R13/R28 return. Routing numbers are public: {@link #toString()} shows
 * the whole number.
 */
public final class RoutingNumber {

    private static final int[] WEIGHTS = {3, 7, 1, 3, 7, 1, 3, 7, 1};

    private final String value;

    private RoutingNumber(String value) {
        this.value = value;
    }

    /** The routing number, or {@link IllegalArgumentException} saying why it is not one. */
    public static RoutingNumber of(String raw) {
        Optional<String> problem = problem(raw);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("routing number " + problem.get());
        }
        return new RoutingNumber(raw.trim());
    }

    /** Whether {@code raw} is a routing number, without an exception. */
    public static boolean isValid(String raw) {
        return problem(raw).isEmpty();
    }

    /** Why {@code raw} is not a routing number ("must be 9 digits", "has a wrong check digit …"), if it is not. */
    public static Optional<String> problem(String raw) {
        if (raw == null || !digits(raw.trim(), 9)) {
            return Optional.of("must be 9 digits");
        }
        String digits = raw.trim();
        int symbol = Integer.parseInt(digits.substring(0, 2));
        if (!isRoutingSymbol(symbol)) {
            return Optional.of("must start with 00-12, 21-32, 61-72 or 80 (a Federal Reserve routing symbol)");
        }
        int expected = checkDigit(digits.substring(0, 8));
        if (digits.charAt(8) - '0' != expected) {
            return Optional.of("has a wrong check digit (expected " + expected + ")");
        }
        return Optional.empty();
    }

    /** The check digit that completes eight routing digits (3-7-1 weights). */
    public static int checkDigit(String firstEight) {
        if (firstEight == null || !digits(firstEight, 8)) {
            throw new IllegalArgumentException("need the first 8 digits of a routing number");
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += WEIGHTS[i] * (firstEight.charAt(i) - '0');
        }
        return (10 - sum % 10) % 10;
    }

    private static boolean digits(String value, int length) {
        if (value.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    // 00 U.S. government, 01-12 Federal Reserve districts, 21-32 thrifts, 61-72 electronic, 80 traveler's checks.
    private static boolean isRoutingSymbol(int symbol) {
        return symbol <= 12 || (symbol >= 21 && symbol <= 32) || (symbol >= 61 && symbol <= 72) || symbol == 80;
    }

    /** All nine digits. */
    public String value() {
        return value;
    }

    /** The first eight digits: the DFI identification NACHA records carry (the check digit sits apart). */
    public String institutionId() {
        return value.substring(0, 8);
    }

    /** The ninth digit. */
    public int checkDigit() {
        return value.charAt(8) - '0';
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RoutingNumber that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
