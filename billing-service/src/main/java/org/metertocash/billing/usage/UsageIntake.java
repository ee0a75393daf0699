package org.metertocash.billing.usage;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.metertocash.contracts.edi.UsageReported;
import org.metertocash.platform.events.ConsumedEvent;
import org.metertocash.platform.workqueue.WorkQueue;

/**
 * Turns the wires utility's usage into meter reads. Restated usage never edits a read: a cancel (BPT01 01) marks
 * the read it names CANCELLED; a replacement (BPT01 05) is a new ACTIVE read and marks the one it names REPLACED.
 * Restatements may arrive before what they restate (files are not ordered across days): an original whose cancel
 * or replacement is already here is stored already restated. An original for a period an active read of the same
 * meter already covers is held as OVERLAPPING with a work item — usage is never billed twice. A read restated after it
 * was stored is announced as a {@link Restated} CDI event in the same transaction, so that its bills are cancelled (and
 * rebilled) together with the restatement.
 */
@ApplicationScoped
public class UsageIntake {

    public static final String USAGE_OVERLAP = "USAGE_OVERLAP";

    /**
     * A stored read was restated: {@code readId} is now CANCELLED or REPLACED ({@code status}) by read {@code byReadId}
     * (the CANCEL row, or the replacing ACTIVE read), from usage event {@code eventId}. Fired synchronously inside the
     * transaction that records the restatement.
     */
    public record Restated(UUID readId, MeterRead.Status status, UUID byReadId, UUID eventId) {
    }

    @Inject
    Event<Restated> restatements;

    @Inject
    Clock clock;

    @Inject
    WorkQueue workQueue;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UsageReported usage, ConsumedEvent envelope) {
        MeterRead.Purpose purpose = MeterRead.Purpose.valueOf(usage.purpose());
        if (MeterRead.count("esiId = ?1 and meterNumber = ?2 and documentReference = ?3 and purpose = ?4",
                usage.esiId(), usage.meterNumber(), usage.bgnReference(), purpose) > 0) {
            return; // the same usage document announced again
        }
        MeterRead read = read(usage, purpose, envelope.id());
        switch (purpose) {
            case ORIGINAL -> {
                Optional<MeterRead> restatedBy = restatementOf(usage.esiId(), usage.meterNumber(),
                        usage.bgnReference());
                if (restatedBy.isPresent()) {
                    read.status = restatedBy.get().purpose == MeterRead.Purpose.CANCEL ? MeterRead.Status.CANCELLED
                            : MeterRead.Status.REPLACED;
                    read.supersededBy = restatedBy.get().id;
                } else if (overlapping(read).isPresent()) {
                    read.status = MeterRead.Status.OVERLAPPING;
                    MeterRead covering = overlapping(read).get();
                    workQueue.raise(USAGE_OVERLAP, usage.esiId(), read.id.toString(),
                            "Usage " + usage.bgnReference() + " for meter " + usage.meterNumber() + " ("
                                    + usage.periodStart() + " – " + usage.periodEnd() + ") overlaps active read "
                                    + covering.documentReference + " (" + covering.periodStart + " – "
                                    + covering.periodEnd + "); it is held, not billed",
                            Map.of("meterRead", read.id.toString(), "covering", covering.id.toString()));
                } else {
                    read.status = MeterRead.Status.ACTIVE;
                }
            }
            case CANCEL -> {
                read.status = MeterRead.Status.CANCEL;
                restated(usage, read.id).ifPresent(original -> original.status = MeterRead.Status.CANCELLED);
            }
            case REPLACE -> {
                read.status = MeterRead.Status.ACTIVE;
                restated(usage, read.id).ifPresent(original -> original.status = MeterRead.Status.REPLACED);
            }
        }
        read.persist();
        if (purpose != MeterRead.Purpose.ORIGINAL) {
            MeterRead.<MeterRead> list("supersededBy", read.id).forEach(original -> restatements
                    .fire(new Restated(original.id, original.status, read.id, envelope.id())));
        }
    }

    private MeterRead read(UsageReported usage, MeterRead.Purpose purpose, UUID eventId) {
        MeterRead read = new MeterRead();
        read.id = UUID.randomUUID();
        read.esiId = usage.esiId();
        read.meterNumber = usage.meterNumber();
        read.documentReference = usage.bgnReference();
        read.originalReference = usage.originalReference();
        read.purpose = purpose;
        read.periodStart = usage.periodStart();
        read.periodEnd = usage.periodEnd();
        read.readingQuality = usage.readingQuality();
        read.finalRead = usage.finalRead();
        read.totalKwh = usage.totalKwh();
        read.demandKw = usage.demandKw();
        read.intervalStart = usage.intervalStart();
        read.intervalMinutes = usage.intervalMinutes();
        List<BigDecimal> intervals = usage.intervalKwh() == null ? List.of() : usage.intervalKwh();
        read.intervalKwh = intervals.isEmpty() ? null : intervals;
        read.intervalCount = intervals.size();
        read.ediTransactionId = usage.ediTransactionId();
        read.eventId = eventId;
        read.receivedAt = clock.instant();
        return read;
    }

    /** The read a cancel or replacement names (BPT06), marked superseded by it. */
    private static Optional<MeterRead> restated(UsageReported usage, UUID by) {
        if (usage.originalReference() == null) {
            return Optional.empty();
        }
        Optional<MeterRead> original = MeterRead.<MeterRead> find(
                "esiId = ?1 and meterNumber = ?2 and documentReference = ?3 and status in ?4", usage.esiId(),
                usage.meterNumber(), usage.originalReference(),
                List.of(MeterRead.Status.ACTIVE, MeterRead.Status.OVERLAPPING)).firstResultOptional();
        original.ifPresent(read -> read.supersededBy = by);
        return original;
    }

    private static Optional<MeterRead> restatementOf(String esiId, String meter, String documentReference) {
        return MeterRead.<MeterRead> find("esiId = ?1 and meterNumber = ?2 and originalReference = ?3 and purpose in ?4",
                esiId, meter, documentReference, List.of(MeterRead.Purpose.CANCEL, MeterRead.Purpose.REPLACE))
                .firstResultOptional();
    }

    /** An active read of the same meter whose period overlaps (consecutive periods share their boundary day). */
    private static Optional<MeterRead> overlapping(MeterRead read) {
        return MeterRead.<MeterRead> find("esiId = ?1 and meterNumber = ?2 and status = ?3 and periodStart < ?4 "
                + "and periodEnd > ?5", read.esiId, read.meterNumber, MeterRead.Status.ACTIVE, read.periodEnd,
                read.periodStart).firstResultOptional();
    }
}
