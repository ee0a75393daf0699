package org.metertocash.edi.inbound;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.metertocash.edi.config.EdiConfig;
import org.metertocash.edi.files.EdiFile;

import io.quarkus.scheduler.Scheduled;

/**
 * The inbound folder SFTP drops market files into ({@code edi.folders.inbound}). Every few seconds
 * ({@code edi.inbound-poll}) each complete file is taken exactly as an upload to {@code POST /edi/inbound} is:
 * stored whole first, then read and applied. A file is complete when it is not hidden, does not end in
 * {@code .part}/{@code .tmp}/{@code .filepart} (the names SFTP clients write under) and has not changed for
 * {@code edi.inbound-settle} (1 s). Taken files move to {@code processed/} or {@code rejected/} beside it, prefixed
 * with the stored file's id, so the folder shows what is still waiting and nothing is read twice.
 */
@ApplicationScoped
public class InboundFolder {

    private static final Logger LOG = Logger.getLogger(InboundFolder.class);
    private static final List<String> IN_PROGRESS = List.of(".part", ".tmp", ".filepart", ".partial");

    @Inject
    EdiConfig config;

    @Inject
    InboundIntake intake;

    @ConfigProperty(name = "edi.inbound-settle", defaultValue = "PT1S")
    Duration settle;

    @ConfigProperty(name = "edi.inbound-folder.enabled", defaultValue = "true")
    boolean enabled;

    @Scheduled(every = "${edi.inbound-poll:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (enabled) {
            takeWaitingFiles();
        }
    }

    /** Takes every complete file waiting in the folder, oldest first; returns how many were taken. */
    public int takeWaitingFiles() {
        Path folder = config.folders().inbound();
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        List<Path> waiting;
        try (Stream<Path> files = Files.list(folder)) {
            waiting = files.filter(Files::isRegularFile).filter(this::complete)
                    .sorted(Comparator.comparing(InboundFolder::modified)).toList();
        } catch (IOException e) {
            LOG.warnf("Inbound folder %s cannot be listed: %s", folder, e.toString());
            return 0;
        }
        int taken = 0;
        for (Path file : waiting) {
            try {
                take(file);
                taken++;
            } catch (IOException | RuntimeException e) {
                // left in place and tried again on the next poll; the intake itself never loses a stored file
                LOG.errorf(e, "Inbound file %s could not be taken; it stays in the folder", file);
            }
        }
        return taken;
    }

    private void take(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        String name = file.getFileName().toString();
        IntakeResult result = intake.receive(content, name, EdiFile.Source.FOLDER);
        Path target = file.resolveSibling(result.clean() ? "processed" : "rejected");
        Files.createDirectories(target);
        Files.move(file, target.resolve(result.fileId() + "_" + name), StandardCopyOption.REPLACE_EXISTING);
        LOG.infof("Inbound file %s taken as %s: %s", name, result.fileId(), result.status());
    }

    private boolean complete(Path file) {
        String name = file.getFileName().toString();
        if (name.startsWith(".") || IN_PROGRESS.stream().anyMatch(name.toLowerCase(Locale.ROOT)::endsWith)) {
            return false;
        }
        // file times are the file system's wall clock, not business time: compared with the wall clock
        return modified(file).toMillis() + settle.toMillis() < System.currentTimeMillis();
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(Long.MAX_VALUE / 2);
        }
    }
}
