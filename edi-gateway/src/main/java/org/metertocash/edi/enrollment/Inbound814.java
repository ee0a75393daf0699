package org.metertocash.edi.enrollment;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.metertocash.edi.inbound.InboundHandler;
import org.metertocash.edi.transactions.EdiTransaction;
import org.metertocash.edi.transactions.TransactionLog;
import org.metertocash.edi.transactions.TransactionStatus;
import org.metertocash.platform.workqueue.WorkQueue;
import org.metertocash.x12.Interchange;
import org.metertocash.x12.Segment;
import org.metertocash.x12.TransactionSet;

/**
 * Every 814 the market sends us, told apart by BGN01 and ASI (see {@link Enrollment814}): an answer to one of ours
 * (BGN*11: 814_05, 814_02, 814_17, 814_25, 814_09) goes to {@link MarketResponses}; a loss notice (814_06) to
 * {@link LossNotices}; ESI ID maintenance (814_20) to {@link PremiseMaintenance}. Anything else is FAILED with a
 * work item.
 */
@ApplicationScoped
public class Inbound814 implements InboundHandler {

    @Inject
    MarketResponses responses;

    @Inject
    LossNotices lossNotices;

    @Inject
    PremiseMaintenance maintenance;

    @Inject
    TransactionLog log;

    @Inject
    WorkQueue workQueue;

    @Override
    public String transactionSet() {
        return "814";
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EdiTransaction inbound, TransactionSet set, Interchange interchange) {
        String purpose = set.first("BGN").map(bgn -> bgn.element(1)).orElse("");
        Segment asi = set.first("ASI").orElse(null);
        String action = asi == null ? "" : asi.element(1);
        String maintenanceType = asi == null ? "" : asi.element(2);
        if ("11".equals(purpose)) {
            responses.apply(inbound, set);
        } else if ("13".equals(purpose) && "7".equals(action) && Enrollment814.DELETION.equals(maintenanceType)) {
            lossNotices.apply(inbound, set);
        } else if ("13".equals(purpose) && "7".equals(action) && Enrollment814.CHANGE.equals(maintenanceType)) {
            maintenance.apply(inbound, set);
        } else {
            fail(log, workQueue, inbound, "BGN01 " + purpose + " with ASI " + action + "*" + maintenanceType
                    + " is no 814 this retailer receives (a response BGN*11, a loss notice ASI*7*002 or a "
                    + "maintenance ASI*7*001)");
        }
    }

    /** Marks an inbound 814 FAILED with the reason and raises the work item operations research it from. */
    static void fail(TransactionLog log, WorkQueue workQueue, EdiTransaction inbound, String reason) {
        log.fail(inbound, TransactionStatus.FAILED, "NOT_APPLICABLE", reason);
        workQueue.raise(MarketResponses.NOT_APPLICABLE, inbound.esiId, inbound.id.toString(),
                inbound.transactionSet + " " + inbound.bgnReference + " could not be applied: " + reason,
                Map.of("transactionId", inbound.id.toString(), "fileId", inbound.fileId.toString()));
    }
}
