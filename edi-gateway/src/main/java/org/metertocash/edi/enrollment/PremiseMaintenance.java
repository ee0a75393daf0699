package org.metertocash.edi.enrollment;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.metertocash.contracts.edi.SwitchHoldAdded;
import org.metertocash.contracts.edi.SwitchHoldRemoved;
import org.metertocash.edi.transactions.EdiTransaction;
import org.metertocash.edi.transactions.TransactionLog;
import org.metertocash.edi.transactions.TransactionStatus;
import org.metertocash.platform.events.Cause;
import org.metertocash.platform.outbox.Outbox;
import org.metertocash.platform.workqueue.WorkQueue;
import org.metertocash.x12.TransactionSet;

/**
 * 814_20: the wires utility maintains an ESI ID (create, change, retire) through ERCOT. What matters to a retailer
 * is the switch hold — placed on a premise after meter tampering, it blocks switches to the premise until removed
 * (16 TAC §25.126). The hold travels as a REF whose qualifier is {@code edi.market.switch-hold-ref} (default SHI),
 * value Y (added) or N (removed), effective on DTM*007 (or the transaction date, BGN03). Every 814_20 is logged
 * and PROCESSED; only a switch-hold change is published. A switch hold may concern a premise that is not ours yet
 * (it is exactly what stops a switch to it), so the ESI ID need not be known.
 */
@ApplicationScoped
public class PremiseMaintenance {

    @Inject
    Outbox outbox;

    @Inject
    TransactionLog log;

    @Inject
    WorkQueue workQueue;

    @ConfigProperty(name = "edi.market.switch-hold-ref", defaultValue = "SHI")
    String switchHoldQualifier;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EdiTransaction inbound, TransactionSet set) {
        inbound.transactionSet = "814_20";
        if (inbound.esiId == null) {
            Inbound814.fail(log, workQueue, inbound, "REF*Q5 (ESI ID) is missing");
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", "MAINTENANCE");
        Optional<String> hold = set.ref(switchHoldQualifier).map(v -> v.trim().toUpperCase(Locale.ROOT));
        if (hold.isEmpty()) {
            log.details(inbound, details);
            inbound.status = TransactionStatus.PROCESSED;
            return;
        }
        LocalDate effective;
        try {
            effective = set.dtm("007").or(() -> set.first("BGN").map(bgn -> bgn.element(3)))
                    .map(d -> LocalDate.parse(d, Enrollment814.CCYYMMDD)).orElse(null);
        } catch (DateTimeParseException e) {
            effective = null;
        }
        if (effective == null) {
            Inbound814.fail(log, workQueue, inbound, "a switch-hold change needs its effective date (DTM*007)");
            return;
        }
        Cause cause = new Cause(LossNotices.correlation(inbound), null);
        switch (hold.get()) {
            case "Y" -> {
                details.put("switchHold", "ADDED");
                inbound.producedEventId = outbox.publish(
                        new SwitchHoldAdded(inbound.esiId, effective, inbound.bgnReference, inbound.id), cause);
            }
            case "N" -> {
                details.put("switchHold", "REMOVED");
                inbound.producedEventId = outbox.publish(
                        new SwitchHoldRemoved(inbound.esiId, effective, inbound.bgnReference, inbound.id), cause);
            }
            default -> {
                Inbound814.fail(log, workQueue, inbound, "REF*" + switchHoldQualifier + " must be Y (hold added) or N "
                        + "(hold removed), not " + hold.get());
                return;
            }
        }
        details.put("effectiveDate", effective.toString());
        log.details(inbound, details);
        inbound.status = TransactionStatus.PROCESSED;
    }
}
