package org.metertocash.dunning.notices;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The manifest of a print batch, {@code manifest.csv}: one line per notice with the print vendor's mailing details,
 * what the notice is about, its PDF's file name and the PDF's SHA-256 so the vendor can check each file. Pure.
 */
public final class PrintManifest {

    public static final String FILE_NAME = "manifest.csv";
    public static final String HEADER = "notice_id,account_number,esi_id,kind,recipient_name,address_line1,"
            + "address_line2,city,state,zip,amount,disconnect_date,file_name,sha256";

    /** One notice of the batch. */
    public record Entry(UUID noticeId, String accountNumber, String esiId, NoticeKind kind, String recipientName,
            String addressLine1, String addressLine2, String city, String state, String zip, BigDecimal amount,
            LocalDate disconnectDate, String fileName, String sha256) {
    }

    public static byte[] write(List<Entry> entries) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (Entry e : entries) {
            csv.append(String.join(",", field(e.noticeId().toString()), field(e.accountNumber()), field(e.esiId()),
                    field(e.kind().name()), field(e.recipientName()), field(e.addressLine1()), field(e.addressLine2()),
                    field(e.city()), field(e.state()), field(e.zip()),
                    field(e.amount() == null ? null : e.amount().toPlainString()),
                    field(e.disconnectDate() == null ? null : e.disconnectDate().toString()), field(e.fileName()),
                    field(e.sha256()))).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    private PrintManifest() {
    }
}
