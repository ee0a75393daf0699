package org.metertocash.dunning.notices;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.metertocash.contracts.common.ServiceAddress;

/**
 * What a printed notice says about one customer, and the values its template is filled with. Pure.
 *
 * @param address the mailing address, which is also the service address shown on the notice
 */
public record NoticeLetter(UUID noticeId, String accountNumber, String esiId, NoticeKind kind, String customerName,
        ServiceAddress address, BigDecimal amount, LocalDate disconnectDate, LocalDate issuedOn) {

    /** What the letterhead says: who we are and how to pay, from configuration. */
    public record Letterhead(String companyName, String phone, String hours, String payOnline, String payByMail,
            String payInPerson, String assistance) {
    }

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.US);

    static NoticeLetter of(Notice notice) {
        return new NoticeLetter(notice.id, notice.accountNumber, notice.esiId, notice.kind, notice.recipientName,
                notice.mailingAddress(), notice.amount, notice.disconnectDate, notice.issuedOn);
    }

    /** The template's values; an empty value drops the template lines that use it. */
    public Map<String, String> values(Letterhead letterhead) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("noticeId", noticeId.toString());
        values.put("accountNumber", accountNumber);
        values.put("esiId", esiId);
        values.put("customerName", customerName);
        values.put("addressLine1", address == null ? null : address.line1());
        values.put("addressLine2", address == null ? null : address.line2());
        values.put("cityStateZip", address == null ? null : cityStateZip(address));
        values.put("serviceAddress", address == null ? null : oneLine(address));
        values.put("amount", amount == null ? null : money(amount));
        values.put("disconnectDate", disconnectDate == null ? null : LONG_DATE.format(disconnectDate));
        values.put("issuedOn", LONG_DATE.format(issuedOn));
        values.put("companyName", letterhead.companyName());
        values.put("companyPhone", letterhead.phone());
        values.put("companyHours", letterhead.hours());
        values.put("payOnline", letterhead.payOnline());
        values.put("payByMail", letterhead.payByMail());
        values.put("payInPerson", letterhead.payInPerson());
        values.put("assistance", letterhead.assistance());
        return values;
    }

    /** Dollars as printed: {@code $1,234.56}. */
    public static String money(BigDecimal amount) {
        return NumberFormat.getCurrencyInstance(Locale.US).format(amount);
    }

    /** A date as printed: {@code Thursday, December 3, 2026}. */
    public static String longDate(LocalDate date) {
        return LONG_DATE.format(date);
    }

    static String oneLine(ServiceAddress address) {
        StringBuilder line = new StringBuilder(nullToEmpty(address.line1()));
        if (address.line2() != null && !address.line2().isBlank()) {
            line.append(", ").append(address.line2());
        }
        return line.append(", ").append(cityStateZip(address)).toString();
    }

    private static String cityStateZip(ServiceAddress address) {
        return nullToEmpty(address.city()) + ", " + nullToEmpty(address.state()) + " " + nullToEmpty(address.zip());
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
