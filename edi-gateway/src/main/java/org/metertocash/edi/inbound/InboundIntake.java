package org.metertocash.edi.inbound;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.metertocash.edi.acknowledgement.AcknowledgementSender;
import org.metertocash.edi.enrollment.MarketResponses;
import org.metertocash.edi.files.EdiFile;
import org.metertocash.edi.files.EdiFiles;
import org.metertocash.edi.transactions.Direction;
import org.metertocash.edi.transactions.EdiInterchange;
import org.metertocash.edi.transactions.EdiTransaction;
import org.metertocash.edi.transactions.TransactionLog;
import org.metertocash.edi.transactions.TransactionStatus;
import org.metertocash.platform.workqueue.WorkQueue;
import org.metertocash.x12.FunctionalGroup;
import org.metertocash.x12.Interchange;
import org.metertocash.x12.ParsedFile;
import org.metertocash.x12.SyntaxError;
import org.metertocash.x12.TransactionSet;
import org.metertocash.x12.X12Reader;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Takes an inbound file: stores it whole first, reads it, then applies each interchange in its own transaction
 * (an interchange already received from the same sender with the same ISA13 is a duplicate and changes nothing).
 * Transactions with syntax errors are REJECTED, valid ones are applied; every failure raises a work item.
 */
@ApplicationScoped
public class InboundIntake {

    private static final Logger LOG = Logger.getLogger(InboundIntake.class);
    public static final String FILE_REJECTED = "EDI_FILE_REJECTED";
    public static final String TRANSACTION_REJECTED = "EDI_TRANSACTION_REJECTED";

    @Inject
    EdiFiles files;

    @Inject
    X12Reader reader;

    @Inject
    TransactionLog log;

    @Inject
    Instance<InboundHandler> handlerBeans;

    private Map<String, InboundHandler> handlers;

    @Inject
    WorkQueue workQueue;

    @Inject
    AcknowledgementSender acknowledgements;

    @PostConstruct
    void collectHandlers() {
        Map<String, InboundHandler> byType = new HashMap<>();
        for (InboundHandler handler : handlerBeans) {
            InboundHandler previous = byType.put(handler.transactionSet(), handler);
            if (previous != null) {
                throw new IllegalStateException("two handlers for transaction set " + handler.transactionSet() + ": "
                        + previous.getClass().getName() + " and " + handler.getClass().getName());
            }
        }
        handlers = Map.copyOf(byType);
    }

    /** The transaction sets this gateway applies. */
    public java.util.Set<String> supportedSets() {
        return handlers.keySet();
    }

    public IntakeResult receive(byte[] content, String fileName, EdiFile.Source source) {
        EdiFile file = files.receive(content, fileName, source);
        ParsedFile parsed = reader.read(file.content);
        if (!parsed.readable()) {
            return rejectFile(file, parsed.fatalError());
        }
        List<IntakeResult.InterchangeResult> results = new ArrayList<>();
        for (Interchange interchange : parsed.interchanges()) {
            results.add(applySafely(file, interchange));
        }
        EdiFile.Status status = fileStatus(results);
        QuarkusTransaction.requiringNew().run(() -> {
            EdiFile managed = EdiFile.findById(file.id);
            managed.status = status;
        });
        return new IntakeResult(file.id, file.sha256, status, null, results);
    }

    private IntakeResult rejectFile(EdiFile file, String reason) {
        LOG.warnf("Inbound file %s rejected: %s", file.id, reason);
        QuarkusTransaction.requiringNew().run(() -> {
            EdiFile managed = EdiFile.findById(file.id);
            managed.status = EdiFile.Status.REJECTED;
            managed.error = reason;
            workQueue.raise(FILE_REJECTED, null, file.id.toString(),
                    "Inbound EDI file " + (file.fileName == null ? file.id : file.fileName) + " rejected: " + reason,
                    Map.of("fileId", file.id.toString(), "sha256", file.sha256, "sizeBytes", file.sizeBytes));
        });
        return new IntakeResult(file.id, file.sha256, EdiFile.Status.REJECTED, reason, List.of());
    }

    private IntakeResult.InterchangeResult applySafely(EdiFile file, Interchange interchange) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> apply(file, interchange));
        } catch (RuntimeException e) {
            // e.g. the same interchange arriving twice at the same moment: the unique index lets one through
            LOG.warnf(e, "Interchange %s from %s of file %s could not be applied", interchange.controlNumber(),
                    interchange.senderId(), file.id);
            String reason = "could not be applied: " + rootMessage(e);
            QuarkusTransaction.requiringNew().run(() -> workQueue.raise(FILE_REJECTED, null,
                    file.id + "/" + interchange.controlNumber(), "Interchange " + interchange.controlNumber() + " "
                            + reason, Map.of("fileId", file.id.toString())));
            return new IntakeResult.InterchangeResult(interchange.senderId(), interchange.controlNumber(),
                    TransactionStatus.FAILED, List.of(reason), List.of());
        }
    }

    private IntakeResult.InterchangeResult apply(EdiFile file, Interchange interchange) {
        boolean duplicate = EdiInterchange.count("direction = ?1 and senderId = ?2 and controlNumber = ?3 and status = ?4",
                Direction.INBOUND, interchange.senderId(), interchange.controlNumber(), TransactionStatus.ACCEPTED) > 0;
        if (duplicate) {
            log.interchange(file.id, Direction.INBOUND, interchange.senderId(), interchange.receiverId(),
                    interchange.controlNumber(), interchange.usageIndicator(), TransactionStatus.DUPLICATE, null);
            return new IntakeResult.InterchangeResult(interchange.senderId(), interchange.controlNumber(),
                    TransactionStatus.DUPLICATE, List.of("interchange " + interchange.controlNumber() + " from "
                            + interchange.senderId() + " was already received; not processed again"),
                    List.of());
        }
        // Accepted = the envelope and every transaction set in it are syntactically valid (a 997 would say "A").
        boolean valid = interchange.accepted() && interchange.groups().stream().allMatch(g -> g.errors().isEmpty()
                && g.transactions().stream().allMatch(org.metertocash.x12.TransactionSet::accepted));
        TransactionStatus envelopeStatus = valid ? TransactionStatus.ACCEPTED : TransactionStatus.REJECTED;
        EdiInterchange logged = log.interchange(file.id, Direction.INBOUND, interchange.senderId(),
                interchange.receiverId(), interchange.controlNumber(), interchange.usageIndicator(), envelopeStatus,
                interchange.errors().stream().map(TransactionLog::error).toList());
        List<IntakeResult.TransactionResult> transactions = new ArrayList<>();
        for (FunctionalGroup group : interchange.groups()) {
            for (TransactionSet set : group.transactions()) {
                transactions.add(applyTransaction(logged, interchange, group, set));
            }
        }
        if (!interchange.errors().isEmpty() && transactions.isEmpty()) {
            // an envelope broken before any transaction set (e.g. a GE without its GS): nothing else would queue it
            workQueue.raise(FILE_REJECTED, null, file.id + "/" + interchange.controlNumber(),
                    "Interchange " + interchange.controlNumber() + " from " + interchange.senderId() + " rejected: "
                            + interchange.errors().get(0),
                    Map.of("fileId", file.id.toString(), "errors", describe(interchange.errors())));
        }
        // the 997 owed for each functional group, in this transaction: sent if and only if the interchange applied
        acknowledgements.acknowledge(logged, interchange, transactions);
        return new IntakeResult.InterchangeResult(interchange.senderId(), interchange.controlNumber(), envelopeStatus,
                describe(interchange.errors()), transactions);

    }

    private IntakeResult.TransactionResult applyTransaction(EdiInterchange logged, Interchange interchange,
            FunctionalGroup group, TransactionSet set) {
        List<SyntaxError> errors = new ArrayList<>(set.errors());
        errors.addAll(group.errors());
        errors.addAll(interchange.errors());
        TransactionSet checked = new TransactionSet(set.type(), set.controlNumber(), set.segments(), errors);
        EdiTransaction transaction = log.transaction(logged, group.controlNumber(), checked, interchange.delimiters(),
                set.type().isEmpty() ? "???" : set.type(),
                errors.isEmpty() ? TransactionStatus.ACCEPTED : TransactionStatus.REJECTED);
        if (!errors.isEmpty()) {
            workQueue.raise(TRANSACTION_REJECTED, transaction.esiId, transaction.id.toString(),
                    set.type() + " " + set.controlNumber() + " of interchange " + interchange.controlNumber()
                            + " rejected: " + errors.get(0),
                    Map.of("transactionId", transaction.id.toString(), "fileId", logged.fileId.toString(),
                            "errors", describe(errors)));
        } else if (handlers.containsKey(set.type())) {
            handlers.get(set.type()).apply(transaction, checked, interchange);
        } else {
            log.fail(transaction, TransactionStatus.FAILED, "NOT_SUPPORTED",
                    "transaction set " + set.type() + " is not handled by this gateway yet");
            workQueue.raise(MarketResponses.NOT_APPLICABLE, transaction.esiId, transaction.id.toString(),
                    "Transaction set " + set.type() + " received but not handled",
                    Map.of("transactionId", transaction.id.toString()));
        }
        return new IntakeResult.TransactionResult(transaction.id, transaction.transactionSet, set.controlNumber(),
                transaction.esiId, transaction.status,
                transaction.status == TransactionStatus.FAILED ? List.of(transaction.errors) : describe(errors));
    }

    private static EdiFile.Status fileStatus(List<IntakeResult.InterchangeResult> interchanges) {
        if (interchanges.stream().allMatch(i -> i.status() == TransactionStatus.DUPLICATE)) {
            return EdiFile.Status.DUPLICATE;
        }
        long transactions = interchanges.stream().mapToLong(i -> i.transactions().size()).sum();
        long applied = interchanges.stream().flatMap(i -> i.transactions().stream())
                .filter(t -> t.status() == TransactionStatus.PROCESSED).count();
        boolean envelopesClean = interchanges.stream()
                .allMatch(i -> i.status() == TransactionStatus.ACCEPTED || i.status() == TransactionStatus.DUPLICATE);
        if (envelopesClean && applied == transactions) {
            return EdiFile.Status.PROCESSED;
        }
        return applied == 0 ? EdiFile.Status.REJECTED : EdiFile.Status.PARTIALLY_REJECTED;
    }

    private static List<String> describe(List<SyntaxError> errors) {
        return errors.stream().map(SyntaxError::toString).toList();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
