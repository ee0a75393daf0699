package org.metertocash.edi.usage;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.metertocash.contracts.edi.UsageReported;
import org.metertocash.edi.inbound.InboundHandler;
import org.metertocash.edi.premises.KnownPremises;
import org.metertocash.edi.transactions.Direction;
import org.metertocash.edi.transactions.EdiTransaction;
import org.metertocash.edi.transactions.TransactionLog;
import org.metertocash.edi.transactions.TransactionStatus;
import org.metertocash.edi.usage.MeterReads.MeterUsage;
import org.metertocash.edi.usage.Usage867.Purpose;
import org.metertocash.platform.events.Cause;
import org.metertocash.platform.outbox.Outbox;
import org.metertocash.x12.Interchange;
import org.metertocash.x12.TransactionSet;

/**
 * The wires utility's 867s. An 867_03 (usage) becomes one {@link UsageReported} per meter and service period —
 * never one per interval: interval data travels in the event as start, length and values. BPT01 00 / 01 / 05 is
 * the purpose ORIGINAL / CANCEL / REPLACE (restated usage is cancel-and-rebill for billing), BPT09 the document a
 * cancel or replace restates. An 867_04 (initial meter read, by its BPT04 report type) is applied by
 * {@link InitialReads}.
 * <p>
 * Usage for an ESI ID we never enrolled is held ({@link KnownPremises}); usage that makes no business sense
 * ({@link MeterReads}), a document applied before, or a cancel of usage we never received is FAILED with an
 * {@value #USAGE_INVALID} work item. Either way nothing is published and the transaction stays in the log.
 * Billing must have usage and the TDSP invoice to bill within 30 days (16 TAC §25.479), so every failure is
 * raised for operations at once.
 */
@ApplicationScoped
public class UsageReports implements InboundHandler {

    public static final String USAGE_INVALID = "EDI_USAGE_INVALID";
    public static final String USAGE = "867_03";

    private static final Logger LOG = Logger.getLogger(UsageReports.class);

    @Inject
    Outbox outbox;

    @Inject
    TransactionLog log;

    @Inject
    KnownPremises premises;

    @Inject
    UsageRules rules;

    @Inject
    InitialReads initialReads;

    @Inject
    Clock clock;

    @Override
    public String transactionSet() {
        return "867";
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EdiTransaction inbound, TransactionSet set, Interchange interchange) {
        Usage867 usage = Usage867.read(set);
        inbound.bgnReference = usage.reference();
        inbound.originalReference = usage.originalReference();
        inbound.esiId = usage.esiId();
        if (rules.initialReadReportTypes().contains(usage.reportType())) {
            initialReads.apply(inbound, set, usage);
            return;
        }
        inbound.transactionSet = USAGE;
        Map<String, Object> details = heading(usage);
        log.details(inbound, details);
        if (!premises.requireKnown(inbound, usage.esiId())) {
            return;
        }
        MeterReads.Result result;
        try {
            result = MeterReads.of(usage, rules);
        } catch (RuntimeException e) {
            LOG.warnf(e, "867 %s could not be interpreted", inbound.id);
            result = new MeterReads.Result(List.of(), List.of("the usage could not be interpreted: " + e.getMessage()));
        }
        List<String> problems = new ArrayList<>(result.problems());
        if (problems.isEmpty()) {
            alreadyApplied(inbound).ifPresent(earlier -> problems.add("usage document " + usage.reference()
                    + " was already applied (transaction " + earlier.id + "); a restatement comes as a replace"));
        }
        boolean originalFound = usage.originalReference() == null || original(inbound).isPresent();
        if (problems.isEmpty() && usage.purpose().orElse(null) == Purpose.CANCEL && !originalFound) {
            problems.add("the cancel quotes usage document " + usage.originalReference()
                    + ", which we never applied for ESI ID " + usage.esiId());
        }
        if (!problems.isEmpty()) {
            details.put("problems", problems);
            log.details(inbound, details);
            fail(inbound, problems);
            return;
        }
        if (usage.originalReference() != null) {
            details.put("originalFound", originalFound);
        }
        // Data arriving from the market on its own starts a flow of its own: correlated with this transaction.
        Cause cause = new Cause(inbound.id, null);
        Purpose purpose = usage.purpose().orElseThrow();
        List<Map<String, Object>> meters = new ArrayList<>();
        for (MeterUsage meter : result.meters()) {
            UUID eventId = outbox.publish(new UsageReported(usage.esiId(), meter.meterNumber(), purpose.name(),
                    usage.reference(), usage.originalReference(), meter.periodStart(), meter.periodEnd(),
                    meter.readingQuality(), usage.finalRead(), meter.totalKwh(), meter.demandKw(),
                    meter.intervalStart(), meter.intervalMinutes(), meter.intervalKwh(), inbound.id), cause);
            meters.add(describe(meter, eventId));
            inbound.producedEventId = eventId;
        }
        details.put("meters", meters);
        log.details(inbound, details);
        inbound.correlationId = inbound.id;
        inbound.status = TransactionStatus.PROCESSED;
        inbound.updatedAt = clock.instant();
    }

    static Map<String, Object> heading(Usage867 usage) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("purpose", usage.purpose().map(Enum::name).orElse(usage.purposeCode()));
        details.put("reference", usage.reference());
        details.put("documentDate", usage.documentDate());
        details.put("reportType", usage.reportType());
        if (usage.originalReference() != null) {
            details.put("originalReference", usage.originalReference());
        }
        details.put("finalRead", usage.finalRead());
        details.put("loops", usage.loops().stream().map(l -> l.type()).toList());
        return details;
    }

    private static Map<String, Object> describe(MeterUsage meter, UUID eventId) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("meterNumber", meter.meterNumber());
        row.put("periodStart", meter.periodStart().toString());
        row.put("periodEnd", meter.periodEnd().toString());
        row.put("readingQuality", meter.readingQuality());
        row.put("totalKwh", meter.totalKwh());
        if (meter.demandKw() != null) {
            row.put("demandKw", meter.demandKw());
        }
        if (meter.intervalStart() != null) {
            // the values themselves stay in the raw segments and the event
            row.put("intervalStart", meter.intervalStart().toString());
            row.put("intervalMinutes", meter.intervalMinutes());
            row.put("intervalCount", meter.intervalKwh().size());
        }
        row.put("eventId", eventId.toString());
        return row;
    }

    /** The same document (sender and BPT02) applied before. */
    private Optional<EdiTransaction> alreadyApplied(EdiTransaction inbound) {
        return EdiTransaction.<EdiTransaction> find("direction = ?1 and setId = '867' and senderId = ?2 "
                + "and bgnReference = ?3 and status = ?4 and id <> ?5", Direction.INBOUND, inbound.senderId,
                inbound.bgnReference, TransactionStatus.PROCESSED, inbound.id).firstResultOptional();
    }

    /** The usage document a cancel or replace restates, if we applied it. */
    private Optional<EdiTransaction> original(EdiTransaction inbound) {
        return EdiTransaction.<EdiTransaction> find("direction = ?1 and transactionSet = ?2 and esiId = ?3 "
                + "and bgnReference = ?4 and status = ?5", Direction.INBOUND, USAGE, inbound.esiId,
                inbound.originalReference, TransactionStatus.PROCESSED).firstResultOptional();
    }

    private void fail(EdiTransaction inbound, List<String> problems) {
        log.failForOperations(inbound, USAGE_INVALID, problems);
    }
}
