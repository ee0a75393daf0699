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
 * The body of an enrollment request as Texas SET writes it: 814_01 for a switch, 814_16 for a move-in. BGN*13
 * (request) with our reference, the TDSP (N1*8S), us (N1*SJ), the customer and service address (N1*8R, N3, N4,
 * PER), then one LIN loop: ASI*7*021 (request, enrollment), REF*Q5 (ESI ID), DTM*150 (requested start).
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

    public static List<Segment> request(EnrollmentSubmitted event, String reference, LocalDate today, String ourDuns,
            String ourName) {
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
        body.add(seg("ASI", "7", "021"));
        body.add(seg("REF", "Q5", event.esiId()));
        body.add(seg("DTM", "150", event.requestedStartDate().format(CCYYMMDD)));
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
