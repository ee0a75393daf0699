package org.metertocash.payment.files.intake;

import java.time.Instant;
import java.util.UUID;

import org.metertocash.payment.files.FileChecksum;
import org.metertocash.payment.files.PaymentFileFormat;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Payment file rows written straight to the database, as an earlier run of the service left them: a file stored and
 * not read yet (a crash between storing and reading), or an ACH file stored in clear before encryption at rest.
 */
final class StoredPaymentFiles {

    private StoredPaymentFiles() {
    }

    /** A row with these bytes in {@code content}, as received, in the status given. */
    static UUID store(byte[] content, PaymentFileFormat format, String fileName, PaymentFileStatus status,
            Instant receivedAt, Instant leaseUntil) {
        return QuarkusTransaction.requiringNew().call(() -> {
            PaymentFile file = new PaymentFile();
            file.id = UUID.randomUUID();
            file.sha256 = FileChecksum.sha256(content);
            file.fileName = fileName;
            file.format = format;
            file.content = content;
            file.sizeBytes = content.length;
            file.source = PaymentFile.Source.API;
            file.submittedBy = "upstream";
            file.receivedAt = receivedAt;
            file.status = status;
            file.statusChangedAt = receivedAt;
            file.leaseUntil = leaseUntil;
            file.persist();
            return file.id;
        });
    }
}
