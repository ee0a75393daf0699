package org.metertocash.edi.premises;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.metertocash.edi.transactions.Direction;
import org.metertocash.edi.transactions.EdiTransaction;
import org.metertocash.edi.transactions.TransactionLog;
import org.metertocash.edi.transactions.TransactionStatus;
import org.metertocash.platform.workqueue.WorkQueue;

/**
 * The premises we serve or have asked to serve, as the gateway knows them: every ESI ID we sent an enrollment
 * request (814_01/814_16) for. An inbound transaction about any other ESI ID (usage, an invoice, a loss notice)
 * is not ours to apply: it is held as FAILED with an {@value #UNKNOWN_ESI_ID} work item for operations to
 * research, never published and never dropped.
 */
@ApplicationScoped
public class KnownPremises {

    public static final String UNKNOWN_ESI_ID = "EDI_UNKNOWN_ESI_ID";

    @Inject
    TransactionLog log;

    @Inject
    WorkQueue workQueue;

    public boolean isKnown(String esiId) {
        return esiId != null && EdiTransaction.count(
                "direction = ?1 and esiId = ?2 and transactionSet in ('814_01', '814_16')", Direction.OUTBOUND,
                esiId) > 0;
    }

    /**
     * True when the transaction's ESI ID is one of ours; otherwise marks it FAILED, raises the work item and
     * returns false.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean requireKnown(EdiTransaction inbound, String esiId) {
        if (isKnown(esiId)) {
            return true;
        }
        String what = esiId == null || esiId.isBlank() ? "no ESI ID" : "ESI ID " + esiId;
        log.fail(inbound, TransactionStatus.FAILED, "UNKNOWN_ESI_ID",
                inbound.transactionSet + " references " + what + ", which we never enrolled");
        workQueue.raise(UNKNOWN_ESI_ID, esiId, inbound.id.toString(),
                inbound.transactionSet + " " + inbound.bgnReference + " references " + what
                        + " that is not ours",
                Map.of("transactionId", inbound.id.toString(), "fileId", inbound.fileId.toString()));
        return false;
    }
}
