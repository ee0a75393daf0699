package org.metertocash.testkit.market;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.metertocash.x12.OutboundInterchange;
import org.metertocash.x12.Segment;
import org.metertocash.x12.X12Schemas;
import org.metertocash.x12.X12Writer;

/**
 * Plays the wires utility (TDSP) for tests, the e2e suite, benchmarks and the local runner: writes the complete
 * interchanges a TDSP sends the retailer, validated against the x12-kit schemas as they are written.
 * <ul>
 * <li>867_03 usage ({@link #monthlyUsage}, {@link #intervalUsage}, {@link #usage}): BPT01 00 original, 01 cancel
 * or 05 replace quoting the original's BPT02 in BPT09 ({@link #cancel(Usage)}, {@link #replace(Usage, MeterUsage...)}),
 * BPT07 F on a final read; per meter a PL loop (monthly: total kWh, readings, kW demand) or a BO summary plus a PM
 * detail loop (interval: one QTY and DTM*582 interval end per interval), QTY01 QD actual or KA estimated;</li>
 * <li>867_04 initial meter read confirming the retailer's service start ({@link #initialRead});</li>
 * <li>810_02 invoices for delivery charges ({@link #invoice}, {@link #cancel(Invoice)},
 * {@link #replace(Invoice, Charge...)}): SAC charges (C) and credits (A), TDS total, ITD due date;</li>
 * <li>a large deterministic interval usage file for benchmarks ({@link #intervalUsageFile(int, int)}).</li>
 * </ul>
 * Interval data is in the market's local prevailing time (America/Chicago): DTM*582 carries the interval's end
 * with time code CS or CD, and a period's intervals cover its start date 00:00 to its end date 00:00.
 */
public final class TdspFiles {

    /** Oncor's DUNS, the TDSP of ESI IDs starting 1044372. */
    public static final String ONCOR_DUNS = "1039940674000";
    public static final String ONCOR_NAME = "ONCOR ELECTRIC DELIVERY";
    /** The retailer's DUNS the gateway runs with by default ({@code edi.self.duns}). */
    public static final String RETAILER_DUNS = "148862012";
    public static final String RETAILER_NAME = "METER TO CASH ENERGY";
    /** BPT04 of monthly usage. */
    public static final String MONTHLY_REPORT_TYPE = "DD";
    /** BPT04 of interval usage. */
    public static final String INTERVAL_REPORT_TYPE = "C1";
    /** BPT04 of an 867_04 initial meter read, as the gateway's default configuration recognises it. */
    public static final String INITIAL_READ_REPORT_TYPE = "IR";
    public static final ZoneId MARKET_ZONE = ZoneId.of("America/Chicago");

    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final ZoneRules MARKET_RULES = MARKET_ZONE.getRules();
    private static final X12Schemas SCHEMAS = new X12Schemas();

    private final X12Writer writer = new X12Writer(SCHEMAS);
    private final AtomicLong sequence = new AtomicLong(System.nanoTime() % 100_000_000L);
    private final String tdspDuns;
    private final String tdspName;
    private final String retailerDuns;

    /** Oncor writing to the retailer the gateway is by default. */
    public TdspFiles() {
        this(ONCOR_DUNS, ONCOR_NAME, RETAILER_DUNS);
    }

    public TdspFiles(String tdspDuns, String tdspName, String retailerDuns) {
        this.tdspDuns = tdspDuns;
        this.tdspName = tdspName;
        this.retailerDuns = retailerDuns;
    }

    public String tdspDuns() {
        return tdspDuns;
    }

    /** BPT01 / BIG08. */
    public enum Purpose {
        ORIGINAL("00"), CANCEL("01"), REPLACE("05");

        private final String code;

        Purpose(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /**
     * One meter's usage for one service period: monthly (a total, optionally readings and demand) or interval (kWh
     * per interval from {@code periodStart} 00:00 market time; the total is their sum unless set otherwise).
     */
    public record MeterUsage(String meterNumber, LocalDate periodStart, LocalDate periodEnd, BigDecimal totalKwh,
            BigDecimal demandKw, boolean estimated, BigDecimal beginReading, BigDecimal endReading,
            int intervalMinutes, List<BigDecimal> intervalKwh) {

        public MeterUsage {
            intervalKwh = intervalKwh == null ? List.of() : List.copyOf(intervalKwh);
        }

        public static MeterUsage monthly(String meterNumber, LocalDate periodStart, LocalDate periodEnd,
                BigDecimal totalKwh) {
            return new MeterUsage(meterNumber, periodStart, periodEnd, totalKwh, null, false, null, null, 0, List.of());
        }

        public static MeterUsage interval(String meterNumber, LocalDate periodStart, LocalDate periodEnd,
                int intervalMinutes, List<BigDecimal> intervalKwh) {
            BigDecimal total = intervalKwh.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            return new MeterUsage(meterNumber, periodStart, periodEnd, total, null, false, null, null,
                    intervalMinutes, intervalKwh);
        }

        public boolean isInterval() {
            return !intervalKwh.isEmpty();
        }

        /** Start of the first interval: the period's start date at 00:00 in the market zone. */
        public Instant intervalStart() {
            return periodStart.atStartOfDay(MARKET_ZONE).toInstant();
        }

        public MeterUsage withDemand(BigDecimal kw) {
            return new MeterUsage(meterNumber, periodStart, periodEnd, totalKwh, kw, estimated, beginReading,
                    endReading, intervalMinutes, intervalKwh);
        }

        public MeterUsage asEstimated() {
            return new MeterUsage(meterNumber, periodStart, periodEnd, totalKwh, demandKw, true, beginReading,
                    endReading, intervalMinutes, intervalKwh);
        }

        public MeterUsage withReadings(BigDecimal begin, BigDecimal end) {
            return new MeterUsage(meterNumber, periodStart, periodEnd, totalKwh, demandKw, estimated, begin, end,
                    intervalMinutes, intervalKwh);
        }

        /** The total stated in the summary loop, e.g. one that disagrees with the intervals. */
        public MeterUsage withTotal(BigDecimal kwh) {
            return new MeterUsage(meterNumber, periodStart, periodEnd, kwh, demandKw, estimated, beginReading,
                    endReading, intervalMinutes, intervalKwh);
        }
    }

    /**
     * One usage document for one premise: an 867_03 (report type DD or C1) or an 867_04 initial read (report type
     * {@value #INITIAL_READ_REPORT_TYPE}).
     */
    public record Usage(String esiId, String reference, LocalDate documentDate, Purpose purpose,
            String originalReference, boolean finalRead, String reportType, List<MeterUsage> meters) {

        public Usage {
            meters = List.copyOf(meters);
        }

        public Usage asFinal() {
            return new Usage(esiId, reference, documentDate, purpose, originalReference, true, reportType, meters);
        }

        public Usage withEsiId(String other) {
            return new Usage(other, reference, documentDate, purpose, originalReference, finalRead, reportType, meters);
        }
    }

    /** One SAC line: a charge (positive, SAC01 C) or a credit (negative, SAC01 A), in dollars. */
    public record Charge(String code, String description, BigDecimal amount) {
    }

    /** An 810_02 for one premise and service period; {@code total} is TDS01 (the sum of the charges unless set). */
    public record Invoice(String esiId, String invoiceNumber, LocalDate invoiceDate, Purpose purpose,
            String originalInvoiceNumber, LocalDate periodStart, LocalDate periodEnd, LocalDate dueDate,
            List<Charge> charges, BigDecimal total) {

        public Invoice {
            charges = List.copyOf(charges);
        }

        /** The same invoice stating another TDS01 total. */
        public Invoice withTotal(BigDecimal other) {
            return new Invoice(esiId, invoiceNumber, invoiceDate, purpose, originalInvoiceNumber, periodStart,
                    periodEnd, dueDate, charges, other);
        }
    }

    // ------------------------------------------------------------------------------------------------- 867

    /** An original 867_03 for one meter's monthly read (actual), dated today. */
    public Usage monthlyUsage(String esiId, String meterNumber, LocalDate periodStart, LocalDate periodEnd,
            BigDecimal kwh) {
        return usage(esiId, MeterUsage.monthly(meterNumber, periodStart, periodEnd, kwh));
    }

    /** An original 867_03 with one meter's 15-minute interval data over the period (a deterministic profile). */
    public Usage intervalUsage(String esiId, String meterNumber, LocalDate periodStart, LocalDate periodEnd) {
        return usage(esiId, MeterUsage.interval(meterNumber, periodStart, periodEnd, 15,
                intervalProfile(esiId + meterNumber, periodStart, periodEnd, 15)));
    }

    /** An original 867_03 with these meters' usage. */
    public Usage usage(String esiId, MeterUsage... meters) {
        boolean interval = List.of(meters).stream().anyMatch(MeterUsage::isInterval);
        return new Usage(esiId, nextReference("U"), LocalDate.now(MARKET_ZONE), Purpose.ORIGINAL, null, false,
                interval ? INTERVAL_REPORT_TYPE : MONTHLY_REPORT_TYPE, List.of(meters));
    }

    /** The cancel of a usage document: the same content, BPT01 01, BPT09 the original's BPT02. */
    public Usage cancel(Usage original) {
        return new Usage(original.esiId(), nextReference("U"), LocalDate.now(MARKET_ZONE), Purpose.CANCEL,
                original.reference(), original.finalRead(), original.reportType(), original.meters());
    }

    /** Restated usage: BPT01 05 with the new meters' usage, BPT09 the original's BPT02. */
    public Usage replace(Usage original, MeterUsage... meters) {
        return new Usage(original.esiId(), nextReference("U"), LocalDate.now(MARKET_ZONE), Purpose.REPLACE,
                original.reference(), original.finalRead(), original.reportType(), List.of(meters));
    }

    /** An 867_04: the TDSP read the meter on the first day of the retailer's service. */
    public Usage initialRead(String esiId, String meterNumber, LocalDate serviceStart, BigDecimal reading) {
        MeterUsage read = new MeterUsage(meterNumber, serviceStart, null, BigDecimal.ZERO, null, false, reading,
                reading, 0, List.of());
        return new Usage(esiId, nextReference("R"), LocalDate.now(MARKET_ZONE), Purpose.ORIGINAL, null, false,
                INITIAL_READ_REPORT_TYPE, List.of(read));
    }

    /** The segments between ST and SE of a usage document. */
    public List<Segment> body(Usage usage) {
        List<Segment> body = new ArrayList<>();
        body.add(seg("BPT", usage.purpose().code(), usage.reference(), usage.documentDate().format(CCYYMMDD),
                usage.reportType(), "", "", usage.finalRead() ? "F" : "", "",
                usage.originalReference() == null ? "" : usage.originalReference()));
        body.add(seg("REF", "Q5", usage.esiId()));
        body.add(seg("N1", "8S", tdspName, "1", tdspDuns));
        body.add(seg("N1", "SJ", RETAILER_NAME, "1", retailerDuns));
        if (INITIAL_READ_REPORT_TYPE.equals(usage.reportType())) {
            for (MeterUsage read : usage.meters()) {
                body.add(seg("PTD", "PL"));
                body.add(seg("DTM", "150", read.periodStart().format(CCYYMMDD)));
                body.add(seg("REF", "MG", read.meterNumber()));
                body.add(seg("QTY", "QD", "0", "KH"));
                body.add(seg("MEA", "AA", "PRQ", "0", "KH", plain(read.beginReading()), plain(read.endReading()),
                        "51"));
            }
            return body;
        }
        List<MeterUsage> meters = usage.meters();
        boolean onePeriod = !meters.isEmpty() && meters.stream().allMatch(m -> Objects.equals(m.periodStart(), meters.get(0).periodStart())
                && Objects.equals(m.periodEnd(), meters.get(0).periodEnd()));
        if (onePeriod) {
            body.add(seg("PTD", "SU"));
            period(body, meters.get(0));
            body.add(seg("QTY", meters.stream().anyMatch(MeterUsage::estimated) ? "KA" : "QD",
                    plain(meters.stream().map(MeterUsage::totalKwh).reduce(BigDecimal.ZERO, BigDecimal::add)), "KH"));
        }
        for (MeterUsage meter : meters) {
            String qualifier = meter.estimated() ? "KA" : "QD";
            body.add(seg("PTD", meter.isInterval() ? "BO" : "PL"));
            period(body, meter);
            body.add(seg("REF", "MG", meter.meterNumber()));
            body.add(seg("QTY", qualifier, plain(meter.totalKwh()), "KH"));
            if (meter.beginReading() != null && meter.endReading() != null) {
                body.add(seg("MEA", meter.estimated() ? "AE" : "AA", "PRQ", plain(meter.totalKwh()), "KH",
                        plain(meter.beginReading()), plain(meter.endReading()), "51"));
            }
            if (meter.demandKw() != null) {
                body.add(seg("QTY", qualifier, plain(meter.demandKw()), "K1"));
            }
            if (meter.isInterval()) {
                body.add(seg("PTD", "PM", "", "", "MG", meter.meterNumber()));
                period(body, meter);
                body.add(seg("REF", "MG", meter.meterNumber()));
                long end = meter.intervalStart().getEpochSecond();
                long step = meter.intervalMinutes() * 60L;
                LocalDate day = null;
                String dayText = null;
                for (BigDecimal kwh : meter.intervalKwh()) {
                    end += step;
                    // millions of intervals in a benchmark file: offsets and text without formatter objects
                    ZoneOffset offset = MARKET_RULES.getOffset(Instant.ofEpochSecond(end));
                    LocalDateTime local = LocalDateTime.ofEpochSecond(end, 0, offset);
                    if (!local.toLocalDate().equals(day)) {
                        day = local.toLocalDate();
                        dayText = day.format(CCYYMMDD);
                    }
                    body.add(seg("QTY", qualifier, plain(kwh), "KH"));
                    body.add(seg("DTM", "582", dayText, hhmm(local.getHour(), local.getMinute()),
                            offset.getTotalSeconds() == -5 * 3600 ? "CD" : "CS"));
                }
            }
        }
        return body;
    }

    private static void period(List<Segment> body, MeterUsage meter) {
        body.add(seg("DTM", "150", meter.periodStart().format(CCYYMMDD)));
        if (meter.periodEnd() != null) {
            body.add(seg("DTM", "151", meter.periodEnd().format(CCYYMMDD)));
        }
    }

    private static String hhmm(int hour, int minute) {
        return new String(new char[] { (char) ('0' + hour / 10), (char) ('0' + hour % 10), (char) ('0' + minute / 10),
                (char) ('0' + minute % 10) });
    }

    /** One interchange from the TDSP carrying these usage documents, one 867 transaction each. */
    public byte[] file(Usage... documents) {
        return file(List.of(documents));
    }

    public byte[] file(List<Usage> documents) {
        List<OutboundInterchange.Transaction> transactions = new ArrayList<>();
        for (Usage usage : documents) {
            transactions.add(new OutboundInterchange.Transaction("867",
                    String.format("%04d", transactions.size() + 1), body(usage)));
        }
        return interchange("PT", transactions, LocalDateTime.now(MARKET_ZONE), sequence.incrementAndGet());
    }

    // ------------------------------------------------------------------------------------------------- 810

    /** An original 810_02 for the period's delivery charges, dated today, due in 35 days. */
    public Invoice invoice(String esiId, LocalDate periodStart, LocalDate periodEnd, Charge... charges) {
        LocalDate today = LocalDate.now(MARKET_ZONE);
        return new Invoice(esiId, nextReference("I"), today, Purpose.ORIGINAL, null, periodStart, periodEnd,
                today.plusDays(35), List.of(charges), sum(List.of(charges)));
    }

    /** The cancel of an invoice: its charges again, BIG08 01, BIG04 the original's number. */
    public Invoice cancel(Invoice original) {
        LocalDate today = LocalDate.now(MARKET_ZONE);
        return new Invoice(original.esiId(), nextReference("I"), today, Purpose.CANCEL, original.invoiceNumber(),
                original.periodStart(), original.periodEnd(), original.dueDate(), original.charges(),
                original.total());
    }

    /** A replacement invoice: BIG08 05 with new charges, BIG04 the original's number. */
    public Invoice replace(Invoice original, Charge... charges) {
        LocalDate today = LocalDate.now(MARKET_ZONE);
        return new Invoice(original.esiId(), nextReference("I"), today, Purpose.REPLACE, original.invoiceNumber(),
                original.periodStart(), original.periodEnd(), today.plusDays(35), List.of(charges),
                sum(List.of(charges)));
    }

    /** The segments between ST and SE of an invoice. */
    public List<Segment> body(Invoice invoice) {
        List<Segment> body = new ArrayList<>();
        body.add(seg("BIG", invoice.invoiceDate().format(CCYYMMDD), invoice.invoiceNumber(), "",
                invoice.originalInvoiceNumber() == null ? "" : invoice.originalInvoiceNumber(), "", "", "",
                invoice.purpose().code()));
        body.add(seg("REF", "Q5", invoice.esiId()));
        body.add(seg("N1", "8S", tdspName, "1", tdspDuns));
        body.add(seg("N1", "SJ", RETAILER_NAME, "1", retailerDuns));
        if (invoice.dueDate() != null) {
            body.add(seg("ITD", "01", "3", "", "", "", invoice.dueDate().format(CCYYMMDD)));
        }
        body.add(seg("DTM", "150", invoice.periodStart().format(CCYYMMDD)));
        body.add(seg("DTM", "151", invoice.periodEnd().format(CCYYMMDD)));
        body.add(seg("IT1", "1", "", "", "", "", "SV", "EL"));
        for (Charge charge : invoice.charges()) {
            boolean credit = charge.amount().signum() < 0;
            body.add(seg("SAC", credit ? "A" : "C", "", "EU", charge.code(), cents(charge.amount().abs()), "", "", "",
                    "", "", "", "", "", "", charge.description()));
        }
        body.add(seg("TDS", cents(invoice.total())));
        return body;
    }

    /** One interchange from the TDSP carrying these invoices, one 810 transaction each. */
    public byte[] file(Invoice... invoices) {
        List<OutboundInterchange.Transaction> transactions = new ArrayList<>();
        for (Invoice invoice : invoices) {
            transactions.add(new OutboundInterchange.Transaction("810",
                    String.format("%04d", transactions.size() + 1), body(invoice)));
        }
        return interchange("IN", transactions, LocalDateTime.now(MARKET_ZONE), sequence.incrementAndGet());
    }

    // ------------------------------------------------------------------------------------------------- benchmark

    /** ESI ID of the benchmark file's premise {@code index}: an Oncor ESI ID in a range the tests do not use. */
    public static String benchmarkEsiId(int index) {
        return String.format("10443728%09d", index);
    }

    /**
     * A large interval usage file: {@code meters} premises with one 15-minute meter each, {@code days} days from
     * 2026-06-01 (96 intervals a day), 50 transactions per interchange. Deterministic: the same arguments give the
     * same bytes. The premises are {@link #benchmarkEsiId(int)} 0 .. meters-1.
     */
    public static byte[] intervalUsageFile(int meters, int days) {
        return intervalUsageFile(meters, days, LocalDate.of(2026, 6, 1), 50, 100_000_000L);
    }

    /**
     * A large interval usage file for premises {@link #benchmarkEsiId(int)} 0 .. meters-1, from {@code firstDay}
     * for {@code days} days, {@code transactionsPerInterchange} premises per interchange, interchanges numbered from
     * {@code firstControlNumber} (a second file for the same gateway needs other control numbers, or it is a
     * duplicate). Deterministic.
     */
    public static byte[] intervalUsageFile(int meters, int days, LocalDate firstDay, int transactionsPerInterchange,
            long firstControlNumber) {
        List<String> esiIds = new ArrayList<>();
        for (int i = 0; i < meters; i++) {
            esiIds.add(benchmarkEsiId(i));
        }
        return intervalUsageFile(esiIds, days, firstDay, transactionsPerInterchange, firstControlNumber);
    }

    /** As {@link #intervalUsageFile(int, int, LocalDate, int, long)}, for the given premises (one meter each). */
    public static byte[] intervalUsageFile(List<String> esiIds, int days, LocalDate firstDay,
            int transactionsPerInterchange, long firstControlNumber) {
        if (days < 1 || transactionsPerInterchange < 1) {
            throw new IllegalArgumentException("days and transactions per interchange must be at least 1");
        }
        TdspFiles tdsp = new TdspFiles();
        LocalDate periodEnd = firstDay.plusDays(days);
        LocalDate documentDate = periodEnd.plusDays(2);
        LocalDateTime preparedAt = documentDate.atTime(6, 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long control = firstControlNumber;
        for (int from = 0; from < esiIds.size(); from += transactionsPerInterchange) {
            List<OutboundInterchange.Transaction> transactions = new ArrayList<>();
            for (int i = from; i < Math.min(esiIds.size(), from + transactionsPerInterchange); i++) {
                String esiId = esiIds.get(i);
                String meter = String.format("BM%08d", i);
                MeterUsage usage = MeterUsage.interval(meter, firstDay, periodEnd, 15,
                        intervalProfile(esiId, firstDay, periodEnd, 15));
                Usage document = new Usage(esiId, String.format("B%09d%06d", control % 1_000_000_000L, i),
                        documentDate, Purpose.ORIGINAL, null, false, INTERVAL_REPORT_TYPE, List.of(usage));
                transactions.add(new OutboundInterchange.Transaction("867",
                        String.format("%04d", transactions.size() + 1), tdsp.body(document)));
            }
            out.writeBytes(tdsp.interchange("PT", transactions, preparedAt, control++));
        }
        return out.toByteArray();
    }

    /**
     * A household's kWh per interval from {@code start} 00:00 to {@code end} 00:00 market time (DST days have 92
     * or 100 quarter hours): low at night, a morning bump, an afternoon peak, with noise seeded by {@code seed}.
     * Three decimals; deterministic.
     */
    public static List<BigDecimal> intervalProfile(String seed, LocalDate start, LocalDate end, int intervalMinutes) {
        Instant from = start.atStartOfDay(MARKET_ZONE).toInstant();
        long count = Duration.between(from, end.atStartOfDay(MARKET_ZONE).toInstant()).toMinutes() / intervalMinutes;
        SplittableRandom random = new SplittableRandom(seed.hashCode());
        double scale = intervalMinutes / 15.0;
        List<BigDecimal> values = new ArrayList<>((int) count);
        long at = from.getEpochSecond();
        for (long i = 0; i < count; i++) {
            long local = at + MARKET_RULES.getOffset(Instant.ofEpochSecond(at)).getTotalSeconds();
            double hour = Math.floorMod(local, 86_400L) / 3600.0;
            double shape = 0.12 + 0.10 * Math.exp(-Math.pow(hour - 7.5, 2) / 2)
                    + 0.45 * Math.exp(-Math.pow(hour - 17.0, 2) / 8);
            double kwh = scale * shape * (0.8 + 0.4 * random.nextDouble());
            values.add(BigDecimal.valueOf(kwh).setScale(3, RoundingMode.HALF_UP));
            at += intervalMinutes * 60L;
        }
        return values;
    }

    // ------------------------------------------------------------------------------------------------- envelope

    private byte[] interchange(String functionalId, List<OutboundInterchange.Transaction> transactions,
            LocalDateTime preparedAt, long control) {
        String isa13 = String.format("%09d", control % 1_000_000_000L);
        return writer.write(new OutboundInterchange("01", tdspDuns, "01", retailerDuns, preparedAt, isa13, "T",
                List.of(new OutboundInterchange.Group(functionalId, tdspDuns, retailerDuns,
                        Long.toString(control % 1_000_000_000L), transactions))));
    }

    private String nextReference(String prefix) {
        return prefix + LocalDate.now(MARKET_ZONE).format(CCYYMMDD) + String.format("%09d", sequence.incrementAndGet()
                % 1_000_000_000L);
    }

    private static BigDecimal sum(List<Charge> charges) {
        return charges.stream().map(Charge::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String cents(BigDecimal dollars) {
        return dollars.movePointRight(2).setScale(0, RoundingMode.HALF_UP).toPlainString();
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    private static Segment seg(String tag, String... elements) {
        return new Segment(tag, List.of(elements), 0);
    }
}
