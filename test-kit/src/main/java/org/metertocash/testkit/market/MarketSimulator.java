package org.metertocash.testkit.market;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
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
 * Plays ERCOT for tests, the e2e suite and the local runner: reads one of our outbound 814s and answers it the way
 * the market does — an 814_05 accept (ASI*WQ with DTM*150, the scheduled start) or an 814_02/814_17 reject (ASI*U
 * with REF*7G), an 814_25 to a move-out, an 814_09 to a cancel — quoting our BGN02 in BGN06, as a complete
 * interchange from ERCOT to us; and sends what the market starts itself: 814_06 loss notices and 814_20 switch
 * holds.
 */
public final class MarketSimulator {

    public static final String ERCOT_DUNS = "183529049";
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final X12Schemas schemas = new X12Schemas();
    private final X12Reader reader = new X12Reader(schemas);
    private final X12Writer writer = new X12Writer(schemas);
    private final AtomicLong controlNumbers = new AtomicLong(System.nanoTime() % 100_000_000L);

    /** What the market needs to know about one of our requests. */
    public record Request(String ourDuns, String bgnReference, String esiId, String tdspDuns,
            String lineKind, LocalDate requestedStart, LocalDate requestedEnd) {
    }

    /** Reads our outbound 814 request (the first transaction of the file). */
    public Request readRequest(byte[] file) {
        ParsedFile parsed = reader.read(file);
        if (!parsed.readable() || parsed.interchanges().isEmpty()) {
            throw new IllegalArgumentException("not a readable 814: " + parsed.fatalError());
        }
        Interchange interchange = parsed.interchanges().get(0);
        TransactionSet request = interchange.groups().get(0).transactions().get(0);
        Segment bgn = request.first("BGN").orElseThrow();
        String tdspDuns = request.all("N1").filter(n1 -> n1.element(1).equals("8S")).map(n1 -> n1.element(4))
                .findFirst().orElse("");
        String lineKind = request.first("LIN").map(lin -> lin.element(5)).orElse("CE");
        LocalDate requested = request.dtm("150").map(d -> LocalDate.parse(d, CCYYMMDD)).orElse(null);
        LocalDate end = request.dtm("151").map(d -> LocalDate.parse(d, CCYYMMDD)).orElse(null);
        return new Request(interchange.senderId(), bgn.element(2), request.ref("Q5").orElseThrow(), tdspDuns,
                lineKind, requested, end);
    }

    /** The market accepts the request and schedules the start date. */
    public byte[] accept(byte[] requestFile, LocalDate scheduledStart) {
        Request request = readRequest(requestFile);
        return answer(request, "WQ", List.of(new Segment("DTM", List.of("150", scheduledStart.format(CCYYMMDD)), 0)));
    }

    /** The market rejects the request with a REF*7G reason (e.g. SHF switch hold, A13 other). */
    public byte[] reject(byte[] requestFile, String reasonCode, String reasonText) {
        Request request = readRequest(requestFile);
        return answer(request, "U", List.of(new Segment("REF", List.of("7G", reasonCode, reasonText), 0)));
    }

    /** The market accepts our 814_24 move-out: an 814_25 confirming the last day of service we asked for. */
    public byte[] acceptMoveOut(byte[] moveOutFile) {
        Request request = readRequest(moveOutFile);
        return answer(request, "WQ", List.of(new Segment("DTM", List.of("151", request.requestedEnd().format(CCYYMMDD)), 0)));
    }

    /** The market confirms our 814_08 cancel (an 814_09 accept). */
    public byte[] acceptCancel(byte[] cancelFile) {
        return answer(readRequest(cancelFile), "WQ", List.of());
    }

    /** An 814_06 loss notice: another retailer takes the premise; our service ends on {@code lastDay}. */
    public byte[] lossNotice(String ourDuns, String esiId, String tdspDuns, LocalDate lastDay) {
        return marketRequest(ourDuns, esiId, tdspDuns, "CE", "002",
                List.of(new Segment("DTM", List.of("151", lastDay.format(CCYYMMDD)), 0)));
    }

    /** An 814_20 maintenance adding ({@code added}) or removing a switch hold on the premise from {@code effective}. */
    public byte[] switchHold(String ourDuns, String esiId, String tdspDuns, boolean added, LocalDate effective) {
        return marketRequest(ourDuns, esiId, tdspDuns, "CE", "001", List.of(
                new Segment("REF", List.of("SHI", added ? "Y" : "N"), 0),
                new Segment("DTM", List.of("007", effective.format(CCYYMMDD)), 0)));
    }

    private byte[] marketRequest(String ourDuns, String esiId, String tdspDuns, String lineKind,
            String maintenanceType, List<Segment> detail) {
        long control = controlNumbers.incrementAndGet();
        LocalDateTime now = LocalDateTime.now();
        List<Segment> body = new ArrayList<>();
        body.add(new Segment("BGN", List.of("13", "ERCOT" + control, now.format(CCYYMMDD)), 0));
        body.add(new Segment("N1", List.of("8S", "TDSP", "1", tdspDuns), 0));
        body.add(new Segment("N1", List.of("SJ", "RETAILER", "1", ourDuns), 0));
        body.add(new Segment("LIN", List.of("1", "SH", "EL", "SH", lineKind), 0));
        body.add(new Segment("ASI", List.of("7", maintenanceType), 0));
        body.add(new Segment("REF", List.of("Q5", esiId), 0));
        body.addAll(detail);
        return envelope(ourDuns, control, body);
    }

    private byte[] answer(Request request, String action, List<Segment> detail) {
        long control = controlNumbers.incrementAndGet();
        LocalDateTime now = LocalDateTime.now();
        List<Segment> body = new ArrayList<>();
        body.add(new Segment("BGN", List.of("11", "ERCOT" + control, now.format(CCYYMMDD), "", "",
                request.bgnReference()), 0));
        body.add(new Segment("N1", List.of("8S", "TDSP", "1", request.tdspDuns()), 0));
        body.add(new Segment("N1", List.of("SJ", "RETAILER", "1", request.ourDuns()), 0));
        body.add(new Segment("LIN", List.of("1", "SH", "EL", "SH", request.lineKind()), 0));
        body.add(new Segment("ASI", List.of(action, "021"), 0));
        body.add(new Segment("REF", List.of("Q5", request.esiId()), 0));
        body.addAll(detail);
        return envelope(request.ourDuns(), control, body);
    }

    private byte[] envelope(String ourDuns, long control, List<Segment> body) {
        String isa13 = String.format("%09d", control % 1_000_000_000L);
        return writer.write(new OutboundInterchange("01", ERCOT_DUNS, "01", ourDuns, LocalDateTime.now(), isa13, "T",
                List.of(new OutboundInterchange.Group("GE", ERCOT_DUNS, ourDuns, Long.toString(control),
                        List.of(new OutboundInterchange.Transaction("814", "0001", body))))));
    }
}
