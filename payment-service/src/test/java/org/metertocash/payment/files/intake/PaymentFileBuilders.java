package org.metertocash.payment.files.intake;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Payment files written for a test: our CSV layout and BAI2 lockbox reports, with control records that add up (or,
 * when asked, declare something else), so that each test sends content no other test sends.
 */
final class PaymentFileBuilders {

    private PaymentFileBuilders() {
    }

    /** A CSV file in our layout; each batch is closed by its BATCH_CONTROL row, the file by FILE_CONTROL. */
    static final class Csv {

        private final StringBuilder text = new StringBuilder(
                "record_type,batch_id,account_number,esi_id,amount,currency,channel,external_reference,received_at,control_count\n");
        private String batch;
        private BigDecimal batchAmount = BigDecimal.ZERO;
        private int batchCount;
        private BigDecimal fileAmount = BigDecimal.ZERO;
        private int fileCount;
        private int lines = 1;

        Csv batch(String batchId) {
            batch = batchId;
            batchAmount = BigDecimal.ZERO;
            batchCount = 0;
            return this;
        }

        /** A payment row; returns the builder. Its line number is {@link #lastLine()}. */
        Csv payment(String accountNumber, String esiId, String amount, String channel, String reference,
                String receivedAt) {
            text.append(String.join(",", "PAYMENT", batch, nullToEmpty(accountNumber), nullToEmpty(esiId), amount,
                    "USD", channel, reference, receivedAt, "")).append('\n');
            batchAmount = batchAmount.add(new BigDecimal(amount));
            batchCount++;
            lines++;
            return this;
        }

        int lastLine() {
            return lines;
        }

        /** Closes the batch with the totals it holds. */
        Csv close() {
            return close(batchAmount.setScale(2).toPlainString(), batchCount);
        }

        /** Closes the batch declaring these totals (the file control adds up what the batch controls declare). */
        Csv close(String declaredAmount, int declaredCount) {
            text.append("BATCH_CONTROL,").append(batch).append(",,,").append(declaredAmount).append(",,,,,")
                    .append(declaredCount).append('\n');
            fileAmount = fileAmount.add(new BigDecimal(declaredAmount));
            fileCount += declaredCount;
            lines++;
            return this;
        }

        /** A row as given, e.g. a malformed one. */
        Csv raw(String row) {
            text.append(row).append('\n');
            lines++;
            return this;
        }

        String text() {
            return text + "FILE_CONTROL,,,," + fileAmount.setScale(2).toPlainString() + ",,,,," + fileCount + "\n";
        }

        /** Without its FILE_CONTROL row: truncated. */
        String truncated() {
            return text.toString();
        }
    }

    /** A BAI2 lockbox report of one group, as of a day (at 08:00); each account a batch. */
    static final class Bai2 {

        private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

        private final List<String> records = new ArrayList<>();
        private final List<String> group = new ArrayList<>();
        private List<String> account;
        private long accountCents;
        private long groupCents;
        private int accounts;
        private final LocalDate asOf;

        Bai2(LocalDate asOf, String fileId) {
            this.asOf = asOf;
            records.add("01,BANKOFTX,METERTOCASH," + asOf.plusDays(1).format(YYMMDD) + ",0600," + fileId + ",80,,2/");
        }

        Bai2 account(String number) {
            closeAccount();
            account = new ArrayList<>();
            accountCents = 0;
            account.add("03," + number + ",USD,/");
            return this;
        }

        /** A lockbox deposit (115) of these items (116), each for the payer named (account number or ESI ID). */
        Bai2 deposit(String bankReference, String... payersAndAmounts) {
            long total = 0;
            List<String> items = new ArrayList<>();
            for (int i = 0; i < payersAndAmounts.length; i += 2) {
                long cents = cents(payersAndAmounts[i + 1]);
                total += cents;
                items.add("16,116," + cents + ",0," + bankReference + "-" + (i / 2 + 1) + "," + payersAndAmounts[i]
                        + ",CHECK " + (1000 + i) + "/");
            }
            account.add("16,115," + total + ",0," + bankReference + ",,LOCKBOX DEPOSIT/");
            accountCents += total;
            for (String item : items) {
                account.add(item);
                accountCents += Long.parseLong(item.split(",")[2]);
            }
            return this;
        }

        private void closeAccount() {
            if (account == null) {
                return;
            }
            account.add("49," + accountCents + "," + (account.size() + 1) + "/");
            group.addAll(account);
            groupCents += accountCents;
            accounts++;
            account = null;
        }

        String text() {
            closeAccount();
            List<String> all = new ArrayList<>(records);
            all.add("02,METERTOCASH,111000025,1," + asOf.format(YYMMDD) + ",0800,USD,2/");
            all.addAll(group);
            all.add("98," + groupCents + "," + accounts + "," + (group.size() + 2) + "/");
            all.add("99," + groupCents + ",1," + (all.size() + 1) + "/");
            return String.join("\n", all) + "\n";
        }

        private static long cents(String amount) {
            return new BigDecimal(amount).movePointRight(2).longValueExact();
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
