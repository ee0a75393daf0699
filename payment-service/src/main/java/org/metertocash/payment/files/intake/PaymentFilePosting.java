package org.metertocash.payment.files.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.metertocash.payment.files.FileBatch;
import org.metertocash.payment.files.FileLine;
import org.metertocash.payment.files.ParsedPaymentFile;
import org.metertocash.payment.files.PaymentFileFormat;
import org.metertocash.payment.files.PaymentLine;
import org.metertocash.payment.posting.PaymentInstruction;
import org.metertocash.payment.posting.PaymentPosting;
import org.metertocash.platform.events.Cause;
import org.metertocash.platform.workqueue.WorkQueue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Posts the lines of a payment file on a worker thread, in chunks of {@code payment.files.chunk-size} lines. Each
 * chunk is one transaction: its payments (through {@link PaymentPosting#postAll}, which matches accounts in bulk,
 * writes the payments and their {@code PaymentPosted} outbox rows, and sends unmatched money to suspense), and the
 * file's counters and cursor ({@code lines_done}). So after a crash the file resumes exactly after the last committed
 * chunk; and should anything else have posted a line, its idempotency key ({@code file:<file id>:<line>}) makes it a
 * repeat, never a second payment.
 *
 * <p>A worker holds a file under a lease ({@code payment.files.lease}) that each chunk renews; files left RECEIVED
 * or POSTING without a live lease (this instance restarted, or another replica died) are taken up by the sweep. A
 * chunk that fails is posted again line by line, so one bad line fails alone: it is kept as FAILED with the reason
 * and a {@value #LINES_FAILED} work item.
 */
@ApplicationScoped
public class PaymentFilePosting {

    private static final Logger LOG = Logger.getLogger(PaymentFilePosting.class);

    /** Lines of a file that could not be posted: reference = file id. */
    public static final String LINES_FAILED = "PAYMENT_FILE_LINES_FAILED";

    @Inject
    PaymentPosting posting;

    @Inject
    PaymentFilesConfig config;

    @Inject
    PaymentFileReaders readers;

    @Inject
    PaymentFileIntake intake;

    @Inject
    PaymentFileContent storedContent;

    @Inject
    WorkQueue workQueue;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    private final Set<UUID> running = ConcurrentHashMap.newKeySet();
    private ExecutorService worker;
    private volatile boolean stopping;

    @PostConstruct
    void startWorker() {
        worker = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "payment-file-posting");
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stopWorker() {
        stopping = true;
        worker.shutdown();
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // give the files back at once, so that the next start (or another replica) resumes them without waiting
        for (UUID fileId : running) {
            try {
                QuarkusTransaction.requiringNew().run(() -> PaymentFile.update("leaseUntil = null where id = ?1",
                        fileId));
            } catch (RuntimeException e) {
                LOG.debugf("lease of payment file %s not released: %s", fileId, e.getMessage());
            }
        }
    }

    /** Whether a worker of this instance is posting the file now. */
    public boolean isPosting(UUID fileId) {
        return running.contains(fileId);
    }

    /** Takes a POSTING file onto the worker, unless a live lease says another worker has it. */
    void start(UUID fileId, ParsedPaymentFile<? extends FileLine> parsed) {
        if (stopping || running.contains(fileId) || !claim(fileId)) {
            return;
        }
        running.add(fileId);
        try {
            worker.execute(() -> {
                try {
                    post(fileId, parsed);
                } catch (RuntimeException e) {
                    // the lease runs out and the sweep takes the file up again from its last committed chunk
                    LOG.errorf(e, "Posting payment file %s stopped; it resumes from its last committed chunk", fileId);
                } finally {
                    running.remove(fileId);
                }
            });
        } catch (RuntimeException rejected) {
            running.remove(fileId);
            throw rejected;
        }
    }

    /**
     * Takes up files nobody is working on: RECEIVED ones not read within a lease (the service stopped between
     * storing and reading them) and POSTING ones whose lease ran out.
     */
    @Scheduled(every = "${payment.files.sweep-every:5s}", delayed = "${payment.files.sweep-delay:3s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void resumeUnfinished() {
        if (stopping) {
            return;
        }
        Instant now = clock.instant();
        List<Object[]> waiting = QuarkusTransaction.requiringNew().call(() -> em.createQuery("""
                select f.id, f.status from PaymentFile f
                where (f.status = ?1 and f.receivedAt < ?2) or (f.status = ?3 and (f.leaseUntil is null or f.leaseUntil < ?4))
                order by f.receivedAt""", Object[].class)
                .setParameter(1, PaymentFileStatus.RECEIVED).setParameter(2, now.minus(config.lease()))
                .setParameter(3, PaymentFileStatus.POSTING).setParameter(4, now)
                .setMaxResults(20).getResultList());
        for (Object[] row : waiting) {
            UUID fileId = (UUID) row[0];
            if (running.contains(fileId)) {
                continue;
            }
            try {
                if (row[1] == PaymentFileStatus.RECEIVED) {
                    LOG.infof("Payment file %s was stored but not read: reading it now", fileId);
                    intake.read(fileId);
                } else {
                    LOG.infof("Payment file %s is unfinished and nobody holds it: resuming it", fileId);
                    resume(fileId);
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "Payment file %s could not be taken up; tried again on the next sweep", fileId);
            }
        }
    }

    private void resume(UUID fileId) {
        PaymentFileFormat format = QuarkusTransaction.requiringNew().call(() -> PaymentFile.<PaymentFile> findById(fileId)
                .format);
        start(fileId, readers.read(format, storedContent.bytes(fileId)));
    }

    private boolean claim(UUID fileId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            return PaymentFile.update("leaseUntil = ?1 where id = ?2 and status = ?3 and (leaseUntil is null or "
                    + "leaseUntil < ?4)", now.plus(config.lease()), fileId, PaymentFileStatus.POSTING, now) == 1;
        });
    }

    /** A line to post with the batch it belongs to. */
    private record Numbered(int batchSeq, PaymentLine line) {
    }

    /** What the file's row says when the worker takes it. */
    private record Start(String submittedBy, int linesToPost, int linesDone, String name) {
    }

    private void post(UUID fileId, ParsedPaymentFile<? extends FileLine> parsed) {
        Set<Integer> posting = new HashSet<>(QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select b.seq from PaymentFileBatch b where b.fileId = ?1 and b.status = ?2", Integer.class)
                .setParameter(1, fileId).setParameter(2, PaymentFileBatch.Status.POSTING).getResultList()));
        List<Numbered> lines = new ArrayList<>();
        int seq = 0;
        for (FileBatch<? extends FileLine> batch : parsed.batches()) {
            seq++;
            if (posting.contains(seq)) {
                for (FileLine line : batch.lines()) {
                    lines.add(new Numbered(seq, (PaymentLine) line));
                }
            }
        }
        Start start = QuarkusTransaction.requiringNew().call(() -> {
            PaymentFile file = PaymentFile.findById(fileId);
            if (file.postingStartedAt == null) {
                file.postingStartedAt = clock.instant();
            }
            return new Start(file.submittedBy, file.linesToPost, file.linesDone, PaymentFileIntake.name(file));
        });
        if (lines.size() != start.linesToPost()) {
            // the stored bytes no longer read the way they did (a reader changed): post nothing on a guess
            workQueue.raise(LINES_FAILED, null, fileId.toString(), "Payment file " + start.name() + " cannot be "
                    + "resumed: it now reads as " + lines.size() + " lines to post, it was judged with "
                    + start.linesToPost(), Map.of("fileId", fileId.toString()));
            throw new IllegalStateException("payment file " + fileId + " reads as " + lines.size()
                    + " lines to post, judged with " + start.linesToPost());
        }
        Cause cause = Cause.correlatedWith(fileId.toString());
        long began = System.nanoTime();
        int every = Math.max(1, config.progressLogEvery());
        int logged = start.linesDone() / every;
        if (start.linesDone() > 0) {
            LOG.infof("Payment file %s: resuming after %,d of %,d lines", start.name(), start.linesDone(), lines.size());
        }
        while (!stopping) {
            Chunk chunk;
            try {
                chunk = QuarkusTransaction.requiringNew().call(() -> postChunk(fileId, lines, start.submittedBy(),
                        cause));
            } catch (RuntimeException e) {
                LOG.warnf("Payment file %s: a chunk failed (%s); posting its lines one by one", fileId, rootMessage(e));
                chunk = lineByLine(fileId, lines, start.submittedBy(), cause);
            }
            if (chunk.done() / every > logged || chunk.finished()) {
                logged = chunk.done() / every;
                LOG.infof("Payment file %s: %,d of %,d lines done (%,d posted, %,d unapplied, %,d failed) in %.1f s%s",
                        start.name(), chunk.done(), lines.size(), chunk.posted(), chunk.unapplied(), chunk.failed(),
                        (System.nanoTime() - began) / 1e9, chunk.finished() ? ": " + chunk.status() : "");
            }
            if (chunk.finished()) {
                return;
            }
        }
    }

    /** Where the file stands after a chunk. */
    private record Chunk(int done, int posted, int unapplied, int failed, boolean finished, PaymentFileStatus status) {
    }

    /** One chunk, in the caller's (new) transaction: from the cursor, under the file row's lock. */
    private Chunk postChunk(UUID fileId, List<Numbered> lines, String submittedBy, Cause cause) {
        int from = lockCursor(fileId);
        if (from < 0 || from >= lines.size()) {
            return finishIfDone(fileId, from);
        }
        int to = Math.min(lines.size(), from + Math.max(1, config.chunkSize()));
        List<PaymentInstruction> instructions = new ArrayList<>(to - from);
        for (Numbered numbered : lines.subList(from, to)) {
            instructions.add(PaymentFileLines.instruction(fileId, numbered.line(), submittedBy));
        }
        LineTally tally = new LineTally();
        posting.postAll(instructions, cause).forEach(tally::add);
        return advance(fileId, to, tally, to == lines.size());
    }

    /** A failed chunk again, a line per transaction: a line that still fails is kept as FAILED, the rest post. */
    private Chunk lineByLine(UUID fileId, List<Numbered> lines, String submittedBy, Cause cause) {
        int from = QuarkusTransaction.requiringNew().call(() -> lockCursor(fileId));
        if (from < 0 || from >= lines.size()) {
            return QuarkusTransaction.requiringNew().call(() -> finishIfDone(fileId, lockCursor(fileId)));
        }
        int to = Math.min(lines.size(), from + Math.max(1, config.chunkSize()));
        Chunk last = null;
        for (int i = from; i < to && !stopping; i++) {
            int index = i;
            Numbered numbered = lines.get(i);
            boolean end = i + 1 == lines.size();
            try {
                last = QuarkusTransaction.requiringNew().call(() -> {
                    if (lockCursor(fileId) != index) {
                        return null;
                    }
                    LineTally tally = new LineTally();
                    posting.postAll(List.of(PaymentFileLines.instruction(fileId, numbered.line(), submittedBy)), cause)
                            .forEach(tally::add);
                    return advance(fileId, index + 1, tally, end);
                });
            } catch (RuntimeException e) {
                String reason = "could not be posted: " + rootMessage(e);
                LOG.warnf("Payment file %s line %d %s", fileId, numbered.line().lineNumber(), reason);
                last = QuarkusTransaction.requiringNew().call(() -> {
                    if (lockCursor(fileId) != index) {
                        return null;
                    }
                    PaymentFileLines.kept(fileId, numbered.batchSeq(), numbered.line(), PaymentFileLine.Status.FAILED,
                            PaymentFileIntake.abbreviate(reason, 2000), clock.instant()).persist();
                    LineTally tally = new LineTally();
                    tally.failed = 1;
                    tally.failedAmount = numbered.line().amount();
                    return advance(fileId, index + 1, tally, end);
                });
            }
            if (last == null) {
                break; // someone else advanced the file meanwhile: start again from its cursor
            }
        }
        return last != null ? last
                : QuarkusTransaction.requiringNew().call(() -> finishIfDone(fileId, lockCursor(fileId)));
    }

    /** The file's cursor under its row lock; -1 when it is no longer POSTING. */
    private int lockCursor(UUID fileId) {
        Object[] row = (Object[]) em.createNativeQuery(
                "select lines_done, status from payment_file where id = ?1 for update")
                .setParameter(1, fileId).getSingleResult();
        return PaymentFileStatus.POSTING.name().equals(row[1]) ? ((Number) row[0]).intValue() : -1;
    }

    /** Moves the cursor and the counters, renews the lease; finishes the file after its last line. */
    private Chunk advance(UUID fileId, int done, LineTally tally, boolean last) {
        em.createNativeQuery("""
                update payment_file set lines_done = ?1, lines_posted = lines_posted + ?2,
                    lines_unapplied = lines_unapplied + ?3, lines_failed = lines_failed + ?4,
                    amount_posted = amount_posted + ?5, amount_unapplied = amount_unapplied + ?6,
                    amount_failed = amount_failed + ?7, lease_until = ?8
                where id = ?9""")
                .setParameter(1, done).setParameter(2, tally.posted).setParameter(3, tally.unapplied)
                .setParameter(4, tally.failed).setParameter(5, tally.postedAmount)
                .setParameter(6, tally.unappliedAmount).setParameter(7, tally.failedAmount)
                .setParameter(8, clock.instant().plus(config.lease())).setParameter(9, fileId)
                .executeUpdate();
        return last ? finishIfDone(fileId, done) : snapshot(fileId, false);
    }

    private Chunk finishIfDone(UUID fileId, int done) {
        PaymentFile file = PaymentFile.findById(fileId);
        em.refresh(file);
        if (file.status == PaymentFileStatus.POSTING && file.linesDone >= file.linesToPost) {
            PaymentFileIntake.finish(file, clock.instant());
            if (file.linesFailed > 0) {
                raiseFailedLines(file);
            }
        }
        return new Chunk(file.linesDone, file.linesPosted, file.linesUnapplied, file.linesFailed,
                file.status.finished() || done < 0, file.status);
    }

    private Chunk snapshot(UUID fileId, boolean finished) {
        Object[] row = (Object[]) em.createNativeQuery(
                "select lines_done, lines_posted, lines_unapplied, lines_failed, status from payment_file where id = ?1")
                .setParameter(1, fileId).getSingleResult();
        return new Chunk(((Number) row[0]).intValue(), ((Number) row[1]).intValue(), ((Number) row[2]).intValue(),
                ((Number) row[3]).intValue(), finished, PaymentFileStatus.valueOf((String) row[4]));
    }

    private void raiseFailedLines(PaymentFile file) {
        List<String> failed = em.createQuery("select 'line ' || l.lineNumber || ': ' || l.reason from PaymentFileLine l "
                + "where l.fileId = ?1 and l.status = ?2 order by l.lineNumber", String.class)
                .setParameter(1, file.id).setParameter(2, PaymentFileLine.Status.FAILED).setMaxResults(20)
                .getResultList();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fileId", file.id.toString());
        details.put("fileName", file.fileName);
        details.put("linesFailed", file.linesFailed);
        details.put("amountFailed", file.amountFailed.toPlainString());
        details.put("lines", failed);
        workQueue.raise(LINES_FAILED, null, file.id.toString(), file.linesFailed + " line(s) of payment file "
                + PaymentFileIntake.name(file) + " could not be posted ($" + file.amountFailed.toPlainString()
                + "); see GET /payment-files/" + file.id + "/lines?status=FAILED", details);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
