package org.metertocash.edi.remittance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.metertocash.contracts.edi.RemittanceReceived.RemittanceLine;
import org.metertocash.x12.Segment;
import org.metertocash.x12.TransactionSet;

/**
 * Reads an 820 remittance advice (schema: x12-kit's {@code x12/004010/820.xml}) into what it says: BPR02 the amount
 * paid, BPR16 the payment date, TRN02 the trace number, N1*PR and N1*PE the payer and payee (their N104
 * identifiers), and one line per RMR: RMR02 the invoice, RMR04 the amount paid against it, and the REF*Q5 of the
 * RMR loop, if any, its premise. Amounts are BigDecimal as written, never floating point.
 */
public final class Remittance820 {

    static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");

    /** A remittance as read; its lines need not add up to the total (see {@link #balanced()}). */
    public record Remittance(String payerId, String payeeId, String traceNumber, LocalDate paymentDate,
            BigDecimal totalAmount, List<RemittanceLine> lines) {

        public BigDecimal linesTotal() {
            return lines.stream().map(RemittanceLine::amountPaid).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** The amounts paid on the lines add up to the payment (BPR02), whatever their scale (10.5 = 10.50). */
        public boolean balanced() {
            return linesTotal().compareTo(totalAmount) == 0;
        }

        /** The record key: the premise when every line is for the same one, otherwise the payee. */
        public String subjectKey() {
            List<String> premises = lines.stream().map(RemittanceLine::esiId).distinct().toList();
            return premises.size() == 1 && premises.get(0) != null ? premises.get(0) : payeeId;
        }
    }

    /** The remittance, or why the transaction cannot be read as one. */
    public record Reading(Remittance remittance, String problem) {

        static Reading problem(String problem) {
            return new Reading(null, problem);
        }
    }

    public static Reading read(TransactionSet set) {
        Optional<Segment> bpr = set.first("BPR");
        if (bpr.isEmpty()) {
            return Reading.problem("BPR (the payment) is missing");
        }
        BigDecimal total = amount(bpr.get().element(2));
        if (total == null) {
            return Reading.problem("BPR02 " + bpr.get().element(2) + " is not an amount");
        }
        LocalDate paymentDate;
        try {
            paymentDate = LocalDate.parse(bpr.get().element(16), CCYYMMDD);
        } catch (DateTimeParseException e) {
            return Reading.problem("BPR16 (the payment date) " + bpr.get().element(16) + " is not a date");
        }
        String trace = set.first("TRN").map(t -> t.element(2)).orElse("");
        if (trace.isBlank()) {
            return Reading.problem("TRN02 (the trace number) is missing");
        }
        String payer = party(set, "PR");
        String payee = party(set, "PE");
        if (payer == null || payee == null) {
            return Reading.problem("the payer (N1*PR) and the payee (N1*PE) must both be named");
        }
        List<RemittanceLine> lines = new ArrayList<>();
        // Flat segments in order: a REF*Q5 after an RMR and before the next RMR or ENT belongs to that RMR's loop.
        String invoice = null;
        BigDecimal paid = null;
        String esiId = null;
        for (Segment segment : set.segments()) {
            switch (segment.tag()) {
                case "RMR" -> {
                    if (invoice != null) {
                        lines.add(new RemittanceLine(invoice, esiId, paid));
                    }
                    invoice = segment.element(2);
                    paid = amount(segment.element(4));
                    esiId = null;
                    if (paid == null) {
                        return Reading.problem("RMR04 of invoice " + invoice + " (" + segment.element(4)
                                + ") is not an amount");
                    }
                }
                case "REF" -> {
                    if (invoice != null && segment.element(1).equals("Q5") && esiId == null) {
                        esiId = segment.element(2).isBlank() ? null : segment.element(2);
                    }
                }
                case "ENT", "SE" -> {
                    if (invoice != null) {
                        lines.add(new RemittanceLine(invoice, esiId, paid));
                    }
                    invoice = null;
                    paid = null;
                    esiId = null;
                }
                default -> {
                    // DTM and the rest: nothing the event carries
                }
            }
        }
        if (invoice != null) {
            lines.add(new RemittanceLine(invoice, esiId, paid));
        }
        if (lines.isEmpty()) {
            return Reading.problem("no remittance lines (RMR)");
        }
        return new Reading(new Remittance(payer, payee, trace, paymentDate, total, List.copyOf(lines)), null);
    }

    /** N104 of the party's N1 (its DUNS), else its name N102. */
    private static String party(TransactionSet set, String entity) {
        return set.all("N1").filter(n1 -> n1.element(1).equals(entity))
                .map(n1 -> !n1.element(4).isBlank() ? n1.element(4) : n1.element(2)).filter(id -> !id.isBlank())
                .findFirst().orElse(null);
    }

    private static BigDecimal amount(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Remittance820() {
    }
}
