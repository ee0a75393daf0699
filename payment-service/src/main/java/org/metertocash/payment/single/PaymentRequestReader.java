package org.metertocash.payment.single;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.metertocash.payment.posting.CardNumbers;
import org.metertocash.payment.posting.Instrument;
import org.metertocash.payment.posting.Luhn;
import org.metertocash.payment.posting.PaymentChannel;
import org.metertocash.payment.posting.PaymentRules;
import org.metertocash.platform.problem.FieldError;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Reads the raw body of {@code POST /payments} field by field, so that every bad field is reported at once and the
 * body can be kept even when it is not JSON. Unknown fields are refused (a payment API takes nothing it does not
 * understand: an extra field could carry a card or bank account number). Also makes the copy of a refused body that
 * may be kept: card numbers masked, unknown fields' values left out.
 */
@ApplicationScoped
public class PaymentRequestReader {

    static final Set<String> FIELDS = Set.of("accountNumber", "esiId", "amount", "currency", "channel",
            "externalReference", "receivedAt", "instrument");
    static final Set<String> INSTRUMENT_FIELDS = Set.of("type", "last4");
    static final int MAX_KEPT_BODY = 20_000;
    private static final String NOT_KEPT = "[not kept: unknown field]";
    private static final Pattern ACCOUNT_NUMBER = Pattern.compile("\\d{10}");
    private static final Pattern ESI_ID = Pattern.compile("10(\\d{15}|\\d{20})");
    private static final Pattern LAST4 = Pattern.compile("\\d{4}");

    /** The body read: the request when it is valid, else the errors (sorted by field). */
    public record Reading(PaymentRequest request, List<FieldError> errors) {

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /** A refused body as it may be stored. */
    public record KeptBody(String text, boolean truncated) {
    }

    @Inject
    ObjectMapper json;

    @Inject
    PaymentRules rules;

    private ObjectMapper exact;

    @PostConstruct
    void exactDecimals() {
        // amounts are read exactly as written: 10.005 stays 10.005 (and is refused), never rounded through a double
        exact = json.copy().setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    public Reading read(String body) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || body.isBlank()) {
            return new Reading(null, List.of(new FieldError("body", "a payment is required")));
        }
        JsonNode tree;
        try {
            tree = exact.readTree(body);
        } catch (JsonProcessingException e) {
            return new Reading(null, List.of(new FieldError("body", "is not valid JSON: " + e.getOriginalMessage())));
        }
        if (!(tree instanceof ObjectNode object)) {
            return new Reading(null, List.of(new FieldError("body", "must be a JSON object")));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!FIELDS.contains(field.getKey())) {
                errors.add(new FieldError(field.getKey(), unknownFieldReason(field.getValue())));
            }
        }
        String accountNumber = text(object, "accountNumber", errors);
        if (accountNumber != null) {
            if (!ACCOUNT_NUMBER.matcher(accountNumber).matches()) {
                errors.add(new FieldError("accountNumber", "must be 10 digits"));
            } else if (!Luhn.validAccountNumber(accountNumber)) {
                errors.add(new FieldError("accountNumber", "is not a valid account number (its check digit does not match)"));
            }
        }
        String esiId = text(object, "esiId", errors);
        if (esiId != null && !ESI_ID.matcher(esiId).matches()) {
            errors.add(new FieldError("esiId", "must be 17 or 22 digits starting with 10"));
        }
        if (absent(object, "accountNumber") && absent(object, "esiId")) {
            errors.add(new FieldError("accountNumber", "or esiId is required: name the account paid"));
            errors.add(new FieldError("esiId", "or accountNumber is required: name the account paid"));
        }
        BigDecimal amount = amount(object, errors);
        String currency = text(object, "currency", errors);
        if (currency != null || absent(object, "currency")) {
            rules.currency(currency).ifPresent(reason -> errors.add(new FieldError("currency", reason)));
        }
        PaymentChannel channel = channel(object, errors);
        String externalReference = text(object, "externalReference", errors);
        rules.externalReference(externalReference)
                .ifPresent(reason -> errors.add(new FieldError("externalReference", reason)));
        Instant receivedAt = receivedAt(object, errors);
        Instrument instrument = instrument(object.get("instrument"), channel, errors);
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::reason));
        if (!errors.isEmpty()) {
            return new Reading(null, List.copyOf(errors));
        }
        return new Reading(new PaymentRequest(accountNumber, esiId, amount, currency, channel, externalReference,
                receivedAt, instrument), List.of());
    }

    /**
     * What may be kept of a refused body: the JSON with card numbers masked and unknown fields' values left out, or,
     * when it is not JSON, the text with card numbers masked; at most {@value #MAX_KEPT_BODY} characters.
     */
    public KeptBody keepable(String body) {
        if (body == null) {
            return new KeptBody(null, false);
        }
        String kept;
        try {
            JsonNode tree = exact.readTree(body);
            if (tree instanceof ObjectNode object) {
                redact(object, FIELDS);
                if (object.get("instrument") instanceof ObjectNode instrument) {
                    redact(instrument, INSTRUMENT_FIELDS);
                }
                kept = exact.writeValueAsString(object);
            } else {
                kept = CardNumbers.mask(body);
            }
        } catch (JsonProcessingException notJson) {
            kept = CardNumbers.mask(body);
        }
        if (kept.length() > MAX_KEPT_BODY) {
            return new KeptBody(kept.substring(0, MAX_KEPT_BODY), true);
        }
        return new KeptBody(kept, false);
    }

    private static void redact(ObjectNode object, Set<String> known) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode value = object.get(name);
            if (!known.contains(name)) {
                object.set(name, TextNode.valueOf(NOT_KEPT));
            } else if (value.isValueNode() && !value.isNull()) {
                String text = value.asText();
                String masked = CardNumbers.mask(text);
                if (!masked.equals(text)) {
                    object.set(name, TextNode.valueOf(masked));
                }
            }
        }
    }

    private static String unknownFieldReason(JsonNode value) {
        if (CardNumbers.containsPan(value.toString())) {
            return PaymentRules.PAN_REFUSED;
        }
        return "is not a known field";
    }

    private static boolean absent(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        return value == null || value.isNull() || (value.isTextual() && value.asText().isBlank());
    }

    private static String text(ObjectNode object, String field, List<FieldError> errors) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        String text = value.asText().trim();
        return text.isEmpty() ? null : text;
    }

    private BigDecimal amount(ObjectNode object, List<FieldError> errors) {
        JsonNode value = object.get("amount");
        BigDecimal amount = null;
        if (value != null && !value.isNull()) {
            if (value.isNumber()) {
                amount = value.decimalValue();
            } else if (value.isTextual()) {
                try {
                    amount = new BigDecimal(value.asText().trim());
                } catch (NumberFormatException e) {
                    errors.add(new FieldError("amount", "must be a number of dollars, e.g. 125.40"));
                    return null;
                }
            } else {
                errors.add(new FieldError("amount", "must be a number of dollars, e.g. 125.40"));
                return null;
            }
        }
        BigDecimal checked = amount;
        rules.amount(checked).ifPresent(reason -> errors.add(new FieldError("amount", reason)));
        return amount;
    }

    private static PaymentChannel channel(ObjectNode object, List<FieldError> errors) {
        String reason = "must be one of " + Arrays.toString(PaymentChannel.values());
        JsonNode value = object.get("channel");
        if (value == null || value.isNull()) {
            errors.add(new FieldError("channel", "is required: " + reason));
            return null;
        }
        try {
            return PaymentChannel.valueOf(value.asText().trim());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("channel", reason));
            return null;
        }
    }

    private Instant receivedAt(ObjectNode object, List<FieldError> errors) {
        JsonNode value = object.get("receivedAt");
        Instant receivedAt = null;
        if (value != null && !value.isNull()) {
            try {
                receivedAt = OffsetDateTime.parse(value.asText().trim(), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                        .toInstant();
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("receivedAt",
                        "must be a timestamp with its offset (ISO-8601, e.g. 2026-11-23T10:15:00-06:00)"));
                return null;
            }
        }
        rules.receivedAt(receivedAt).ifPresent(reason -> errors.add(new FieldError("receivedAt", reason)));
        return receivedAt;
    }

    private static Instrument instrument(JsonNode value, PaymentChannel channel, List<FieldError> errors) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!(value instanceof ObjectNode object)) {
            errors.add(new FieldError("instrument", "must be an object {type, last4}"));
            return null;
        }
        int before = errors.size();
        for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!INSTRUMENT_FIELDS.contains(name)) {
                errors.add(new FieldError("instrument." + name, CardNumbers.containsPan(object.get(name).toString())
                        ? PaymentRules.PAN_REFUSED
                        : "is not a known field: an instrument is its type and last 4 digits, never its full number"));
            }
        }
        Instrument.Type type = null;
        JsonNode typeNode = object.get("type");
        try {
            type = typeNode == null || typeNode.isNull() ? null : Instrument.Type.valueOf(typeNode.asText().trim());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (type == null) {
            errors.add(new FieldError("instrument.type", "must be one of " + Arrays.toString(Instrument.Type.values())));
        } else if (channel == PaymentChannel.CARD && type != Instrument.Type.CARD) {
            errors.add(new FieldError("instrument.type", "must be CARD for a CARD payment"));
        } else if (channel == PaymentChannel.ACH && type != Instrument.Type.BANK_ACCOUNT) {
            errors.add(new FieldError("instrument.type", "must be BANK_ACCOUNT for an ACH payment"));
        }
        JsonNode last4Node = object.get("last4");
        String last4 = last4Node == null || last4Node.isNull() ? null : last4Node.asText().trim();
        if (last4 == null || !LAST4.matcher(last4).matches()) {
            errors.add(new FieldError("instrument.last4", CardNumbers.containsPan(last4) ? PaymentRules.PAN_REFUSED
                    : "must be exactly the last 4 digits of the card or account"));
        }
        return errors.size() == before ? new Instrument(type, last4) : null;
    }
}
