package org.metertocash.payment.files.csv;

import java.util.List;
import java.util.Set;

/**
 * The CSV layout pay agents and our lockbox bank send payments in (documented for partners in
 * {@code docs/payment-files.md}). UTF-8, RFC 4180 quoting, CRLF or LF line ends. The first row names the columns,
 * in any order; every later row is one record whose {@code record_type} says what it is:
 *
 * <pre>
 * record_type,batch_id,account_number,esi_id,amount,currency,channel,external_reference,received_at,control_count
 * PAYMENT,AGENT42-20261123-1,0000000018,,125.40,USD,PAY_AGENT,RCPT-000981,2026-11-23T09:14:05-06:00,
 * PAYMENT,AGENT42-20261123-1,,10443720000012345,60.00,USD,CASH,"RCPT-000982, counter 2",2026-11-23T09:20:00-06:00,
 * BATCH_CONTROL,AGENT42-20261123-1,,,185.40,,,,,2
 * FILE_CONTROL,,,,185.40,,,,,2
 * </pre>
 *
 * <ul>
 * <li>{@code PAYMENT} — one payment: {@code account_number} (our billing account) and/or {@code esi_id}, at least
 * one; {@code amount} more than zero, at most two decimals, no sign, separators or currency symbol;
 * {@code currency} empty or USD; {@code channel} one of CARD, ACH, CHECK, CASH, PAY_AGENT;
 * {@code external_reference} the agent's receipt number; {@code received_at} ISO-8601: an instant with its offset
 * ({@code 2026-11-23T09:14:05-06:00}), or a local date-time or a date, read in the market's time zone; not later
 * than now plus the tolerance.</li>
 * <li>{@code BATCH_CONTROL} — closes the batch named by {@code batch_id}: {@code control_count} payment rows adding up
 * to {@code amount}. The batch's payment rows come together, right before it.</li>
 * <li>{@code FILE_CONTROL} — the last row: {@code control_count} and {@code amount} are the sums of the batch control
 * rows. A file without it is truncated.</li>
 * </ul>
 *
 * Every column listed here must be in the header except {@code currency} and one of the two account columns; a
 * column not listed is refused, since a column we would silently ignore may be the one the partner meant.
 */
public final class CsvLayout {

    public static final String RECORD_TYPE = "record_type";
    public static final String BATCH_ID = "batch_id";
    public static final String ACCOUNT_NUMBER = "account_number";
    public static final String ESI_ID = "esi_id";
    public static final String AMOUNT = "amount";
    public static final String CURRENCY = "currency";
    public static final String CHANNEL = "channel";
    public static final String EXTERNAL_REFERENCE = "external_reference";
    public static final String RECEIVED_AT = "received_at";
    public static final String CONTROL_COUNT = "control_count";

    public static final String PAYMENT = "PAYMENT";
    public static final String BATCH_CONTROL = "BATCH_CONTROL";
    public static final String FILE_CONTROL = "FILE_CONTROL";

    /** The header of a file with every column, in the documented order. */
    public static final List<String> COLUMNS = List.of(RECORD_TYPE, BATCH_ID, ACCOUNT_NUMBER, ESI_ID, AMOUNT, CURRENCY,
            CHANNEL, EXTERNAL_REFERENCE, RECEIVED_AT, CONTROL_COUNT);

    /** Columns a header must have (besides one of account_number and esi_id). */
    public static final Set<String> REQUIRED = Set.of(RECORD_TYPE, BATCH_ID, AMOUNT, CHANNEL, EXTERNAL_REFERENCE,
            RECEIVED_AT, CONTROL_COUNT);

    /** The only currency a payment may be in. */
    public static final String CURRENCY_USD = "USD";

    private CsvLayout() {
    }
}
