package org.metertocash.payment.files.nacha;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.metertocash.payment.bank.BankAccountNumber;

/**
 * A NACHA file as operations may see it: every DFI account number masked to its last four characters, in place, so
 * the records keep their 94 characters and everything else reads as received — the entry's account (positions
 * 13–29 of a {@code 6} record) and the corrected account of a notification of change ({@code 798} addenda, corrected
 * data from position 36, placed as its change code says: C01 and C06 at 1–17, C03 at 13–29, C07 at 10–26).
 */
public final class NachaMasking {

    private static final int ENTRY_ACCOUNT_FROM = 12;
    private static final int ENTRY_ACCOUNT_TO = 29;
    private static final int CORRECTED_DATA_FROM = 35;
    /** Where each change code puts the corrected account within the corrected data: 0-based from, exclusive to. */
    private static final Map<String, int[]> CORRECTED_ACCOUNT = Map.of(
            "C01", new int[] { 0, 17 }, "C03", new int[] { 12, 29 }, "C06", new int[] { 0, 17 },
            "C07", new int[] { 9, 26 });

    private NachaMasking() {
    }

    /** A copy of the file with its account numbers masked; bytes that are not NACHA records are left as they are. */
    public static byte[] masked(byte[] file) {
        byte[] copy = file.clone();
        boolean lineBroken = false;
        for (byte b : copy) {
            if (b == '\n' || b == '\r') {
                lineBroken = true;
                break;
            }
        }
        int start = 0;
        while (start < copy.length) {
            int end;
            int next;
            if (lineBroken) {
                end = start;
                while (end < copy.length && copy[end] != '\n' && copy[end] != '\r') {
                    end++;
                }
                next = end;
                while (next < copy.length && (copy[next] == '\n' || copy[next] == '\r')) {
                    next++;
                }
            } else {
                end = Math.min(copy.length, start + NachaRecord.LENGTH);
                next = end;
            }
            maskRecord(copy, start, end);
            start = next;
        }
        return copy;
    }

    private static void maskRecord(byte[] file, int start, int end) {
        int length = end - start;
        if (length > ENTRY_ACCOUNT_FROM && file[start] == '6') {
            mask(file, start + ENTRY_ACCOUNT_FROM, Math.min(end, start + ENTRY_ACCOUNT_TO));
        } else if (length > CORRECTED_DATA_FROM && file[start] == '7' && file[start + 1] == '9'
                && file[start + 2] == '8') {
            int[] span = CORRECTED_ACCOUNT.get(new String(file, start + 3, 3, StandardCharsets.US_ASCII));
            if (span != null) {
                mask(file, start + CORRECTED_DATA_FROM + span[0], Math.min(end, start + CORRECTED_DATA_FROM + span[1]));
            }
        }
    }

    /** The field from..to (exclusive) masked as {@link BankAccountNumber#mask} masks, left-justified, padded. */
    private static void mask(byte[] file, int from, int to) {
        String value = new String(file, from, to - from, StandardCharsets.US_ASCII).strip();
        if (value.isEmpty()) {
            return;
        }
        String masked = BankAccountNumber.mask(value);
        String shown = masked.length() > to - from ? masked.substring(masked.length() - (to - from)) : masked;
        for (int i = from; i < to; i++) {
            int at = i - from;
            file[i] = (byte) (at < shown.length() ? shown.charAt(at) : ' ');
        }
    }
}
