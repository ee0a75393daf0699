package org.metertocash.payment.bank;

import java.util.Objects;
import java.util.Optional;

/**
 * A payer's bank (DFI) account number: 4 to 17 letters or digits, the width of the NACHA entry field; spaces and
 * hyphens typed by a customer are dropped. The number is confidential: {@link #toString()} and {@link #masked()}
 * show only the last four characters, so printing one in a log, an event or an API answer never reveals it.
 * {@link #reveal()} gives the digits to the two places that need them — encryption at rest and the NACHA file.
 */
public final class BankAccountNumber {

    /** The NACHA DFI account number field is 17 characters wide. */
    public static final int MAX_LENGTH = 17;
    private static final int MIN_LENGTH = 4;
    private static final int SHOWN = 4;

    private final String value;

    private BankAccountNumber(String value) {
        this.value = value;
    }

    /** The account number, or {@link IllegalArgumentException} saying why it is not one (without echoing it). */
    public static BankAccountNumber of(String raw) {
        Optional<String> problem = problem(raw);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("bank account number " + problem.get());
        }
        return new BankAccountNumber(normalise(raw));
    }

    /** Why {@code raw} is not a bank account number, if it is not. The reason never contains the number. */
    public static Optional<String> problem(String raw) {
        if (raw == null) {
            return Optional.of("is required");
        }
        String value = normalise(raw);
        if (value.length() < MIN_LENGTH || value.length() > MAX_LENGTH) {
            return Optional.of("must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
        }
        if (!value.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) {
            return Optional.of("may hold only digits and letters");
        }
        return Optional.empty();
    }

    /** Any account-like number masked to its last four characters: {@code ****6789}; shorter ones wholly masked. */
    public static String mask(String raw) {
        if (raw == null || raw.isBlank()) {
            return "";
        }
        String value = raw.strip();
        if (value.length() <= SHOWN) {
            return "****";
        }
        return "****" + value.substring(value.length() - SHOWN);
    }

    private static String normalise(String raw) {
        return raw.strip().replace(" ", "").replace("-", "").toUpperCase(java.util.Locale.ROOT);
    }

    /** The whole number, for encryption at rest and for writing the NACHA entry — nowhere else. */
    public String reveal() {
        return value;
    }

    /** The last four characters, as statements and APIs show them. */
    public String lastFour() {
        return value.length() <= SHOWN ? "" : value.substring(value.length() - SHOWN);
    }

    /** {@code ****6789}. */
    public String masked() {
        return mask(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BankAccountNumber that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    /** Masked: the last four characters only. */
    @Override
    public String toString() {
        return masked();
    }
}
