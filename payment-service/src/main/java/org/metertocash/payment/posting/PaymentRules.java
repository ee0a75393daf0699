package org.metertocash.payment.posting;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.metertocash.platform.problem.FieldError;

/**
 * The rules a payment must meet before it is posted, whatever brought it in (the API, a payment file's line, an
 * auto-draft): a positive amount in whole cents, a currency we take, a received-at that is not in the future beyond
 * the tolerance, nothing longer than its column, and no card number anywhere but masked. Each broken rule is one
 * {@link FieldError}, named like the API's fields, so a file parser can report a line with the same words.
 */
@ApplicationScoped
public class PaymentRules {

    public static final int MAX_IDENTIFIER = 30;
    public static final int MAX_EXTERNAL_REFERENCE = 100;

    @Inject
    PaymentConfig config;

    @Inject
    Clock clock;

    public List<FieldError> check(PaymentInstruction instruction) {
        List<FieldError> errors = new ArrayList<>();
        amount(instruction.amount()).ifPresent(reason -> errors.add(new FieldError("amount", reason)));
        currency(instruction.currency()).ifPresent(reason -> errors.add(new FieldError("currency", reason)));
        receivedAt(instruction.receivedAt()).ifPresent(reason -> errors.add(new FieldError("receivedAt", reason)));
        if (instruction.channel() == null) {
            errors.add(new FieldError("channel", "is required"));
        }
        if (instruction.accountNumber() != null && instruction.accountNumber().length() > MAX_IDENTIFIER) {
            errors.add(new FieldError("accountNumber", "must be at most " + MAX_IDENTIFIER + " characters"));
        }
        if (instruction.esiId() != null && instruction.esiId().length() > MAX_IDENTIFIER) {
            errors.add(new FieldError("esiId", "must be at most " + MAX_IDENTIFIER + " characters"));
        }
        externalReference(instruction.externalReference())
                .ifPresent(reason -> errors.add(new FieldError("externalReference", reason)));
        return errors;
    }

    /** Positive, at most two decimals, at most the configured maximum. */
    public Optional<String> amount(BigDecimal amount) {
        if (amount == null) {
            return Optional.of("is required");
        }
        if (amount.signum() <= 0) {
            return Optional.of("must be greater than zero");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            return Optional.of("must have at most 2 decimals (whole cents)");
        }
        if (amount.compareTo(config.maxAmount()) > 0) {
            return Optional.of("must be at most " + config.maxAmount().toPlainString());
        }
        return Optional.empty();
    }

    /** US dollars: the market settles in them, and the payment table takes nothing else. */
    public Optional<String> currency(String currency) {
        if (currency == null || currency.isBlank()) {
            return Optional.of("is required (USD)");
        }
        if (PaymentInstruction.USD.equals(currency)) {
            return Optional.empty();
        }
        boolean isoCode;
        try {
            isoCode = currency.length() == 3 && Currency.getInstance(currency) != null;
        } catch (IllegalArgumentException notIso) {
            isoCode = false;
        }
        return Optional.of(isoCode ? "is not accepted: payments are taken in USD only"
                : "is not a known currency code (ISO 4217); payments are taken in USD");
    }

    /** Present and not later than now plus the tolerance. */
    public Optional<String> receivedAt(Instant receivedAt) {
        if (receivedAt == null) {
            return Optional.of("is required");
        }
        Instant latest = clock.instant().plus(config.receivedAtFutureTolerance());
        if (receivedAt.isAfter(latest)) {
            return Optional.of("is in the future (more than " + config.receivedAtFutureTolerance()
                    + " after now)");
        }
        return Optional.empty();
    }

    /** At most 100 characters and no card number in it. */
    public Optional<String> externalReference(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        if (reference.length() > MAX_EXTERNAL_REFERENCE) {
            return Optional.of("must be at most " + MAX_EXTERNAL_REFERENCE + " characters");
        }
        if (CardNumbers.containsPan(reference)) {
            return Optional.of(PAN_REFUSED);
        }
        return Optional.empty();
    }

    /** The reason given wherever a full card number turns up. */
    public static final String PAN_REFUSED = "must not contain a card number: send the card's last 4 digits only "
            + "(instrument.last4); full card numbers are never accepted or stored";
}
