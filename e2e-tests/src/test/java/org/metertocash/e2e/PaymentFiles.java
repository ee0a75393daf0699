package org.metertocash.e2e;

import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.market.TdspFiles;
import org.metertocash.testkit.platform.PlatformService;

import io.restassured.response.Response;

/**
 * Payment files as our partners and our bank send them, built to the layouts of docs/payment-files.md: our CSV layout
 * (pay agents, lockbox partners), a BAI2 lockbox report, a NACHA return file answering one of our PPD debits; the PPD
 * entries we sent read back at their fixed positions; and uploading a file to payment-service.
 */
final class PaymentFiles {

    private static final AtomicLong FILES = new AtomicLong(System.nanoTime() % 1_000_000);
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

    private PaymentFiles() {
    }

    /** Posts a file to {@code /payment-files} as an upstream partner. */
    static Response upload(byte[] content, String contentType, String fileName) {
        return RunningPlatform.as(PlatformService.PAYMENT, Api.upstream()).contentType(contentType)
                .header("X-File-Name", fileName).body(content).post("/payment-files");
    }

    static Response upload(String content, String contentType, String fileName) {
        return upload(content.getBytes(StandardCharsets.UTF_8), contentType, fileName);
    }

    /** Waits until the stored file is no longer RECEIVED or POSTING and returns its final status. */
    static String awaitFinished(String fileId) {
        return Scenario.awaitValue(PlatformService.PAYMENT, "/payment-files/" + fileId, "status",
                org.hamcrest.Matchers.not(org.hamcrest.Matchers.oneOf(null, "RECEIVED", "POSTING")));
    }

    /** A money amount read from JSON (a float, an integer) that equals the decimal given, to the cent. */
    static Matcher<Number> amount(String expected) {
        BigDecimal want = new BigDecimal(expected);
        return new CustomTypeSafeMatcher<>("an amount of " + expected) {
            @Override
            protected boolean matchesSafely(Number actual) {
                return new BigDecimal(actual.toString()).compareTo(want) == 0;
            }
        };
    }

    /** Waits until billing shows the account's balance at exactly the amount. */
    static void awaitBalance(String esiId, String expected) {
        Scenario.awaitValue(PlatformService.BILLING, "/billing-accounts/" + esiId, "balance", amount(expected));
    }

    /** "Now" in the market's zone as a CSV {@code received_at} with its offset, a minute back (clocks drift). */
    static String receivedNow() {
        return OffsetDateTime.now(TdspFiles.MARKET_ZONE).minusMinutes(1).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Our CSV layout: a header row, each batch's PAYMENT rows closed by its BATCH_CONTROL row, FILE_CONTROL last. */
    static final class Csv {

        private final StringBuilder text = new StringBuilder(
                "record_type,batch_id,account_number,esi_id,amount,currency,channel,external_reference,received_at,"
                        + "control_count\r\n");
        private String batch;
        private BigDecimal batchAmount;
        private int batchCount;
        private BigDecimal fileAmount = BigDecimal.ZERO;
        private int fileCount;

        Csv batch(String batchId) {
            batch = batchId;
            batchAmount = BigDecimal.ZERO;
            batchCount = 0;
            return this;
        }

        /** A PAYMENT row for an account number (the ESI ID column left empty). */
        Csv payment(String accountNumber, String amount, String channel, String reference, String receivedAt) {
            text.append(String.join(",", "PAYMENT", batch, accountNumber, "", amount, "USD", channel, reference,
                    receivedAt, "")).append("\r\n");
            batchAmount = batchAmount.add(new BigDecimal(amount));
            batchCount++;
            return this;
        }

        /** Closes the batch with the count and sum of its payment rows. */
        Csv close() {
            return close(batchAmount.setScale(2).toPlainString(), batchCount);
        }

        /** Closes the batch declaring these totals; the file control adds up what the batch controls declare. */
        Csv close(String declaredAmount, int declaredCount) {
            text.append("BATCH_CONTROL,").append(batch).append(",,,").append(declaredAmount).append(",,,,,")
                    .append(declaredCount).append("\r\n");
            fileAmount = fileAmount.add(new BigDecimal(declaredAmount));
            fileCount += declaredCount;
            return this;
        }

        String text() {
            return text + "FILE_CONTROL,,,," + fileAmount.setScale(2).toPlainString() + ",,,,," + fileCount + "\r\n";
        }
    }

    /**
     * A BAI2 lockbox report of one group (status 1, USD) as of a day: per bank account a {@code 03} identifier, a
     * {@code 115} lockbox deposit followed by its {@code 116} items (the customer reference names our account), and
     * a {@code 49} trailer; then the {@code 98} group and {@code 99} file trailers. Control totals are the sums of the
     * {@code 03} and {@code 16} amounts in cents; record counts as BAI2 defines them.
     */
    static final class Bai2 {

        private final LocalDate asOf;
        private final List<String> group = new ArrayList<>();
        private List<String> account;
        private long accountCents;
        private long groupCents;
        private int accounts;

        Bai2(LocalDate asOf) {
            this.asOf = asOf;
        }

        Bai2 account(String bankAccount) {
            closeAccount();
            account = new ArrayList<>();
            accountCents = 0;
            account.add("03," + bankAccount + ",USD,/");
            return this;
        }

        /** A lockbox deposit (115) of these items (116): payer (account number), amount, payer, amount, … */
        Bai2 deposit(String bankReference, String... payersAndAmounts) {
            long total = 0;
            List<String> items = new ArrayList<>();
            for (int i = 0; i < payersAndAmounts.length; i += 2) {
                long cents = cents(payersAndAmounts[i + 1]);
                total += cents;
                items.add("16,116," + cents + ",0," + bankReference + "-" + (i / 2 + 1) + "," + payersAndAmounts[i]
                        + ",CHECK " + (1001 + i / 2) + "/");
            }
            account.add("16,115," + total + ",0," + bankReference + ",,LOCKBOX DEPOSIT/");
            account.addAll(items);
            accountCents += 2 * total; // the deposit and its items each count in the account control total
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
            List<String> all = new ArrayList<>();
            all.add("01,BANKOFTX,METERTOCASH," + asOf.format(YYMMDD) + ",0600," + FILES.incrementAndGet() + ",80,,2/");
            // as-of time 0000: the payments were received on the as-of day, never later than now
            all.add("02,METERTOCASH,111000025,1," + asOf.format(YYMMDD) + ",0000,USD,2/");
            all.addAll(group);
            all.add("98," + groupCents + "," + accounts + "," + (group.size() + 2) + "/");
            all.add("99," + groupCents + ",1," + (all.size() + 1) + "/");
            return String.join("\n", all) + "\n";
        }

        private static long cents(String amount) {
            return new BigDecimal(amount).movePointRight(2).longValueExact();
        }
    }

    /**
     * One entry detail ({@code 6}) record of a NACHA file, at its fixed positions: transaction code 2–3, receiving DFI
     * routing number 4–12 (8 digits and the check digit), DFI account 13–29, amount in cents 30–39, individual id
     * (our billing account number) 40–54, name 55–76, addenda indicator 79, trace number 80–94.
     */
    record NachaEntry(String transactionCode, String routingNumber, String dfiAccount, BigDecimal amount,
            String individualId, String name, String traceNumber) {

        static NachaEntry of(String record) {
            if (record.length() != 94 || record.charAt(0) != '6') {
                throw new IllegalArgumentException("not an entry detail record: " + record);
            }
            return new NachaEntry(record.substring(1, 3), record.substring(3, 12), record.substring(12, 29).trim(),
                    new BigDecimal(record.substring(29, 39)).movePointLeft(2), record.substring(39, 54).trim(),
                    record.substring(54, 76).trim(), record.substring(79, 94));
        }
    }

    /** The records of a NACHA file, one 94-character record a line. */
    static List<String> nachaRecords(byte[] file) {
        return new String(file, StandardCharsets.US_ASCII).lines().toList();
    }

    /**
     * A NACHA return file as our bank sends it back: a file header, one PPD batch of our company, each returned debit
     * as an entry with transaction code 26 (return of a checking debit, 27) and its {@code 799} return addenda
     * (reason, original trace, original RDFI), batch control and file control that add up, nines to a block of ten.
     */
    static final class NachaReturn {

        private static final String COMPANY_ID = "1742155501";
        private static final String ODFI = "07100001";

        private final LocalDateTime created;
        private final List<String> records = new ArrayList<>();
        private long sequence = 1;
        private long hash;
        private long debitCents;
        private int count;

        NachaReturn(LocalDateTime created) {
            this.created = created;
        }

        /** Returns the debit we sent for this reason (R01 insufficient funds, …). */
        NachaReturn returned(NachaEntry original, String reasonCode) {
            String rdfi = original.routingNumber().substring(0, 8);
            String trace = rdfi + String.format("%07d", sequence++);
            long cents = original.amount().movePointRight(2).longValueExact();
            records.add("626" + original.routingNumber() + pad(original.dfiAccount(), 17) + String.format("%010d", cents)
                    + pad(original.individualId(), 15) + pad(original.name(), 22) + "  1" + trace);
            records.add("799" + reasonCode + original.traceNumber() + " ".repeat(6) + rdfi + pad("", 44) + trace);
            hash += Long.parseLong(rdfi);
            debitCents += cents; // transaction code 26: its second digit 6 counts it with the debits
            count += 2;
            return this;
        }

        byte[] bytes() {
            List<String> all = new ArrayList<>();
            char modifier = (char) ('A' + FILES.incrementAndGet() % 26);
            all.add("101 071000013 111000025" + created.format(YYMMDD) + created.format(HHMM) + modifier + "094101"
                    + pad("METER TO CASH ENERGY", 23) + pad("BANK OF TEXAS", 23) + pad("R" + FILES.get() % 10_000_000, 8));
            String effective = created.toLocalDate().format(YYMMDD);
            all.add("5225" + pad("METER TO CASH", 16) + pad("", 20) + COMPANY_ID + "PPD" + pad("ELEC BILL", 10)
                    + " ".repeat(6) + effective + "   " + "1" + ODFI + "0000001");
            all.addAll(records);
            all.add("8225" + String.format("%06d", count) + String.format("%010d", hash % 10_000_000_000L)
                    + String.format("%012d", debitCents) + String.format("%012d", 0) + COMPANY_ID + " ".repeat(25)
                    + ODFI + "0000001");
            int blocks = (all.size() + 1 + 9) / 10;
            all.add("9" + "000001" + String.format("%06d", blocks) + String.format("%08d", count)
                    + String.format("%010d", hash % 10_000_000_000L) + String.format("%012d", debitCents)
                    + String.format("%012d", 0) + " ".repeat(39));
            while (all.size() % 10 != 0) {
                all.add("9".repeat(94));
            }
            StringBuilder text = new StringBuilder();
            for (String record : all) {
                if (record.length() != 94) {
                    throw new IllegalStateException("record of " + record.length() + " characters: " + record);
                }
                text.append(record).append('\n');
            }
            return text.toString().getBytes(StandardCharsets.US_ASCII);
        }
    }

    private static String pad(String value, int width) {
        String text = value.toUpperCase(Locale.ROOT);
        return text.length() >= width ? text.substring(0, width) : text + " ".repeat(width - text.length());
    }

    /** Waits until a file of this name is in the folder (written whole: the writer renames it into place). */
    static byte[] awaitFile(java.nio.file.Path folder, String name) {
        java.nio.file.Path file = folder.resolve(name);
        await().atMost(Scenario.WAIT).alias("file " + file).until(() -> java.nio.file.Files.isRegularFile(file));
        try {
            return java.nio.file.Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
