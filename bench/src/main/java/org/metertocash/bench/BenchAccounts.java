package org.metertocash.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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

    /** Ten digits, the last a Luhn check digit, as billing numbers its accounts (payment matching checks it). */
    static String accountNumber(int i) {
        String base = String.format("9%08d", i);
        int sum = 0;
        boolean doubled = true; // the check digit will be the rightmost; its neighbour is doubled
        for (int k = base.length() - 1; k >= 0; k--) {
            int digit = base.charAt(k) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return base + (10 - sum % 10) % 10;
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

    /**
     * Accounts 0 … n-1 in billing and in payment-service's projection (as its BillingAccountOpened consumer keeps
     * them): payments for them are applied.
     */
    static void open(Connection billing, Connection payment, int count) throws SQLException, IOException {
        openInBilling(billing, count);
        CopyManager copy = payment.unwrap(PGConnection.class).getCopyAPI();
        Instant now = Instant.now();
        int step = 20_000;
        for (int first = 0; first < count; first += step) {
            StringBuilder payable = new StringBuilder();
            for (int i = first; i < Math.min(first + step, count); i++) {
                payable.append(accountNumber(i)).append('\t').append(esiId(i)).append("\tBench Customer ").append(i)
                        .append("\tPOSTPAY\t").append(now).append('\t').append(new UUID(28, i)).append('\n');
            }
            copy.copyIn("copy payable_account (account_number, esi_id, customer_name, billing_type, opened_at,"
                    + " source_event_id) from stdin", new StringReader(payable.toString()));
        }
        try (Statement sql = payment.createStatement()) {
            sql.execute("analyze payable_account");
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

}
