package org.metertocash.payment.files.intake;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.metertocash.payment.autopay.BankDataCipher;
import org.metertocash.payment.files.PaymentFileFormat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * The stored bytes of a payment file. An ACH file — declared NACHA, or looking like one whatever its sender declared —
 * holds customers' full DFI account numbers (the returned entries, the corrected data of notifications of change), so
 * it is kept the way the auto-draft mandates keep an account number: encrypted with AES-GCM under the key outside the
 * database ({@link BankDataCipher}), bound to its row. CSV and BAI2 files carry no bank account numbers and are kept as
 * received. The checksum is always that of the bytes as received, so a file sent again is recognised either way.
 *
 * <p>ACH files stored before their content was encrypted are encrypted when the service starts
 * ({@link #encryptStoredAchFiles()}, a row at a time, safe on several replicas at once).
 */
@ApplicationScoped
public class PaymentFileContent {

    private static final Logger LOG = Logger.getLogger(PaymentFileContent.class);
    private static final int ROWS_PER_PASS = 50;

    @Inject
    BankDataCipher cipher;

    @Inject
    EntityManager em;

    /** Whether bytes of this declared format are kept encrypted: an ACH file, by its declaration or by its look. */
    static boolean encrypted(PaymentFileFormat format, byte[] content) {
        return format == PaymentFileFormat.NACHA || PaymentFileFormat.detect(content) == PaymentFileFormat.NACHA;
    }

    /** Sets the file's stored content (its id must be set: the ciphertext is bound to it). */
    void keep(PaymentFile file, byte[] content) {
        if (encrypted(file.format, content)) {
            file.contentEncrypted = cipher.encryptPaymentFile(file.id, content);
            file.content = null;
        } else {
            file.content = content;
            file.contentEncrypted = null;
        }
    }

    /** The bytes as received, decrypted when kept encrypted; in the caller's transaction (the columns load lazily). */
    @Transactional(Transactional.TxType.MANDATORY)
    public byte[] bytes(PaymentFile file) {
        return file.contentEncrypted != null ? cipher.decryptPaymentFile(file.id, file.contentEncrypted) : file.content;
    }

    /** The bytes of a stored file as received, or {@code null} when there is no such file. */
    public byte[] bytes(UUID fileId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            PaymentFile file = PaymentFile.findById(fileId);
            return file == null ? null : bytes(file);
        });
    }

    void onStart(@Observes StartupEvent start) {
        int encrypted = encryptStoredAchFiles();
        if (encrypted > 0) {
            LOG.infof("%d ACH payment file(s) stored in clear were encrypted", encrypted);
        }
    }

    /**
     * Encrypts every ACH file whose content is still kept in clear (stored before encryption at rest); returns how many.
     * Each row in its own transaction under its lock, so replicas starting together never encrypt one twice.
     */
    public int encryptStoredAchFiles() {
        int done = 0;
        while (true) {
            List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                    select id from payment_file
                    where content is not null and (format = 'NACHA' or substring(content from 1 for 3) = convert_to('101', 'UTF8'))
                    order by received_at limit ?1""", UUID.class).setParameter(1, ROWS_PER_PASS).getResultList());
            if (ids.isEmpty()) {
                return done;
            }
            for (UUID id : ids) {
                if (QuarkusTransaction.requiringNew().call(() -> encryptOne(id))) {
                    done++;
                }
            }
            if (ids.size() < ROWS_PER_PASS) {
                return done;
            }
        }
    }

    private boolean encryptOne(UUID id) {
        PaymentFile file = PaymentFile.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (file == null || file.content == null) {
            return false;
        }
        file.contentEncrypted = cipher.encryptPaymentFile(file.id, file.content);
        file.content = null;
        return true;
    }
}
