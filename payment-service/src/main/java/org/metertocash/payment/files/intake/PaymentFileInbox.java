package org.metertocash.payment.files.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * The folder partners (or their SFTP) drop payment files into ({@code payment.files.inbound}). Every few seconds
 * ({@code payment.files.inbound-poll}) each complete file is taken exactly as an upload to {@code POST /payment-files}
 * is — stored whole with its checksum first, then read, judged and posted — with its format told from its content. A
 * file is complete when it is not hidden, does not end in {@code .part}/{@code .tmp}/{@code .filepart}/
 * {@code .partial} (the names upload clients write under) and has not changed for {@code payment.files.inbound-settle}.
 * Taken files move to {@code processed/} (a file received before too) or {@code rejected/} inside the folder,
 * prefixed with the stored file's id, so the folder shows what is still waiting and nothing is read twice.
 */
@ApplicationScoped
public class PaymentFileInbox {

    private static final Logger LOG = Logger.getLogger(PaymentFileInbox.class);
    private static final List<String> IN_PROGRESS = List.of(".part", ".tmp", ".filepart", ".partial");
    /** Who the files of the folder are recorded as submitted by. */
    public static final String SUBMITTED_BY = "inbound-folder";

    @Inject
    PaymentFilesConfig config;

    @Inject
    PaymentFileIntake intake;

    @Scheduled(every = "${payment.files.inbound-poll:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (config.inboundEnabled()) {
            takeWaitingFiles();
        }
    }

    /** Takes every complete file waiting in the folder, oldest first; returns how many were taken. */
    public int takeWaitingFiles() {
        Path folder = config.inbound();
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        List<Path> waiting;
        try (Stream<Path> files = Files.list(folder)) {
            waiting = files.filter(Files::isRegularFile).filter(this::complete)
                    .sorted(Comparator.comparing(PaymentFileInbox::modified)).toList();
        } catch (IOException e) {
            LOG.warnf("Payment file folder %s cannot be listed: %s", folder, e.toString());
            return 0;
        }
        int taken = 0;
        for (Path file : waiting) {
            try {
                take(file);
                taken++;
            } catch (IOException | RuntimeException e) {
                // left in place and tried again on the next poll; a file already stored is recognised by its checksum
                LOG.errorf(e, "Payment file %s could not be taken; it stays in the folder", file);
            }
        }
        return taken;
    }

    private void take(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        String name = file.getFileName().toString();
        PaymentFileIntake.Received received = intake.receive(content, name, null, PaymentFile.Source.FOLDER,
                SUBMITTED_BY);
        Path target = file.resolveSibling(received.status() == PaymentFileStatus.REJECTED ? "rejected" : "processed");
        Files.createDirectories(target);
        Files.move(file, target.resolve(received.fileId() + "_" + name), StandardCopyOption.REPLACE_EXISTING);
        LOG.infof("Payment file %s taken from the folder as %s: %s%s", name, received.fileId(), received.status(),
                received.duplicate() ? " (received before: nothing posted again)" : "");
    }

    private boolean complete(Path file) {
        String name = file.getFileName().toString();
        if (name.startsWith(".") || IN_PROGRESS.stream().anyMatch(name.toLowerCase(Locale.ROOT)::endsWith)) {
            return false;
        }
        // file times are the file system's wall clock, not business time: compared with the wall clock
        return modified(file).toMillis() + config.inboundSettle().toMillis() < System.currentTimeMillis();
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(Long.MAX_VALUE / 2);
        }
    }
}
