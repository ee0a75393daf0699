package org.metertocash.payment.autopay;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.metertocash.payment.bank.BankAccountNumber;
import org.metertocash.payment.bank.RoutingNumber;
import org.metertocash.payment.files.nacha.AchAccountType;
import org.metertocash.payment.posting.Luhn;
import org.metertocash.platform.problem.FieldError;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads the body of {@code POST /autopay} field by field, reporting every bad field at once. No reason ever repeats a
 * value that was sent (a bank account number typed into the wrong field must not come back in an error, a log or a
 * stored response), and unknown fields are refused.
 */
@ApplicationScoped
public class MandateRequestReader {

    static final Set<String> FIELDS = Set.of("accountNumber", "routingNumber", "bankAccountNumber", "accountType",
            "holderName", "daysBeforeDue");

    /** 16 TAC §25.480(b): a bill is due at least 16 days after it is issued, so a draft 15 days ahead still follows it. */
    static final int MAX_DAYS_BEFORE_DUE = 15;
    static final int MAX_HOLDER_NAME = 100;

    /** The body read: the request when valid, else the errors sorted by field. */
    public record Reading(MandateRequest request, List<FieldError> errors) {
    }

    @Inject
    ObjectMapper json;

    public Reading read(String body) {
        if (body == null || body.isBlank()) {
            return new Reading(null, List.of(new FieldError("body", "an auto-draft enrolment is required")));
        }
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JsonProcessingException e) {
            return new Reading(null, List.of(new FieldError("body", "is not valid JSON")));
        }
        if (!(tree instanceof ObjectNode object)) {
            return new Reading(null, List.of(new FieldError("body", "must be a JSON object")));
        }
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
            String name = it.next().getKey();
            if (!FIELDS.contains(name)) {
                errors.add(new FieldError(name, "is not a known field"));
            }
        }
        String accountNumber = text(object, "accountNumber", errors, true);
        if (accountNumber != null && !Luhn.validAccountNumber(accountNumber)) {
            errors.add(new FieldError("accountNumber", "must be a billing account number (10 digits, the last a check "
                    + "digit)"));
            accountNumber = null;
        }
        RoutingNumber routing = null;
        String routingText = text(object, "routingNumber", errors, true);
        if (routingText != null) {
            var problem = RoutingNumber.problem(routingText);
            if (problem.isPresent()) {
                errors.add(new FieldError("routingNumber", "is not an ABA routing number: it " + problem.get()));
            } else {
                routing = RoutingNumber.of(routingText);
            }
        }
        BankAccountNumber bankAccount = null;
        String bankAccountText = text(object, "bankAccountNumber", errors, true);
        if (bankAccountText != null) {
            var problem = BankAccountNumber.problem(bankAccountText);
            if (problem.isPresent()) {
                errors.add(new FieldError("bankAccountNumber", problem.get()));
            } else {
                bankAccount = BankAccountNumber.of(bankAccountText);
            }
        }
        AchAccountType accountType = null;
        String typeText = text(object, "accountType", errors, true);
        if (typeText != null) {
            try {
                accountType = AchAccountType.valueOf(typeText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("accountType", "must be CHECKING or SAVINGS"));
            }
        }
        String holderName = text(object, "holderName", errors, true);
        if (holderName != null) {
            if (holderName.length() > MAX_HOLDER_NAME) {
                errors.add(new FieldError("holderName", "must be at most " + MAX_HOLDER_NAME + " characters"));
            } else if (!holderName.chars().allMatch(c -> c >= 0x20 && c != 0x7F)) {
                errors.add(new FieldError("holderName", "must not contain control characters"));
            }
        }
        Integer daysBeforeDue = null;
        JsonNode days = object.get("daysBeforeDue");
        if (days != null && !days.isNull()) {
            if (!days.canConvertToInt() || !days.isIntegralNumber()) {
                errors.add(new FieldError("daysBeforeDue", "must be a whole number of days"));
            } else if (days.asInt() < 0 || days.asInt() > MAX_DAYS_BEFORE_DUE) {
                errors.add(new FieldError("daysBeforeDue", "must be 0 (on the due date) to " + MAX_DAYS_BEFORE_DUE
                        + " (a bill is due at least 16 days after it is issued, 16 TAC §25.480(b))"));
            } else {
                daysBeforeDue = days.asInt();
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::reason));
            return new Reading(null, List.copyOf(errors));
        }
        return new Reading(new MandateRequest(accountNumber, routing, bankAccount, accountType, holderName,
                daysBeforeDue), List.of());
    }

    private static String text(ObjectNode object, String field, List<FieldError> errors, boolean required) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        return value.asText().trim();
    }
}
