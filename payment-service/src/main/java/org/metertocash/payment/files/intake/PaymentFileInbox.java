package org.metertocash.payment.files.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.metertocash.platform.folder.WatchedFolder;

import io.quarkus.scheduler.Scheduled;

/**
 * The folder partners (or their SFTP) drop payment files into ({@code payment.files.inbound}). Every few seconds
 * ({@code payment.files.inbound-poll}) each complete file is taken exactly as an upload to {@code POST /payment-files}
 * is — stored whole with its checksum first, then read, judged and posted — with its format told from its content. A
 * file is complete when it is not hidden, does not end in {@code .part}/{@code .tmp}/{@code .filepart}/
 * {@code .partial} (the names upload clients write under) and has not changed for {@code payment.files.inbound-settle}.
 * Taken files move to {@code processed/} (a file received before too) or {@code rejected/} inside the folder,
 * prefixed with the stored file's id, so the folder shows what is still waiting and nothing is read twice (the folder
 * handling itself is platform-kit's {@link WatchedFolder}).
 */
@ApplicationScoped
public class PaymentFileInbox {

    private static final Logger LOG = Logger.getLogger(PaymentFileInbox.class);
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
        return new WatchedFolder(config.inbound(), config.inboundSettle(), "Payment file")
                .takeWaitingFiles(this::take);
    }

    private WatchedFolder.Taken take(byte[] content, String name) {
        PaymentFileIntake.Received received = intake.receive(content, name, null, PaymentFile.Source.FOLDER,
                SUBMITTED_BY);
        LOG.infof("Payment file %s taken from the folder as %s: %s%s", name, received.fileId(), received.status(),
                received.duplicate() ? " (received before: nothing posted again)" : "");
        WatchedFolder.Taken taken = received.status() == PaymentFileStatus.REJECTED
                ? WatchedFolder.Taken.rejected(received.fileId())
                : WatchedFolder.Taken.processed(received.fileId());
        // an ACH file carries bank account numbers: kept only encrypted, so no copy stays in the folder
        return PaymentFileContent.encrypted(null, content) ? taken.withoutCopy() : taken;
    }
}
