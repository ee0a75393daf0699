package org.metertocash.contracts.edi;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.metertocash.contracts.DomainEvent;
import org.metertocash.contracts.EventType;
import org.metertocash.contracts.Topics;

/** An 867_03: one meter's usage for one service period (one event per meter per period, however many intervals). Interval data travels compactly: the first interval's start, the interval length and the kWh values in order. */
@EventType(value = UsageReported.TYPE, topic = Topics.EDI)
public record UsageReported(
        String esiId,
        String meterNumber,
        String purpose,
        String bgnReference,
        String originalReference,
        LocalDate periodStart,
        LocalDate periodEnd,
        String readingQuality,
        boolean finalRead,
        BigDecimal totalKwh,
        BigDecimal demandKw,
        Instant intervalStart,
        Integer intervalMinutes,
        List<BigDecimal> intervalKwh,
        UUID ediTransactionId) implements DomainEvent {

    public static final String TYPE = "edi.usage-reported.v1";

    @Override
    public String subject() {
        return esiId;
    }
}
