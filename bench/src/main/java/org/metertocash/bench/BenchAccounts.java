package org.metertocash.bench;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The accounts the load drivers work on: account k has a valid account number and an Oncor ESI ID derived from k,
 * and can be opened in billing's database with {@code COPY} as its EnrollmentAccepted consumer would open it.
 */
final class BenchAccounts {

    private static final ZoneId MARKET = ZoneId.of("America/Chicago");

    private BenchAccounts() {
    }

    /** Account k's number: "9" + k in 8 digits + a Luhn check digit (as billing numbers accounts). */
    static String accountNumber(int k) {
        return PaymentFileLoad.accountNumber(k);
    }

    /** Account k's premise. */
    static String esiId(int k) {
        return String.format("10443720%09d", k);
    }

    /** Accounts 0 … n-1 as billing's {@code billing_account} rows (FIXED-12, post-pay, Oncor, Dallas county). */
    static void openInBilling(Connection billing, int count) throws SQLException, IOException {
        CopyManager copy = billing.unwrap(PGConnection.class).getCopyAPI();
        Instant now = Instant.now();
        LocalDate start = LocalDate.now(MARKET).minusMonths(3);
        int step = 20_000;
        for (int first = 0; first < count; first += step) {
            StringBuilder rows = new StringBuilder();
            for (int i = first; i < Math.min(first + step, count); i++) {
                rows.append(accountNumber(i)).append('\t').append(esiId(i)).append('\t').append(new UUID(27, i))
                        .append("\tBench Customer ").append(i).append("\tbench@example.com\t2145550100\t")
                        .append(i).append(" Main St\t\\N\tDallas\tTX\t75201\tDallas\tFIXED-12\tPOSTPAY\tONCOR\t")
                        .append(1 + i % 20).append('\t').append(start).append('\t').append(now).append("\t0\n");
            }
            copy.copyIn("copy billing_account (account_number, esi_id, enrollment_id, customer_name,"
                    + " customer_email, customer_phone, address_line1, address_line2, city, state_code, zip, county,"
                    + " product_code, billing_type, tdsp, bill_cycle, start_date, opened_at, version) from stdin",
                    new StringReader(rows.toString()));
        }
        try (Statement sql = billing.createStatement()) {
            sql.execute("analyze billing_account");
        }
    }

    /** Accounts 0 … n-1's customers in dunning's {@code customer_contact} (as its EnrollmentAccepted consumer keeps them). */
    static void contactsInDunning(Connection dunning, int count) throws SQLException, IOException {
        CopyManager copy = dunning.unwrap(PGConnection.class).getCopyAPI();
        Instant now = Instant.now();
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < count; i++) {
            rows.append(new UUID(27, i)).append('\t').append(esiId(i)).append("\tBench Customer ").append(i)
                    .append("\tbench@example.com\t2145550100\t").append(i).append(" Main St\t\\N\tDallas\tTX\t75201\t")
                    .append("Dallas\tONCOR\t").append(now).append('\n');
        }
        copy.copyIn("copy customer_contact (enrollment_id, esi_id, name, email, phone, line1, line2, city, state, zip,"
                + " county, tdsp, accepted_at) from stdin", new StringReader(rows.toString()));
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
