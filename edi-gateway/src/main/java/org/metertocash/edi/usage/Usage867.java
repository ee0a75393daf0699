package org.metertocash.edi.usage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.metertocash.x12.Segment;
import org.metertocash.x12.TransactionSet;

/**
 * An 867 as the Texas SET guides structure it, read from a syntactically valid transaction set: the BPT heading
 * (purpose, the document's reference, report type, final flag, the reference a cancel or replace restates), the
 * ESI ID (REF*Q5) and the PTD loops with their dates, references and quantities. Reading only: what the content
 * means is decided by {@link MeterReads}.
 */
public record Usage867(String purposeCode, String reference, String documentDate, String reportType,
        boolean finalRead, String originalReference, String esiId, List<Loop> loops) {

    /** BPT01 00 / 01 / 05. */
    public enum Purpose {
        ORIGINAL, CANCEL, REPLACE;

        static Optional<Purpose> of(String code) {
            return switch (code) {
                case "00" -> Optional.of(ORIGINAL);
                case "01" -> Optional.of(CANCEL);
                case "05" -> Optional.of(REPLACE);
                default -> Optional.empty();
            };
        }
    }

    /** One PTD loop: PTD01 its kind, its DTM and REF segments, and its QTY loops. */
    public record Loop(int number, String type, Segment ptd, List<Segment> dates, List<Segment> references,
            List<Quantity> quantities) {

        public Optional<Segment> date(String qualifier) {
            return dates.stream().filter(d -> d.element(1).equals(qualifier)).findFirst();
        }

        /** REF*MG, or PTD04 MG with the meter number in PTD05. */
        public Optional<String> meterNumber() {
            Optional<String> ref = references.stream().filter(r -> r.element(1).equals("MG"))
                    .map(r -> r.element(2)).filter(m -> !m.isBlank()).findFirst();
            if (ref.isPresent()) {
                return ref;
            }
            return ptd.element(4).equals("MG") && !ptd.element(5).isBlank() ? Optional.of(ptd.element(5))
                    : Optional.empty();
        }
    }

    /** One QTY loop: the quantity with its measurements (MEA) and dates (DTM). */
    public record Quantity(Segment qty, List<Segment> measurements, List<Segment> dates) {

        public String qualifier() {
            return qty.element(1);
        }

        public String value() {
            return qty.element(2);
        }

        /** QTY03 (C00101), KH when not given. */
        public String unit() {
            return qty.element(3).isBlank() ? "KH" : qty.element(3);
        }

        public Optional<Segment> date(String qualifier) {
            return dates.stream().filter(d -> d.element(1).equals(qualifier)).findFirst();
        }
    }

    public Optional<Purpose> purpose() {
        return Purpose.of(purposeCode);
    }

    public static Usage867 read(TransactionSet set) {
        Segment bpt = set.first("BPT").orElseThrow(() -> new IllegalArgumentException("an 867 without BPT"));
        Loops loops = new Loops();
        for (Segment segment : set.segments()) {
            loops.add(segment);
        }
        return new Usage867(bpt.element(1), bpt.element(2), bpt.element(3), bpt.element(4),
                "F".equals(bpt.element(7)), blankToNull(bpt.element(9)), set.ref("Q5").orElse(null),
                loops.close());
    }

    /** Groups the detail segments into PTD loops and their QTY loops (the heading is read through the set). */
    private static final class Loops {
        final List<Loop> loops = new ArrayList<>();
        Segment ptd;
        List<Segment> dates;
        List<Segment> references;
        List<Quantity> quantities;
        Segment qty;
        List<Segment> measurements;
        List<Segment> qtyDates;

        void add(Segment segment) {
            switch (segment.tag()) {
                case "PTD" -> {
                    closeLoop();
                    ptd = segment;
                    dates = new ArrayList<>();
                    references = new ArrayList<>();
                    quantities = new ArrayList<>();
                }
                case "QTY" -> {
                    if (ptd != null) {
                        closeQuantity();
                        qty = segment;
                        measurements = new ArrayList<>();
                        qtyDates = new ArrayList<>();
                    }
                }
                case "MEA" -> {
                    if (qty != null) {
                        measurements.add(segment);
                    }
                }
                case "DTM" -> {
                    if (qty != null) {
                        qtyDates.add(segment);
                    } else if (ptd != null) {
                        dates.add(segment);
                    }
                }
                case "REF" -> {
                    if (ptd != null && qty == null) {
                        references.add(segment);
                    }
                }
                case "SE" -> closeLoop();
                default -> {
                    // heading segments
                }
            }
        }

        private void closeQuantity() {
            if (qty != null) {
                quantities.add(new Quantity(qty, List.copyOf(measurements), List.copyOf(qtyDates)));
                qty = null;
            }
        }

        private void closeLoop() {
            closeQuantity();
            if (ptd != null) {
                loops.add(new Loop(loops.size() + 1, ptd.element(1), ptd, List.copyOf(dates),
                        List.copyOf(references), List.copyOf(quantities)));
                ptd = null;
            }
        }

        List<Loop> close() {
            closeLoop();
            return List.copyOf(loops);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
