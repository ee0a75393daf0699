package org.metertocash.edi.inbound;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.metertocash.edi.config.EdiConfig;
import org.metertocash.edi.files.EdiFile;
import org.metertocash.platform.folder.WatchedFolder;

import io.quarkus.scheduler.Scheduled;

/**
 * The inbound folder SFTP drops market files into ({@code edi.folders.inbound}). Every few seconds
 * ({@code edi.inbound-poll}) each complete file is taken exactly as an upload to {@code POST /edi/inbound} is:
 * stored whole first, then read and applied. A file is complete when it is not hidden, does not end in
 * {@code .part}/{@code .tmp}/{@code .filepart}/{@code .partial} (the names SFTP clients write under) and has not
 * changed for {@code edi.inbound-settle} (1 s). Taken files move to {@code processed/} or {@code rejected/} beside it,
 * prefixed with the stored file's id, so the folder shows what is still waiting and nothing is read twice (the folder
 * handling itself is platform-kit's {@link WatchedFolder}).
 */
@ApplicationScoped
public class InboundFolder {

    private static final Logger LOG = Logger.getLogger(InboundFolder.class);

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
        return new WatchedFolder(config.folders().inbound(), settle, "Inbound file").takeWaitingFiles(this::take);
    }

    private WatchedFolder.Taken take(byte[] content, String name) {
        IntakeResult result = intake.receive(content, name, EdiFile.Source.FOLDER);
        LOG.infof("Inbound file %s taken as %s: %s", name, result.fileId(), result.status());
        return result.clean() ? WatchedFolder.Taken.processed(result.fileId())
                : WatchedFolder.Taken.rejected(result.fileId());
    }
}
