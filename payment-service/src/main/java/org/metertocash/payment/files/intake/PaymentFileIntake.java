package org.metertocash.payment.files.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;
import org.metertocash.payment.files.ControlTotals;
import org.metertocash.payment.files.FileBatch;
import org.metertocash.payment.files.FileChecksum;
import org.metertocash.payment.files.FileLine;
import org.metertocash.payment.files.FileProblem;
import org.metertocash.payment.files.ParsedPaymentFile;
import org.metertocash.payment.files.PaymentFileFormat;
import org.metertocash.payment.files.PaymentLine;
import org.metertocash.payment.files.nacha.AchEntry;
import org.metertocash.payment.posting.PaymentInstruction;
import org.metertocash.payment.posting.PaymentRules;
import org.metertocash.platform.problem.FieldError;
import org.metertocash.platform.workqueue.WorkQueue;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Takes a payment file in, from the API or the inbound folder. The bytes are stored first, with their SHA-256, in a
 * transaction of their own: whatever happens next, the file is kept (an ACH file encrypted, {@link PaymentFileContent}). The same bytes received again are recognised by
 * the checksum and nothing is done a second time. Then the file is read and judged, in one transaction:
 *
 * <ul>
 * <li><b>malformed</b> — a structure problem (wrong record length, unknown record type, truncated file …) or a value
 * that breaks the payment rules anywhere: REJECTED, nothing posted, the problems listed by line, a
 * {@value #FILE_REJECTED} work item;</li>
 * <li><b>out of balance</b> — a batch whose control record disagrees with what it holds is HELD with a
 * {@value #BATCH_OUT_OF_BALANCE} work item (declared and computed totals) and nothing from it posts, while the other
 * batches post; a file whose own trailer disagrees with its batches is held whole
 * ({@value #FILE_OUT_OF_BALANCE});</li>
 * <li>otherwise its payment lines are handed to {@link PaymentFilePosting}, which posts them in chunks on a worker
 * thread; a NACHA file's returns and notifications of change are recorded and handed to the returns processing
 * ({@link AchReturnsProcessing}).</li>
 * </ul>
 */
@ApplicationScoped
public class PaymentFileIntake {

    private static final Logger LOG = Logger.getLogger(PaymentFileIntake.class);

    /** A malformed file: reference = file id, {@code details.problems} = the first problems by line. */
    public static final String FILE_REJECTED = "PAYMENT_FILE_REJECTED";
    /** A batch held because its control totals disagree: reference = {@code <file id>/<batch seq>}. */
    public static final String BATCH_OUT_OF_BALANCE = "PAYMENT_BATCH_OUT_OF_BALANCE";
    /** A file held whole because its trailer disagrees with its batch control records: reference = file id. */
    public static final String FILE_OUT_OF_BALANCE = "PAYMENT_FILE_OUT_OF_BALANCE";
    /** A stored file whose reading failed for a reason of ours (it is read again): reference = file id. */
    public static final String FILE_NOT_READ = "PAYMENT_FILE_NOT_READ";
    /** ACH returns or NOCs recorded while nothing processes returns yet: reference = file id. */
    public static final String ACH_RETURNS_UNPROCESSED = "ACH_RETURNS_UNPROCESSED";

    static final int MAX_PROBLEMS_KEPT = 1000;
    private static final int MAX_PROBLEMS_IN_WORK_ITEM = 20;

    /** What the intake did with a file: its id, whether it had been received before, and its status now. */
    public record Received(UUID fileId, boolean duplicate, PaymentFileStatus status) {
    }

    @Inject
    PaymentFileReaders readers;

    @Inject
    PaymentRules rules;

    @Inject
    WorkQueue workQueue;

    @Inject
    Clock clock;

    @Inject
    PaymentFilePosting posting;

    @Inject
    AchReturnRecording achReturns;

    @Inject
    PaymentFileContent storedContent;

    /**
     * Stores, reads and judges a file; its lines post afterwards on the posting worker.
     *
     * @param format the format the sender declared, or {@code null} to tell it from the content
     */
    public Received receive(byte[] content, String fileName, PaymentFileFormat format, PaymentFile.Source source,
            String submittedBy) {
        byte[] bytes = content == null ? new byte[0] : content;
        String sha256 = FileChecksum.sha256(bytes);
        Optional<PaymentFile> original = findBySha256(sha256);
        if (original.isPresent()) {
            return duplicate(original.get(), fileName);
        }
        UUID id;
        try {
            id = store(bytes, sha256, fileName, format != null ? format : PaymentFileFormat.detect(bytes), source,
                    submittedBy);
        } catch (RuntimeException e) {
            // the same bytes arriving twice at the same moment: the unique checksum lets one through
            Optional<PaymentFile> winner = findBySha256(sha256);
            if (winner.isPresent()) {
                return duplicate(winner.get(), fileName);
            }
            throw e;
        }
        return read(id, bytes);
    }

    /**
     * Reads a stored file that has not been read yet and judges it (also what a restart does with a file it finds
     * RECEIVED); a file already judged is left as it is.
     */
    public Received read(UUID fileId) {
        return read(fileId, null);
    }

    /** A stored file as the reading needs it. */
    private record Stored(PaymentFileStatus status, PaymentFileFormat format, byte[] content) {
    }

    private Received read(UUID fileId, byte[] content) {
        Stored stored = QuarkusTransaction.requiringNew().call(() -> {
            PaymentFile file = PaymentFile.findById(fileId);
            boolean unread = file.status == PaymentFileStatus.RECEIVED;
            return new Stored(file.status, file.format,
                    unread && content == null ? storedContent.bytes(file) : content);
        });
        if (stored.status() != PaymentFileStatus.RECEIVED) {
            return new Received(fileId, false, stored.status());
        }
        ParsedPaymentFile<? extends FileLine> parsed = readers.read(stored.format(), stored.content());
        PaymentFileStatus status;
        try {
            status = QuarkusTransaction.requiringNew().call(() -> judge(fileId, parsed));
        } catch (RuntimeException e) {
            // not the file's fault (the database, the returns processing): it stays RECEIVED, stored, and the sweep
            // reads it again; operations see it meanwhile
            LOG.errorf(e, "Payment file %s could not be judged; it is read again later", fileId);
            QuarkusTransaction.requiringNew().run(() -> workQueue.raise(FILE_NOT_READ, null, fileId.toString(),
                    "Payment file " + fileId + " is stored but could not be read yet: " + e
                            + "; it is read again after payment.files.lease",
                    Map.of("fileId", fileId.toString(), "error", String.valueOf(e))));
            return new Received(fileId, false, PaymentFileStatus.RECEIVED);
        }
        PaymentFileStatus judged = status;
        QuarkusTransaction.requiringNew().run(() -> workQueue.closeByReference(FILE_NOT_READ, fileId.toString(),
                WorkQueue.SYSTEM, "read: " + judged));
        if (status == PaymentFileStatus.POSTING) {
            posting.start(fileId, parsed);
        }
        return new Received(fileId, false, status);
    }

    private Optional<PaymentFile> findBySha256(String sha256) {
        return QuarkusTransaction.requiringNew().call(() -> PaymentFile.<PaymentFile> find("sha256", sha256)
                .firstResultOptional());
    }

    private Received duplicate(PaymentFile original, String fileName) {
        LOG.infof("Payment file %s has the checksum of file %s received %s: recognised, nothing posted again",
                fileName == null ? "(unnamed)" : fileName, original.id, original.receivedAt);
        return new Received(original.id, true, original.status);
    }

    private UUID store(byte[] content, String sha256, String fileName, PaymentFileFormat format,
            PaymentFile.Source source, String submittedBy) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            PaymentFile file = new PaymentFile();
            file.id = UUID.randomUUID();
            file.sha256 = sha256;
            file.fileName = fileName == null || fileName.isBlank() ? null : abbreviate(fileName.trim(), 255);
            file.format = format;
            storedContent.keep(file, content);
            file.sizeBytes = content.length;
            file.source = source;
            file.submittedBy = abbreviate(submittedBy, 100);
            file.receivedAt = now;
            file.status = PaymentFileStatus.RECEIVED;
            file.statusChangedAt = now;
            file.persist();
            file.flush();
            LOG.infof("Payment file %s stored as %s (%s, %d bytes, sha-256 %s)", file.fileName, file.id, format,
                    content.length, sha256);
            return file.id;
        });
    }

    /** Judges a read file, in the caller's transaction; returns its status. */
    PaymentFileStatus judge(UUID fileId, ParsedPaymentFile<? extends FileLine> parsed) {
        PaymentFile file = PaymentFile.findById(fileId, LockModeType.PESSIMISTIC_WRITE);
        if (file.status != PaymentFileStatus.RECEIVED) {
            return file.status; // judged meanwhile (another replica took it after a restart)
        }
        Instant now = clock.instant();
        List<FileProblem> problems = new ArrayList<>(parsed.allProblems());
        problems.addAll(lineProblems(parsed));
        problems.sort(Comparator.comparingInt(FileProblem::lineNumber));
        boolean malformed = problems.stream().anyMatch(p -> p.kind() != FileProblem.Kind.OUT_OF_BALANCE);
        file.problems = problems.size() > MAX_PROBLEMS_KEPT ? List.copyOf(problems.subList(0, MAX_PROBLEMS_KEPT))
                : problems;
        file.problemCount = problems.size();
        if (parsed.declared() != null) {
            file.declaredCount = parsed.declared().count();
            file.declaredAmount = parsed.declared().amount();
        }
        file.computedCount = parsed.computed().count();
        file.computedAmount = parsed.computed().amount();

        Map<FileBatch<?>, Boolean> held = new IdentityHashMap<>();
        parsed.heldBatches().forEach(b -> held.put(b, Boolean.TRUE));
        List<NumberedBatch> postable = new ArrayList<>();
        int seq = 0;
        for (FileBatch<? extends FileLine> batch : parsed.batches()) {
            seq++;
            PaymentFileBatch.Status status = malformed ? PaymentFileBatch.Status.REJECTED
                    : held.containsKey(batch) ? PaymentFileBatch.Status.HELD : PaymentFileBatch.Status.POSTING;
            record(file, seq, batch, status);
            file.linesTotal += batch.lines().size();
            file.amountTotal = file.amountTotal.add(batch.linesTotal());
            if (status == PaymentFileBatch.Status.HELD) {
                hold(file, seq, batch, parsed, now);
            } else if (status == PaymentFileBatch.Status.POSTING) {
                postable.add(new NumberedBatch(seq, batch));
            }
        }
        if (malformed) {
            return reject(file, problems, now);
        }
        if (parsed.held()) {
            raiseFileOutOfBalance(file, parsed);
        }
        if (file.format == PaymentFileFormat.NACHA) {
            achReturns.record(file, postable, now);
            return finish(file, now);
        }
        file.linesToPost = postable.stream().mapToInt(b -> b.batch().lines().size()).sum();
        if (file.linesToPost == 0) {
            return finish(file, now);
        }
        setStatus(file, PaymentFileStatus.POSTING, now);
        return file.status;
    }

    /** A batch of the file with its place in it. */
    record NumberedBatch(int seq, FileBatch<? extends FileLine> batch) {
    }

    /** Every line checked against the rules every payment must meet: a file is judged whole, before anything posts. */
    private List<FileProblem> lineProblems(ParsedPaymentFile<? extends FileLine> parsed) {
        List<FileProblem> problems = new ArrayList<>();
        UUID anyFile = new UUID(0, 0);
        for (FileBatch<? extends FileLine> batch : parsed.batches()) {
            for (FileLine line : batch.lines()) {
                if (line instanceof PaymentLine payment) {
                    PaymentInstruction instruction;
                    try {
                        instruction = PaymentFileLines.instruction(anyFile, payment, "check");
                    } catch (IllegalArgumentException e) {
                        problems.add(FileProblem.invalid(line.lineNumber(), "payment", e.getMessage()));
                        continue;
                    }
                    for (FieldError error : rules.check(instruction)) {
                        problems.add(FileProblem.invalid(line.lineNumber(), error.field(), error.reason()));
                    }
                } else if (line instanceof AchEntry entry && !entry.isReturn() && !entry.isNotificationOfChange()) {
                    problems.add(FileProblem.invalid(line.lineNumber(), "addenda", "an entry that is neither a return "
                            + "(addenda 99) nor a notification of change (addenda 98): payment-service takes NACHA "
                            + "return and NOC files only"));
                }
            }
        }
        return problems;
    }

    private static void record(PaymentFile file, int seq, FileBatch<? extends FileLine> batch,
            PaymentFileBatch.Status status) {
        PaymentFileBatch row = new PaymentFileBatch();
        row.fileId = file.id;
        row.seq = seq;
        row.batchId = abbreviate(batch.id(), 200);
        row.firstLine = batch.firstLine();
        row.lastLine = batch.lastLine();
        row.status = status;
        if (batch.declared() != null) {
            row.declaredCount = batch.declared().count();
            row.declaredAmount = batch.declared().amount();
        }
        row.computedCount = batch.computed().count();
        row.computedAmount = batch.computed().amount();
        row.lineCount = batch.lines().size();
        row.lineAmount = batch.linesTotal();
        row.problems = batch.problems().size() > MAX_PROBLEMS_KEPT
                ? List.copyOf(batch.problems().subList(0, MAX_PROBLEMS_KEPT)) : batch.problems();
        row.persist();
    }

    /** Keeps the lines of a held batch, and raises the batch for operations when its own totals disagree. */
    private void hold(PaymentFile file, int seq, FileBatch<? extends FileLine> batch,
            ParsedPaymentFile<? extends FileLine> parsed, Instant now) {
        String reason = batch.problems().isEmpty()
                ? "held with the whole file: its trailer disagrees with its batches (" + parsed.problems().stream()
                        .filter(p -> p.kind() == FileProblem.Kind.OUT_OF_BALANCE).findFirst()
                        .map(FileProblem::toString).orElse("no trailer") + ")"
                : "batch " + batch.id() + " is out of balance: " + batch.problems().get(0);
        for (FileLine line : batch.lines()) {
            PaymentFileLines.held(file.id, seq, line, reason, now).persist();
            file.linesHeld++;
            file.amountHeld = file.amountHeld.add(line.amount());
        }
        if (batch.held()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("fileId", file.id.toString());
            details.put("fileName", file.fileName);
            details.put("format", file.format.name());
            details.put("batchSeq", seq);
            details.put("batchId", batch.id());
            details.put("lines", batch.firstLine() + "-" + batch.lastLine());
            details.put("declared", totals(batch.declared()));
            details.put("computed", totals(batch.computed()));
            details.put("linesHeld", batch.lines().size());
            details.put("amountHeld", batch.linesTotal().toPlainString());
            details.put("problems", batch.problems().stream().map(FileProblem::toString).toList());
            workQueue.raise(BATCH_OUT_OF_BALANCE, null, file.id + "/" + seq, "Batch " + batch.id() + " of payment file "
                    + name(file) + " is held, nothing from it posted: declares " + describe(batch.declared())
                    + ", holds " + describe(batch.computed()), details);
        }
    }

    private void raiseFileOutOfBalance(PaymentFile file, ParsedPaymentFile<? extends FileLine> parsed) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fileId", file.id.toString());
        details.put("fileName", file.fileName);
        details.put("format", file.format.name());
        details.put("declared", totals(parsed.declared()));
        details.put("computed", totals(parsed.computed()));
        details.put("linesHeld", file.linesHeld);
        details.put("amountHeld", file.amountHeld.toPlainString());
        details.put("problems", parsed.problems().stream().map(FileProblem::toString).toList());
        workQueue.raise(FILE_OUT_OF_BALANCE, null, file.id.toString(), "Payment file " + name(file)
                + " is held whole, nothing posted: its trailer declares " + describe(parsed.declared())
                + ", its batches add up to " + describe(parsed.computed()), details);
    }

    private PaymentFileStatus reject(PaymentFile file, List<FileProblem> problems, Instant now) {
        setStatus(file, PaymentFileStatus.REJECTED, now);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fileId", file.id.toString());
        details.put("fileName", file.fileName);
        details.put("format", file.format.name());
        details.put("sha256", file.sha256);
        details.put("problemCount", problems.size());
        details.put("problems", problems.stream().limit(MAX_PROBLEMS_IN_WORK_ITEM).map(FileProblem::toString)
                .toList());
        workQueue.raise(FILE_REJECTED, null, file.id.toString(), "Payment file " + name(file) + " rejected, nothing "
                + "posted: " + problems.size() + " problem(s), the first " + problems.get(0), details);
        LOG.warnf("Payment file %s (%s) rejected: %d problem(s), the first %s", file.id, name(file), problems.size(),
                problems.get(0));
        return file.status;
    }

    /**
     * The end state of a file with nothing (more) to post, also after operations released or rejected a held batch:
     * see {@link PaymentFileStatus}.
     */
    static PaymentFileStatus finish(PaymentFile file, Instant now) {
        PaymentFileBatch.update("status = ?1 where fileId = ?2 and status = ?3", PaymentFileBatch.Status.POSTED,
                file.id, PaymentFileBatch.Status.POSTING);
        boolean anyHeld = PaymentFileBatch.count("fileId = ?1 and status = ?2", file.id,
                PaymentFileBatch.Status.HELD) > 0;
        boolean anyPosted = PaymentFileBatch.count("fileId = ?1 and status in ?2", file.id,
                List.of(PaymentFileBatch.Status.POSTED, PaymentFileBatch.Status.RELEASED)) > 0;
        boolean allRejected = !anyHeld && !anyPosted && PaymentFileBatch.count("fileId = ?1 and reviewAction = ?2",
                file.id, PaymentFileBatch.ReviewAction.REJECT) > 0;
        setStatus(file, anyHeld ? (anyPosted ? PaymentFileStatus.PARTIALLY_HELD : PaymentFileStatus.HELD)
                : allRejected ? PaymentFileStatus.REJECTED : PaymentFileStatus.POSTED, now);
        file.leaseUntil = null;
        if (file.postingStartedAt != null) {
            file.postingFinishedAt = now;
        }
        return file.status;
    }

    private static void setStatus(PaymentFile file, PaymentFileStatus status, Instant now) {
        file.status = status;
        file.statusChangedAt = now;
    }

    private static Map<String, Object> totals(ControlTotals totals) {
        if (totals == null) {
            return null;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("count", totals.count());
        map.put("amount", totals.amount().toPlainString());
        return map;
    }

    private static String describe(ControlTotals totals) {
        return totals == null ? "nothing (no control record)" : totals.count() + " / $" + totals.amount().toPlainString();
    }

    static String name(PaymentFile file) {
        return file.fileName == null ? file.id.toString() : file.fileName + " (" + file.id + ")";
    }

    static String abbreviate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
