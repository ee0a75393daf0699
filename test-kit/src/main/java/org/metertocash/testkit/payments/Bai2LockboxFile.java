package org.metertocash.testkit.payments;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A BAI2 lockbox report of one group (status 1, USD) as of a day, as a bank sends it: per bank account a {@code 03}
 * identifier, {@code 115} lockbox deposits each followed by its {@code 116} items (the customer reference names the
 * payer: our billing account number or an ESI ID), and a {@code 49} trailer; then the {@code 98} group and
 * {@code 99} file trailers. Control totals are the sums of the {@code 03} and {@code 16} amounts in cents — a
 * deposit and its items each count — and record counts as BAI2 defines them. The group's as-of time is 00:00, so its
 * payments are received on the as-of day and never later than now; each file gets its own file id unless a test
 * names one.
 */
public final class Bai2LockboxFile {

    private static final AtomicLong FILES = new AtomicLong(System.nanoTime() % 1_000_000);
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    private final LocalDate asOf;
    private final List<String> group = new ArrayList<>();
    private String fileId = String.valueOf(FILES.incrementAndGet());
    private List<String> account;
    private long accountCents;
    private long groupCents;
    private int accounts;

    public Bai2LockboxFile(LocalDate asOf) {
        this.asOf = asOf;
    }

    /** The file header's file identification number (by default one no other file of this run has). */
    public Bai2LockboxFile fileId(String id) {
        this.fileId = id;
        return this;
    }

    /** Starts a bank account (a batch); the one before is closed with its trailer. */
    public Bai2LockboxFile account(String bankAccount) {
        closeAccount();
        account = new ArrayList<>();
        accountCents = 0;
        account.add("03," + bankAccount + ",USD,/");
        return this;
    }

    /** A lockbox deposit (115) of these items (116): payer, amount, payer, amount, … */
    public Bai2LockboxFile deposit(String bankReference, String... payersAndAmounts) {
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

    /** The whole report. */
    public String text() {
        closeAccount();
        List<String> all = new ArrayList<>();
        all.add("01,BANKOFTX,METERTOCASH," + asOf.format(YYMMDD) + ",0600," + fileId + ",80,,2/");
        all.add("02,METERTOCASH,111000025,1," + asOf.format(YYMMDD) + ",0000,USD,2/");
        all.addAll(group);
        all.add("98," + groupCents + "," + accounts + "," + (group.size() + 2) + "/");
        all.add("99," + groupCents + ",1," + (all.size() + 1) + "/");
        return String.join("\n", all) + "\n";
    }

    public byte[] bytes() {
        return text().getBytes(StandardCharsets.US_ASCII);
    }

    private static long cents(String amount) {
        return new BigDecimal(amount).movePointRight(2).longValueExact();
    }
}
