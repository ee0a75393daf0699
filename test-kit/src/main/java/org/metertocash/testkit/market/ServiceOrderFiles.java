package org.metertocash.testkit.market;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import org.metertocash.x12.Interchange;
import org.metertocash.x12.OutboundInterchange;
import org.metertocash.x12.ParsedFile;
import org.metertocash.x12.Segment;
import org.metertocash.x12.TransactionSet;
import org.metertocash.x12.X12Reader;
import org.metertocash.x12.X12Schemas;
import org.metertocash.x12.X12Writer;

/**
 * Plays the wires utility (TDSP) for service orders and remittances, in tests, the e2e suite and the local runner:
 * reads one of our outbound 650_01 files (a disconnect or reconnect for non-pay) and answers it as the TDSP does —
 * a 650_02 completion (DTM*198, the date the work was done) or rejection (REF*7G, e.g. WTM weather moratorium) —
 * quoting our BGN02 in BGN06, as a complete interchange from the TDSP to us; and writes an 820 remittance advice
 * (BPR payment, TRN trace number, N1 payer and payee, one RMR line per invoice with its premise in REF*Q5).
 * Our 650_01 cancels (BGN*01 quoting the order's BGN02 in BGN06) are read with {@link #readCancel(byte[])}; the TDSP
 * answers one like an order ({@link #complete}, {@link #reject}), quoting the cancel's BGN02.
 */
public final class ServiceOrderFiles {

    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final X12Schemas schemas = new X12Schemas();
    private final X12Reader reader = new X12Reader(schemas);
    private final X12Writer writer = new X12Writer(schemas);
    private final AtomicLong controlNumbers = new AtomicLong(System.nanoTime() % 100_000_000L);

    /**
     * What the TDSP needs to know about one of our service orders.
     *
     * @param purposeCode REF*5H: DC001 disconnect for non-pay, RC001 reconnect
     */
    public record Order(String ourDuns, String tdspDuns, String bgnReference, String esiId, String purposeCode,
            LocalDate requestedDate) {
    }

    /**
     * One of our 650_01 cancels as the TDSP reads it.
     *
     * @param bgnReference      BGN02: the cancel's own reference
     * @param orderReference    BGN06: the BGN02 of the order it withdraws
     * @param purposeCode       REF*5H: the purpose of the order withdrawn (DC001)
     * @param accountNumber     REF*11, or null
     * @param transactionSet    the whole transaction, for checks on its errors and segments
     */
    public record Cancel(String ourDuns, String tdspDuns, String bgnReference, String orderReference, String esiId,
            String purposeCode, String accountNumber, LocalDate date, TransactionSet transactionSet) {
    }

    /** One line of a remittance: the invoice paid, its premise (null when not given) and the amount paid. */
    public record RemittanceLine(String invoiceNumber, String esiId, BigDecimal amountPaid) {
    }

    /** Reads our outbound 650_01 (the first transaction of the file). */
    public Order readOrder(byte[] file) {
        ParsedFile parsed = reader.read(file);
        if (!parsed.readable() || parsed.interchanges().isEmpty()) {
            throw new IllegalArgumentException("not a readable 650: " + parsed.fatalError());
        }
        Interchange interchange = parsed.interchanges().get(0);
        TransactionSet order = interchange.groups().get(0).transactions().get(0);
        if (!"650".equals(order.type())) {
            throw new IllegalArgumentException("not a 650 but a " + order.type());
        }
        String tdspDuns = order.all("N1").filter(n1 -> n1.element(1).equals("8S")).map(n1 -> n1.element(4))
                .findFirst().orElse(interchange.receiverId());
        LocalDate requested = order.dtm("002").map(d -> LocalDate.parse(d, CCYYMMDD)).orElse(null);
        return new Order(interchange.senderId(), tdspDuns, order.first("BGN").orElseThrow().element(2),
                order.ref("Q5").orElseThrow(), order.ref("5H").orElse(""), requested);
    }

    /** Whether the file's first transaction is a 650 cancellation (BGN01 = 01). */
    public boolean isCancel(byte[] file) {
        ParsedFile parsed = reader.read(file);
        if (!parsed.readable() || parsed.interchanges().isEmpty()) {
            return false;
        }
        TransactionSet set = parsed.interchanges().get(0).groups().get(0).transactions().get(0);
        return "650".equals(set.type()) && set.first("BGN").map(b -> b.element(1)).orElse("").equals("01");
    }

    /** Reads our outbound 650_01 cancel (the first transaction of the file); refuses a 650 that is not a cancel. */
    public Cancel readCancel(byte[] file) {
        ParsedFile parsed = reader.read(file);
        if (!parsed.readable() || parsed.interchanges().isEmpty()) {
            throw new IllegalArgumentException("not a readable 650: " + parsed.fatalError());
        }
        Interchange interchange = parsed.interchanges().get(0);
        TransactionSet cancel = interchange.groups().get(0).transactions().get(0);
        if (!"650".equals(cancel.type())) {
            throw new IllegalArgumentException("not a 650 but a " + cancel.type());
        }
        Segment bgn = cancel.first("BGN").orElseThrow();
        if (!"01".equals(bgn.element(1))) {
            throw new IllegalArgumentException("not a cancellation: BGN01 is " + bgn.element(1));
        }
        String tdspDuns = cancel.all("N1").filter(n1 -> n1.element(1).equals("8S")).map(n1 -> n1.element(4))
                .findFirst().orElse(interchange.receiverId());
        return new Cancel(interchange.senderId(), tdspDuns, bgn.element(2), bgn.element(6),
                cancel.ref("Q5").orElse(null), cancel.ref("5H").orElse(""), cancel.ref("11").orElse(null),
                LocalDate.parse(bgn.element(3), CCYYMMDD), cancel);
    }

    /** The TDSP did the work on the given date. */
    public byte[] complete(byte[] orderFile, LocalDate completedOn) {
        return answer(readOrder(orderFile),
                List.of(new Segment("DTM", List.of("198", completedOn.format(CCYYMMDD)), 0)));
    }

    /** The TDSP refuses the order with a REF*7G reason (e.g. WTM weather moratorium, DUP duplicate, A13 other). */
    public byte[] reject(byte[] orderFile, String reasonCode, String reasonText) {
        List<String> ref = reasonText == null ? List.of("7G", reasonCode) : List.of("7G", reasonCode, reasonText);
        return answer(readOrder(orderFile), List.of(new Segment("REF", ref, 0)));
    }

    /** A 650_02 answering an order with any BGN06 and detail: for answers that match nothing of ours. */
    public byte[] answer(Order order, List<Segment> detail) {
        long control = controlNumbers.incrementAndGet();
        LocalDateTime now = LocalDateTime.now();
        List<Segment> body = new ArrayList<>();
        body.add(new Segment("BGN", List.of("11", "TDSP" + control, now.format(CCYYMMDD), "", "",
                order.bgnReference()), 0));
        body.add(new Segment("N1", List.of("8S", "TDSP", "1", order.tdspDuns()), 0));
        body.add(new Segment("N1", List.of("SJ", "RETAILER", "1", order.ourDuns()), 0));
        body.add(new Segment("HL", List.of("1", "", "O"), 0));
        body.add(new Segment("REF", List.of("Q5", order.esiId()), 0));
        if (!order.purposeCode().isEmpty()) {
            body.add(new Segment("REF", List.of("5H", order.purposeCode()), 0));
        }
        body.addAll(detail);
        return interchange(order.tdspDuns(), order.ourDuns(), control, "MO", "650", body);
    }

    /**
     * An 820 remittance advice from the payer to the payee: BPR02 is the given total (which need not equal the sum
     * of the lines, so tests can send one that does not add up), BPR16 the payment date.
     */
    public byte[] remittance(String payerDuns, String payeeDuns, String traceNumber, LocalDate paymentDate,
            BigDecimal total, List<RemittanceLine> lines) {
        long control = controlNumbers.incrementAndGet();
        List<Segment> body = new ArrayList<>();
        body.add(new Segment("BPR", List.of("C", total.toPlainString(), "C", "ACH", "CCP", "01", "111000025", "DA",
                "123456789", "", "", "01", "111000614", "DA", "987654321", paymentDate.format(CCYYMMDD)), 0));
        body.add(new Segment("TRN", List.of("1", traceNumber), 0));
        body.add(new Segment("N1", List.of("PR", "PAYER", "1", payerDuns), 0));
        body.add(new Segment("N1", List.of("PE", "PAYEE", "1", payeeDuns), 0));
        body.add(new Segment("ENT", List.of("1"), 0));
        for (RemittanceLine line : lines) {
            body.add(new Segment("RMR", List.of("IV", line.invoiceNumber(), "PO", line.amountPaid().toPlainString()),
                    0));
            if (line.esiId() != null) {
                body.add(new Segment("REF", List.of("Q5", line.esiId()), 0));
            }
        }
        return interchange(payerDuns, payeeDuns, control, "RA", "820", body);
    }

    private byte[] interchange(String from, String to, long control, String functionalId, String setId,
            List<Segment> body) {
        Objects.requireNonNull(from, "sender DUNS");
        Objects.requireNonNull(to, "receiver DUNS");
        String isa13 = String.format("%09d", control % 1_000_000_000L);
        return writer.write(new OutboundInterchange("01", from, "01", to, LocalDateTime.now(), isa13, "T",
                List.of(new OutboundInterchange.Group(functionalId, from, to, Long.toString(control),
                        List.of(new OutboundInterchange.Transaction(setId, "0001", body))))));
    }
}
