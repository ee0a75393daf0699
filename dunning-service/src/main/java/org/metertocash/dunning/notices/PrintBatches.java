package org.metertocash.dunning.notices;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;
import org.metertocash.platform.workqueue.WorkQueue;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The print vendor's batches. A run takes every printed notice issued by the day and not yet sent, renders one PDF
 * per notice from its kind's template and a manifest, and keeps them (one transaction); it then writes them as a
 * folder of their own in the outbound folder (written aside and renamed, so the vendor never sees half a batch) and
 * marks the notices sent. A batch whose folder could not be written is written again on the next run. Each run also
 * looks for notices not sent in time.
 *
 * <p>One run at a time across replicas (a database advisory lock); a notice is in one batch only.
 */
@ApplicationScoped
public class PrintBatches {

    private static final Logger LOG = Logger.getLogger(PrintBatches.class);
    /** The advisory lock key of the batch run; "NOTICES" in ASCII. */
    private static final long LOCK = 0x4e4f5449434553L;
    private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    /** A batch could not be written to the outbound folder (reference: the batch id); retried on every run. */
    public static final String PRINT_BATCH_NOT_DELIVERED = "PRINT_BATCH_NOT_DELIVERED";

    /** What a run did: the batch it made (if any), with its notices, and whether its folder was written. */
    public record Outcome(LocalDate date, Optional<UUID> batchId, int notices, int notRendered, boolean delivered) {
    }

    @Inject
    NoticesConfig config;

    @Inject
    NoticeDeadlines deadlines;

    @Inject
    WorkQueue workQueue;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** Makes and writes the batch of {@code date}: the printed notices issued on or before it and not yet sent. */
    public Outcome run(LocalDate date, String actor) {
        deliverPending();
        Made made = QuarkusTransaction.requiringNew().call(() -> make(date, actor));
        boolean delivered = false;
        if (made.batchId() != null) {
            delivered = deliver(made.batchId());
            LOG.infof("Print batch %s for %s: %d notice(s)%s", made.batchId(), date, made.notices(),
                    delivered ? "" : " (not yet written to the outbound folder)");
        }
        deadlines.check();
        return new Outcome(date, Optional.ofNullable(made.batchId()), made.notices(), made.notRendered(), delivered);
    }

    /** Writes the batches kept but not yet written to the outbound folder. */
    public void deliverPending() {
        List<UUID> pending = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select b.id from PrintBatch b where b.deliveredAt is null order by b.createdAt", UUID.class)
                .getResultList());
        pending.forEach(this::deliver);
    }

    private record Made(UUID batchId, int notices, int notRendered) {
    }

    private Made make(LocalDate date, String actor) {
        Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)").setParameter(1, LOCK)
                .getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return new Made(null, 0, 0); // another replica is making a batch
        }
        List<Notice> due = Notice.<Notice> find("channel = ?1 and sentAt is null and batchId is null "
                + "and sendProblem is null and issuedOn <= ?2 order by issuedAt, id", NoticeChannel.PRINT, date)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        if (due.isEmpty()) {
            return new Made(null, 0, 0);
        }
        Instant now = clock.instant();
        NoticeLetter.Letterhead letterhead = letterhead();
        UUID batchId = UUID.randomUUID();
        List<NoticeDocument> documents = new ArrayList<>();
        List<PrintManifest.Entry> entries = new ArrayList<>();
        int notRendered = 0;
        for (Notice notice : due) {
            byte[] pdf;
            try {
                NoticeLetter letter = NoticeLetter.of(notice);
                pdf = NoticePdf.render(NoticeTemplate.of(notice.kind).fill(letter.values(letterhead)),
                        words(notice.kind) + " " + notice.id);
            } catch (RuntimeException e) {
                // kept unsent with the reason; operations see it at once
                notRendered++;
                notice.sendProblem = "could not be rendered: " + e.getMessage();
                if (notice.notSentReportedAt == null) {
                    notice.notSentReportedAt = now;
                    workQueue.raise(Notices.NOTICE_NOT_SENT, notice.esiId, notice.id.toString(), "The "
                            + Notices.words(notice) + " " + notice.id + " of account " + notice.accountNumber
                            + " could not be rendered for printing: " + e.getMessage(),
                            Notices.details(notice, notice.sendProblem));
                }
                LOG.errorf(e, "Notice %s could not be rendered", notice.id);
                continue;
            }
            NoticeDocument document = new NoticeDocument();
            document.noticeId = notice.id;
            document.batchId = batchId;
            document.fileName = notice.id + ".pdf";
            document.sha256 = sha256(pdf);
            document.content = pdf;
            document.renderedAt = now;
            documents.add(document);
            notice.batchId = batchId;
            entries.add(new PrintManifest.Entry(notice.id, notice.accountNumber, notice.esiId, notice.kind,
                    notice.recipientName, notice.addressLine1, notice.addressLine2, notice.city, notice.state,
                    notice.zip, notice.amount, notice.disconnectDate, document.fileName, document.sha256));
        }
        if (documents.isEmpty()) {
            return new Made(null, 0, notRendered);
        }
        byte[] manifest = PrintManifest.write(entries);
        PrintBatch batch = new PrintBatch();
        batch.id = batchId;
        batch.batchDate = date;
        batch.folder = "PRINT_" + BASIC_DATE.format(date) + "_" + batchId.toString().substring(0, 8);
        batch.noticeCount = documents.size();
        batch.manifestFile = PrintManifest.FILE_NAME;
        batch.manifest = manifest;
        batch.manifestSha256 = sha256(manifest);
        batch.createdBy = actor;
        batch.createdAt = now;
        batch.persist();
        em.flush(); // the batch row before the notices and documents that refer to it
        documents.forEach(d -> d.persist());
        return new Made(batchId, documents.size(), notRendered);
    }

    /** Writes a kept batch to its folder and marks its notices sent; false when the folder could not be written. */
    boolean deliver(UUID batchId) {
        BatchFiles files = QuarkusTransaction.requiringNew().call(() -> {
            PrintBatch batch = PrintBatch.findById(batchId);
            List<FileToWrite> contents = new ArrayList<>();
            for (NoticeDocument document : NoticeDocument.<NoticeDocument> list("batchId", batchId)) {
                contents.add(new FileToWrite(document.fileName, document.content));
            }
            contents.add(new FileToWrite(batch.manifestFile, batch.manifest)); // the manifest last
            return new BatchFiles(batch.folder, contents);
        });
        try {
            write(files);
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "Print batch %s could not be written to %s", batchId, config.outbound());
            QuarkusTransaction.requiringNew().run(() -> {
                PrintBatch batch = PrintBatch.findById(batchId);
                batch.deliveryError = e.toString();
                workQueue.raise(PRINT_BATCH_NOT_DELIVERED, null, batchId.toString(), "Print batch " + batchId + " ("
                        + batch.noticeCount + " notice(s)) could not be written to the outbound folder "
                        + config.outbound() + ": " + e.getMessage() + " (written again on every run)",
                        Map.of("batchId", batchId.toString(), "folder", batch.folder, "error", e.toString()));
            });
            return false;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = clock.instant();
            PrintBatch batch = PrintBatch.findById(batchId);
            batch.deliveredAt = now;
            batch.deliveryError = null;
            for (Notice notice : Notice.<Notice> list("batchId", batchId)) {
                notice.sentAt = now;
                workQueue.closeByReference(Notices.NOTICE_NOT_SENT, notice.id.toString(), WorkQueue.SYSTEM,
                        "sent in print batch " + batchId);
            }
            workQueue.closeByReference(PRINT_BATCH_NOT_DELIVERED, batchId.toString(), WorkQueue.SYSTEM,
                    "written to " + batch.folder);
        });
        return true;
    }

    private record FileToWrite(String name, byte[] content) {
    }

    private record BatchFiles(String folder, List<FileToWrite> files) {
    }

    private void write(BatchFiles batch) throws IOException {
        Path outbound = Path.of(config.outbound());
        Files.createDirectories(outbound);
        Path target = outbound.resolve(batch.folder());
        if (Files.isDirectory(target)) {
            return; // written before (renamed into place whole); only marking it failed
        }
        Path part = outbound.resolve("." + batch.folder() + ".part");
        if (Files.exists(part)) {
            try (Stream<Path> old = Files.walk(part)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(part);
        for (FileToWrite file : batch.files()) {
            Files.write(part.resolve(file.name()), file.content());
        }
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
    }

    NoticeLetter.Letterhead letterhead() {
        NoticesConfig.Letterhead l = config.letterhead();
        return new NoticeLetter.Letterhead(l.companyName(), l.phone(), l.hours(), l.payOnline(), l.payByMail(),
                l.payInPerson(), l.assistance());
    }

    private static String words(NoticeKind kind) {
        String words = kind.name().replace('_', ' ').toLowerCase();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
