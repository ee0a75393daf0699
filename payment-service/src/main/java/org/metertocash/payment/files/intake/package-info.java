/**
 * Payment files taken in and posted: {@code POST /payment-files} and the inbound folder ({@code PaymentFileInbox})
 * store a file's bytes with their SHA-256 before reading it (the same bytes again are recognised and change nothing);
 * {@code PaymentFileIntake} reads it with the format's reader and judges it — malformed: REJECTED with the problems by
 * line; a batch out of balance: HELD as an exception while the others post; NACHA returns and NOCs: recorded and
 * handed to the returns processing ({@code AchReturnsProcessing}); {@code PaymentFilePosting} posts the lines in
 * chunks on a worker thread through the posting service, each chunk and the file's cursor in one transaction, and
 * resumes an unfinished file after a restart; {@code HeldBatches} lets operations release a held batch (its lines
 * post, once each) or reject it, with a note; {@code PaymentFileContent} keeps an ACH file's bytes encrypted (they hold
 * customers' bank account numbers); {@code PaymentFileResource}, {@code HeldBatchResource} and
 * {@code PaymentFileProgress} show where a file stands and work it.
 */
package org.metertocash.payment.files.intake;
