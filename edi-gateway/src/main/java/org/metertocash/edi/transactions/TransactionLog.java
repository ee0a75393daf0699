package org.metertocash.edi.transactions;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.metertocash.platform.workqueue.WorkQueue;
import org.metertocash.x12.Delimiters;
import org.metertocash.x12.SyntaxError;
import org.metertocash.x12.TransactionSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Records interchanges and transactions in the log. */
@ApplicationScoped
public class TransactionLog {

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @Inject
    WorkQueue workQueue;

    @Transactional(Transactional.TxType.MANDATORY)
    public EdiInterchange interchange(UUID fileId, Direction direction, String senderId, String receiverId,
            String controlNumber, String usageIndicator, TransactionStatus status, List<?> errors) {
        EdiInterchange interchange = new EdiInterchange();
        interchange.id = UUID.randomUUID();
        interchange.fileId = fileId;
        interchange.direction = direction;
        interchange.senderId = senderId;
        interchange.receiverId = receiverId;
        interchange.controlNumber = controlNumber;
        interchange.usageIndicator = usageIndicator;
        interchange.status = status;
        interchange.errors = errors == null || errors.isEmpty() ? null : toJson(errors);
        interchange.createdAt = clock.instant();
        interchange.persist();
        return interchange;
    }

    /** A transaction of an interchange; its set name (e.g. 814_05) is decided by the caller. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EdiTransaction transaction(EdiInterchange interchange, String gs06, TransactionSet set,
            Delimiters delimiters, String transactionSet, TransactionStatus status) {
        EdiTransaction transaction = new EdiTransaction();
        transaction.id = UUID.randomUUID();
        transaction.fileId = interchange.fileId;
        transaction.interchangeId = interchange.id;
        transaction.direction = interchange.direction;
        transaction.transactionSet = transactionSet;
        transaction.setId = set.type().isEmpty() ? "???" : set.type();
        transaction.senderId = interchange.senderId;
        transaction.receiverId = interchange.receiverId;
        transaction.isa13 = interchange.controlNumber;
        transaction.gs06 = gs06 == null ? "" : gs06;
        transaction.st02 = set.controlNumber();
        set.first("BGN").ifPresent(bgn -> {
            transaction.bgnReference = blankToNull(bgn.element(2));
            transaction.originalReference = blankToNull(bgn.element(6));
        });
        // an ESI ID is 17 or 22 digits; anything longer is a syntax error already reported (AK4), not a premise
        transaction.esiId = set.ref("Q5").filter(esiId -> esiId.length() <= 22).orElse(null);
        transaction.status = status;
        transaction.errors = set.errors().isEmpty() ? null : toJson(set.errors().stream().map(TransactionLog::error).toList());
        transaction.rawSegments = set.text(delimiters);
        transaction.createdAt = clock.instant();
        transaction.updatedAt = transaction.createdAt;
        transaction.persist();
        return transaction;
    }

    /**
     * Links an acknowledgement (997) or advice (824) to the transaction it is about; the caller completes the
     * group and set it quotes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EdiAcknowledgement acknowledgement(String kind, Direction direction, EdiTransaction acknowledging,
            EdiTransaction acknowledged, String partnerId, String code, Object errors) {
        EdiAcknowledgement link = new EdiAcknowledgement();
        link.id = UUID.randomUUID();
        link.kind = kind;
        link.direction = direction;
        link.acknowledgingTransactionId = acknowledging.id;
        link.transactionId = acknowledged.id;
        link.partnerId = partnerId;
        link.setId = acknowledged.setId;
        link.controlNumber = acknowledged.st02;
        link.code = code;
        link.errors = errors == null ? null : toJson(errors);
        link.createdAt = clock.instant();
        link.persist();
        return link;
    }

    public void fail(EdiTransaction transaction, TransactionStatus status, String code, String description) {
        transaction.status = status;
        transaction.errors = toJson(List.of(Map.of("code", code, "description", description)));
        transaction.updatedAt = clock.instant();
    }

    /**
     * Content that is valid X12 but cannot be applied: the transaction is FAILED with the reasons and a work item of
     * the given type is raised for operations, naming the transaction and its file. Nothing is published for it.
     */
    public void failForOperations(EdiTransaction inbound, String workType, List<String> problems) {
        fail(inbound, TransactionStatus.FAILED, "NOT_APPLICABLE", String.join("; ", problems));
        workQueue.raise(workType, inbound.esiId, inbound.id.toString(),
                inbound.transactionSet + " " + inbound.bgnReference + " for ESI ID " + inbound.esiId
                        + " was not applied: " + problems.get(0)
                        + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""),
                Map.of("transactionId", inbound.id.toString(), "fileId", inbound.fileId.toString(),
                        "problems", problems));
    }

    public void details(EdiTransaction transaction, Map<String, ?> details) {
        transaction.details = toJson(details);
    }

    public static Map<String, Object> error(SyntaxError e) {
        return Map.of("level", e.level().name(), "segment", e.segmentTag() == null ? "" : e.segmentTag(),
                "segmentPosition", e.segmentPosition(), "elementPosition", e.elementPosition(), "code", e.code(),
                "description", e.description());
    }

    public String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
