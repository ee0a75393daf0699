package org.metertocash.payment.files.intake;

import java.util.List;
import java.util.UUID;

import org.metertocash.payment.files.nacha.AchEntry;
import org.metertocash.platform.events.Cause;

/**
 * Where ACH returns and notifications of change read from a NACHA file go: the returns processing (match the original
 * debit, {@code PaymentReturned}, the returned-payment fee, the mandate's NOC update) implements this as a CDI bean.
 * The intake calls it in the transaction that records the file's entries, with each entry once: an entry whose network
 * key ({@link AchEntry#idempotencyKey()}: original trace and reason or change code) was recorded before, from this
 * file or another, is a DUPLICATE and is not handed over again.
 *
 * <p>While no bean implements it, the entries are kept as {@code payment_file_kept_line} rows in status RECORDED (the raw
 * file is kept too: the entries can be read again from the stored file, {@link PaymentFileContent}, by line number) and an
 * {@value PaymentFileIntake#ACH_RETURNS_UNPROCESSED} work item tells operations; the returns processing, once
 * deployed, takes the RECORDED lines as its backlog.
 */
public interface AchReturnsProcessing {

    /**
     * @param fileId  the stored NACHA file
     * @param entries its returns and NOCs not seen before, in file order (account numbers print masked)
     * @param cause   correlation for the events the processing publishes
     */
    void received(UUID fileId, List<AchEntry> entries, Cause cause);
}
