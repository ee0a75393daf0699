package org.metertocash.edi.serviceorder;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.metertocash.x12.Segment;

/**
 * The 650 as Texas SET writes it for non-payment service orders (schema: x12-kit's {@code x12/004010/650.xml}).
 * Our 650_01: BGN*13 (request) with our reference, the TDSP (N1*8S) and us (N1*SJ), then one service order loop:
 * HL*1**O, REF*Q5 (ESI ID), REF*11 (our account number, when known), REF*5H (purpose: DC001 disconnect for
 * non-pay, RC001 reconnect), DTM*002 (the date requested). The TDSP's 650_02 answers with BGN*11 quoting our BGN02
 * in BGN06 and either DTM*198 (completed on) or a reason it did not do the work: REF*7G (rejected, e.g. WTM weather
 * moratorium) or REF*G7 (completed unexecutable).
 * <p>
 * A cancel is a 650_01 too, as Texas SET writes it: BGN*01 (cancellation) with a reference of its own and the order's
 * BGN02 in BGN06, the same parties, and the same service order loop naming the premise, our account number and the
 * purpose of the order withdrawn; no requested date, since nothing is to be done. The utility may answer it with a
 * 650_02 quoting the cancel's BGN02 in BGN06.
 */
public final class ServiceOrder650 {

    /** Texas SET names of the two transactions, as logged and used in file names. */
    public static final String ORDER = "650_01";
    public static final String RESPONSE = "650_02";
    /** ST01 and GS01 (X12 functional group MO: maintenance service order). */
    public static final String SET_ID = "650";
    public static final String FUNCTIONAL_ID = "MO";

    /** BGN01: the order itself (request), a cancellation of an order, the utility's response. */
    static final String REQUEST = "13";
    static final String CANCELLATION = "01";
    static final String RESPONSE_PURPOSE = "11";

    static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");
    static final String REQUESTED_DATE = "002";
    static final String COMPLETED_DATE = "198";
    static final String PURPOSE = "5H";
    static final String REJECT_REASON = "7G";
    static final String UNEXECUTABLE_REASON = "G7";

    /** What one 650_01 carries. */
    public record Order(ServiceOrderType type, String esiId, String accountNumber, LocalDate requestedDate,
            String tdspDuns, String tdspName) {
    }

    public static List<Segment> order(Order order, String reference, LocalDate today, String ourDuns,
            String ourName) {
        List<Segment> body = new ArrayList<>();
        body.add(seg("BGN", REQUEST, reference, today.format(CCYYMMDD)));
        body.add(seg("N1", "8S", text(order.tdspName(), 60), "1", order.tdspDuns()));
        body.add(seg("N1", "SJ", text(ourName, 60), "1", ourDuns));
        body.add(seg("HL", "1", "", "O"));
        body.add(seg("REF", "Q5", order.esiId()));
        if (order.accountNumber() != null && !order.accountNumber().isBlank()) {
            body.add(seg("REF", "11", order.accountNumber()));
        }
        body.add(seg("REF", PURPOSE, order.type().purposeCode()));
        body.add(seg("DTM", REQUESTED_DATE, order.requestedDate().format(CCYYMMDD)));
        return body;
    }

    /** What one 650_01 cancel carries: the order withdrawn, as we sent it. */
    public record Cancel(String orderReference, String purposeCode, String esiId, String accountNumber,
            String tdspDuns, String tdspName) {
    }

    /** The 650_01 cancelling an order: BGN*01 with our reference, the order's BGN02 in BGN06. */
    public static List<Segment> cancel(Cancel cancel, String reference, LocalDate today, String ourDuns,
            String ourName) {
        if (cancel.orderReference() == null || cancel.orderReference().isBlank()) {
            throw new IllegalArgumentException("a cancel quotes the BGN02 of the order it withdraws in BGN06");
        }
        List<Segment> body = new ArrayList<>();
        body.add(seg("BGN", CANCELLATION, reference, today.format(CCYYMMDD), "", "", cancel.orderReference()));
        body.add(seg("N1", "8S", text(cancel.tdspName(), 60), "1", cancel.tdspDuns()));
        body.add(seg("N1", "SJ", text(ourName, 60), "1", ourDuns));
        body.add(seg("HL", "1", "", "O"));
        body.add(seg("REF", "Q5", cancel.esiId()));
        if (cancel.accountNumber() != null && !cancel.accountNumber().isBlank()) {
            body.add(seg("REF", "11", cancel.accountNumber()));
        }
        body.add(seg("REF", PURPOSE, cancel.purposeCode()));
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

    private ServiceOrder650() {
    }
}
