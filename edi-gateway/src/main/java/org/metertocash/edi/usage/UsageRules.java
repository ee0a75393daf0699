package org.metertocash.edi.usage;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How the gateway reads the wires utility's 867s, as data: which codes mean what where the Texas SET guides leave it
 * to the trading partners or where a market differs. Every value has a documented default; override with
 * {@code edi.tdsp-usage.*} properties.
 */
@ConfigMapping(prefix = "edi.tdsp-usage")
public interface UsageRules {

    /**
     * BPT04 report types that make an 867 an 867_04 initial meter read (the TDSP confirming our service start)
     * rather than 867_03 usage. Default {@code IR}: a platform convention, set it to the code your TDSPs send.
     */
    @WithDefault("IR")
    Set<String> initialReadReportTypes();

    /** PTD01 of a meter's non-interval usage (monthly total, readings, demand). Default {@code PL}. */
    @WithDefault("PL")
    Set<String> meterLoops();

    /** PTD01 of an interval meter's summary for the period (total kWh, demand). Default {@code BO}. */
    @WithDefault("BO")
    Set<String> intervalSummaryLoops();

    /** PTD01 of an interval meter's detail: one QTY and DTM*582 (interval end) per interval. Default {@code PM}. */
    @WithDefault("PM")
    Set<String> intervalDetailLoops();

    /** QTY01 qualifiers of an estimated quantity. Default {@code KA} (QD is an actual quantity delivered). */
    @WithDefault("KA")
    Set<String> estimatedQuantityQualifiers();

    /** MEA01 codes of a reading pair with an estimated reading. Default {@code AE, EA, EE}. */
    @WithDefault("AE,EA,EE")
    Set<String> estimatedReadingCodes();

    /** The zone of dates and of interval times without a time code (DTM04). Default America/Chicago (ERCOT). */
    @WithDefault("America/Chicago")
    ZoneId marketZone();

    /** How far (kWh) an interval meter's stated total may differ from the sum of its intervals. Default 0.01. */
    @WithDefault("0.01")
    BigDecimal intervalTotalTolerance();
}
