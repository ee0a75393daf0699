package org.metertocash.edi.enrollment;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.metertocash.contracts.common.RequestType;
import org.metertocash.contracts.enrollment.EnrollmentSubmitted;
import org.metertocash.x12.Segment;

/**
 * The 814s we write, as Texas SET lays them out, and the codes that tell the market's 814s apart.
 * <ul>
 * <li>814_01 (switch) / 814_16 (move-in): BGN*13 (request) with our reference, the TDSP (N1*8S), us (N1*SJ), the
 * customer and service address (N1*8R, N3, N4, PER), then one LIN loop: LIN05 CE or MVI, ASI*7*021 (request,
 * addition), REF*Q5 (ESI ID), REF*TN (on a corrected resubmission: the rejected request's BGN02), DTM*150
 * (requested start).</li>
 * <li>814_08 (cancel): BGN*01 (cancellation) quoting the cancelled request's BGN02 in BGN06; LIN as the request,
 * ASI*7*002 (deletion), REF*Q5.</li>
 * <li>814_24 (move-out): BGN*13, N1*8S, N1*SJ, LIN05 MVO, ASI*7*021, REF*Q5, DTM*151 (last day of service).</li>
 * </ul>
 * What the market sends us: BGN*11 answers one of ours (quoted in BGN06); BGN*13 with ASI*7*002 is a loss notice
 * (814_06, another retailer's switch ends ours on DTM*151); BGN*13 with ASI*7*001 is ESI ID maintenance (814_20),
 * which may add or remove a switch hold.
 */
public final class Enrollment814 {

    static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");

    public static String transactionSet(RequestType type) {
        return type == RequestType.MOVE_IN ? "814_16" : "814_01";
    }

    /** LIN05: CE customer enrollment (switch), MVI move-in. */
    static String lineKind(RequestType type) {
        return type == RequestType.MOVE_IN ? "MVI" : "CE";
    }

    /** ASI02 maintenance type codes. */
    public static final String ADDITION = "021";
    public static final String DELETION = "002";
    public static final String CHANGE = "001";
    /** LIN05 of a move-out. */
    static final String MOVE_OUT = "MVO";

    public static List<Segment> request(EnrollmentSubmitted event, String reference, LocalDate today, String ourDuns,
            String ourName) {
        return request(event, reference, today, ourDuns, ourName, null);
    }

    /** The request; {@code replacesReference} (REF*TN) is the rejected request's BGN02 on a resubmission. */
    public static List<Segment> request(EnrollmentSubmitted event, String reference, LocalDate today, String ourDuns,
            String ourName, String replacesReference) {
        List<Segment> body = new ArrayList<>();
        body.add(seg("BGN", "13", reference, today.format(CCYYMMDD)));
        body.add(seg("N1", "8S", text(event.tdsp(), 60), "1", event.tdspDuns()));
        body.add(seg("N1", "SJ", text(ourName, 60), "1", ourDuns));
        body.add(seg("N1", "8R", text(event.customer().name(), 60)));
        var address = event.serviceAddress();
        body.add(address.line2() == null || address.line2().isBlank()
                ? seg("N3", text(address.line1(), 55))
                : seg("N3", text(address.line1(), 55), text(address.line2(), 55)));
        body.add(seg("N4", text(address.city(), 30), address.state(), address.zip().replace("-", ""), "", "CO",
                text(address.county(), 30)));
        List<String> per = new ArrayList<>(List.of("IC", text(event.customer().name(), 60)));
        if (event.customer().phone() != null) {
            per.add("TE");
            per.add(event.customer().phone().replaceAll("\\D", ""));
        }
        if (event.customer().email() != null) {
            per.add("EM");
            per.add(event.customer().email());
        }
        if (per.size() > 2) {
            body.add(new Segment("PER", List.copyOf(per), 0));
        }
        body.add(seg("LIN", "1", "SH", "EL", "SH", lineKind(event.requestType())));
        body.add(seg("ASI", "7", ADDITION));
        body.add(seg("REF", "Q5", event.esiId()));
        if (replacesReference != null) {
            body.add(seg("REF", "TN", replacesReference));
        }
        body.add(seg("DTM", "150", event.requestedStartDate().format(CCYYMMDD)));
        return body;
    }

    /** 814_08: cancels our request {@code cancelledReference} (its BGN02) for the premise. */
    public static List<Segment> cancel(String reference, String cancelledReference, LocalDate today, String esiId,
            String tdspName, String tdspDuns, String ourDuns, String ourName, String lineKind) {
        List<Segment> body = new ArrayList<>();
        body.add(seg("BGN", "01", reference, today.format(CCYYMMDD), "", "", cancelledReference));
        body.add(seg("N1", "8S", text(tdspName, 60), "1", tdspDuns));
        body.add(seg("N1", "SJ", text(ourName, 60), "1", ourDuns));
        body.add(seg("LIN", "1", "SH", "EL", "SH", lineKind));
        body.add(seg("ASI", "7", DELETION));
        body.add(seg("REF", "Q5", esiId));
        return body;
    }

    /** 814_24: our customer moves out; service ends on {@code moveOutDate}. */
    public static List<Segment> moveOut(String reference, LocalDate today, String esiId, String tdspDuns,
            LocalDate moveOutDate, String ourDuns, String ourName) {
        List<Segment> body = new ArrayList<>();
        body.add(seg("BGN", "13", reference, today.format(CCYYMMDD)));
        body.add(seg("N1", "8S", "TDSP", "1", tdspDuns));
        body.add(seg("N1", "SJ", text(ourName, 60), "1", ourDuns));
        body.add(seg("LIN", "1", "SH", "EL", "SH", MOVE_OUT));
        body.add(seg("ASI", "7", ADDITION));
        body.add(seg("REF", "Q5", esiId));
        body.add(seg("DTM", "151", moveOutDate.format(CCYYMMDD)));
        return body;
    }

    /** X12 text: upper case, no delimiter characters, within the element's length. */
    static String text(String value, int max) {
        String clean = value == null ? "" : value.toUpperCase(Locale.ROOT).replaceAll("[~*>^|]", " ").trim();
        return clean.length() > max ? clean.substring(0, max) : clean;
    }

    private static Segment seg(String tag, String... elements) {
        return new Segment(tag, List.of(elements), 0);
    }

    private Enrollment814() {
    }
}
