package org.metertocash.edi.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.metertocash.contracts.edi.TdspInvoiceReceived;
import org.metertocash.x12.Segment;
import org.metertocash.x12.TransactionSet;

/**
 * An 810_02 as the Texas SET guide structures it, read from a syntactically valid transaction set, with the checks
 * that make it usable for billing's pass-through reconciliation.
 * <ul>
 * <li>BIG01 invoice date, BIG02 invoice number, BIG04 the invoice a cancel or replace restates, BIG08 the purpose
 * (00 original when absent, 01 cancel, 05 replace); REF*Q5 the premise; N1*8S N104 the TDSP (the interchange's
 * sender when absent); ITD06 the due date; DTM*150 / DTM*151 the service period.</li>
 * <li>Each SAC is a charge: SAC04 its code, SAC15 its description, SAC05 its amount (N2, two implied decimals);
 * an allowance (SAC01 A) is a credit, so its amount counts negative; SAC01 N lines carry no amount and are not
 * charges.</li>
 * <li>Nonsense: no service period or one ending before it starts, no charges, charges that do not add up to TDS01,
 * a cancel or replace without BIG04.</li>
 * </ul>
 */
public record Invoice810(LocalDate invoiceDate, String invoiceNumber, String originalInvoiceNumber,
        String purposeCode, String esiId, String tdspDuns, LocalDate dueDate, LocalDate periodStart,
        LocalDate periodEnd, List<TdspInvoiceReceived.Charge> charges, int informationalLines, BigDecimal total) {

    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    /** BIG08 as the event names it. */
    public Optional<String> purpose() {
        return switch (purposeCode) {
            case "", "00" -> Optional.of("ORIGINAL");
            case "01" -> Optional.of("CANCEL");
            case "05" -> Optional.of("REPLACE");
            default -> Optional.empty();
        };
    }

    public static Invoice810 read(TransactionSet set, String senderId) {
        Segment big = set.first("BIG").orElseThrow(() -> new IllegalArgumentException("an 810 without BIG"));
        String tdsp = set.all("N1").filter(n1 -> n1.element(1).equals("8S")).map(n1 -> n1.element(4))
                .filter(d -> !d.isBlank()).findFirst().orElse(senderId);
        LocalDate due = set.first("ITD").map(itd -> itd.element(6)).flatMap(Invoice810::date).orElse(null);
        List<TdspInvoiceReceived.Charge> charges = new ArrayList<>();
        int informational = 0;
        for (Segment sac : set.all("SAC").toList()) {
            String indicator = sac.element(1);
            if ("N".equals(indicator) || sac.element(5).isBlank()) {
                informational++;
                continue;
            }
            BigDecimal amount = cents(sac.element(5));
            if ("A".equals(indicator)) {
                amount = amount.abs().negate();
            }
            String code = sac.element(4).isBlank() ? sac.element(2) : sac.element(4);
            charges.add(new TdspInvoiceReceived.Charge(code, blankToNull(sac.element(15)), amount));
        }
        BigDecimal total = set.first("TDS").map(tds -> cents(tds.element(1))).orElse(null);
        return new Invoice810(date(big.element(1)).orElse(null), big.element(2), blankToNull(big.element(4)),
                big.element(8), set.ref("Q5").orElse(null), tdsp, due,
                set.dtm("150").flatMap(Invoice810::date).orElse(null),
                set.dtm("151").flatMap(Invoice810::date).orElse(null), List.copyOf(charges), informational, total);
    }

    /** What makes this invoice unusable, if anything. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        Optional<String> purpose = purpose();
        if (purpose.isEmpty()) {
            problems.add("BIG08 " + purposeCode + " is not 00 original, 01 cancel or 05 replace");
        } else if (!"ORIGINAL".equals(purpose.get()) && originalInvoiceNumber == null) {
            problems.add("a " + purpose.get().toLowerCase() + " must quote the invoice it restates in BIG04");
        }
        if (invoiceDate == null) {
            problems.add("BIG01 is not an invoice date");
        }
        if (periodStart == null || periodEnd == null) {
            problems.add("no service period (DTM*150 and DTM*151)");
        } else if (periodEnd.isBefore(periodStart)) {
            problems.add("the service period ends (DTM*151 " + periodEnd + ") before it starts (DTM*150 " + periodStart
                    + ")");
        }
        if (charges.isEmpty()) {
            problems.add("no charges (SAC with an amount)");
        } else if (total != null) {
            BigDecimal sum = charges.stream().map(TdspInvoiceReceived.Charge::amount).reduce(BigDecimal.ZERO,
                    BigDecimal::add);
            if (sum.compareTo(total) != 0) {
                problems.add("the charges add up to " + sum.toPlainString() + ", not to the total (TDS01) "
                        + total.toPlainString());
            }
        }
        return problems;
    }

    /** An N2 amount: two implied decimals. */
    static BigDecimal cents(String n2) {
        return new BigDecimal(n2).movePointLeft(2);
    }

    private static Optional<LocalDate> date(String value) {
        try {
            return Optional.of(LocalDate.parse(value, CCYYMMDD));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
