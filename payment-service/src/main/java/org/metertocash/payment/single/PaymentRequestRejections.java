package org.metertocash.payment.single;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.metertocash.platform.problem.FieldError;
import org.metertocash.platform.workqueue.WorkQueue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Keeps a refused payment request and raises a {@value #PAYMENT_REQUEST_REJECTED} work item, in a transaction of
 * its own: the call itself is answered 400 and rolls back, but what was sent is not lost. One open item per caller
 * and Idempotency-Key (a retried bad request counts as another occurrence of it), each attempt kept.
 */
@ApplicationScoped
public class PaymentRequestRejections {

    /** A payment request refused with 400: reference = caller and key (or the kept request's id without a key). */
    public static final String PAYMENT_REQUEST_REJECTED = "PAYMENT_REQUEST_REJECTED";

    @Inject
    PaymentRequestReader reader;

    @Inject
    WorkQueue workQueue;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /** Stores the refused request and raises (or counts again) its work item; returns the kept request's id. */
    public UUID keep(String body, List<FieldError> errors, String caller, String idempotencyKey, String correlationId) {
        PaymentRequestReader.KeptBody kept = reader.keepable(body);
        return QuarkusTransaction.requiringNew().call(() -> {
            RejectedPaymentRequest rejected = new RejectedPaymentRequest();
            rejected.id = UUID.randomUUID();
            rejected.receivedAt = clock.instant();
            rejected.submittedBy = caller;
            rejected.idempotencyKey = truncate(idempotencyKey, 200);
            rejected.correlationId = truncate(correlationId, 200);
            rejected.body = kept.text();
            rejected.bodyTruncated = kept.truncated();
            rejected.errors = toJson(errors);
            rejected.persist();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("rejectedRequestId", rejected.id.toString());
            details.put("caller", caller);
            details.put("idempotencyKey", rejected.idempotencyKey);
            details.put("errors", errors);
            String reference = rejected.idempotencyKey == null ? rejected.id.toString()
                    : caller + ":" + rejected.idempotencyKey;
            workQueue.raise(PAYMENT_REQUEST_REJECTED, null, truncate(reference, 300),
                    "Payment request from " + caller + " refused: " + String.join("; ",
                            errors.stream().map(e -> e.field() + " " + e.reason()).toList()),
                    details);
            return rejected.id;
        });
    }

    private String toJson(List<FieldError> errors) {
        try {
            return json.writeValueAsString(errors);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
