package org.metertocash.edi.files;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.metertocash.edi.transactions.Direction;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Stores files whole, with their checksum. */
@ApplicationScoped
public class EdiFiles {

    @Inject
    Clock clock;

    @Inject
    OutboundDelivery delivery;

    /**
     * Keeps an inbound file in its own, committed transaction before anything reads it: whatever happens while
     * parsing, the file is not lost.
     */
    public EdiFile receive(byte[] content, String fileName, EdiFile.Source source) {
        return QuarkusTransaction.requiringNew().call(() -> {
            EdiFile file = newFile(Direction.INBOUND, content, fileName, source);
            file.status = EdiFile.Status.RECEIVED;
            file.persist();
            return file;
        });
    }

    /** Stores an outbound file in the caller's transaction; it is written to the outbound folder after commit. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EdiFile queueOutbound(byte[] content, String fileName, String partner) {
        EdiFile file = newFile(Direction.OUTBOUND, content, fileName, EdiFile.Source.GENERATED);
        file.partner = partner;
        file.status = EdiFile.Status.QUEUED;
        file.persist();
        delivery.deliverAfterCommit();
        return file;
    }

    private EdiFile newFile(Direction direction, byte[] content, String fileName, EdiFile.Source source) {
        EdiFile file = new EdiFile();
        file.id = UUID.randomUUID();
        file.direction = direction;
        file.fileName = fileName;
        file.content = content == null ? new byte[0] : content;
        file.sha256 = sha256(file.content);
        file.sizeBytes = file.content.length;
        file.source = source;
        file.createdAt = clock.instant();
        return file;
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
