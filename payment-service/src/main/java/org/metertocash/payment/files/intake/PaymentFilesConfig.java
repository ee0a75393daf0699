package org.metertocash.payment.files.intake;

import java.nio.file.Path;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** {@code payment.files.*}: where payment files are dropped, and how their lines are posted. */
@ConfigMapping(prefix = "payment.files")
public interface PaymentFilesConfig {

    /** The folder partners (or their SFTP) drop payment files into; taken files move to its processed/ or rejected/. */
    @WithName("inbound")
    @WithDefault("var/payments/inbound")
    Path inbound();

    /** Whether the inbound folder is watched at all. */
    @WithName("inbound-enabled")
    @WithDefault("true")
    boolean inboundEnabled();

    /** How often the inbound folder is looked at, e.g. {@code 2s} (the scheduler reads it). */
    @WithName("inbound-poll")
    @WithDefault("2s")
    String inboundPoll();

    /** How long a dropped file must stay unchanged before it is taken (an upload still being written changes). */
    @WithName("inbound-settle")
    @WithDefault("PT1S")
    Duration inboundSettle();

    /** Lines posted per transaction: each chunk's payments, outbox rows and the file's counters commit together. */
    @WithName("chunk-size")
    @WithDefault("500")
    int chunkSize();

    /**
     * How long a worker holds a file it is posting without advancing it; after that another worker (another
     * replica, or this one after a restart) takes the file over and resumes where the committed chunks end.
     */
    @WithName("lease")
    @WithDefault("PT1M")
    Duration lease();

    /** How often files nobody is working on (a restart, a replica gone) are looked for, e.g. {@code 5s}. */
    @WithName("sweep-every")
    @WithDefault("5s")
    String sweepEvery();

    /** A log line each time this many more lines of a file are done (and at its end). */
    @WithName("progress-log-every")
    @WithDefault("10000")
    int progressLogEvery();
}
