package org.metertocash.payment.autopay;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.metertocash.payment.bank.BankAccountNumber;

import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * Encrypts what payment-service keeps of a customer's bank — the mandate's DFI account number, the origination files
 * that carry it, and the ACH return and NOC files the bank sends back ({@code files/intake}) — with AES-GCM under a key that lives outside the database ({@code payment.autopay.encryption-key}): a copy of
 * the database alone reveals no account number. Each value gets a fresh 96-bit nonce and is bound to the row it
 * belongs to (associated data), so a ciphertext moved to another row does not decrypt. Stored as
 * {@code v1:<base64(nonce || ciphertext || tag)>}, the prefix leaving room for a later key version.
 *
 * <p>Checked at startup: a key that is missing, not base64 or not an AES key length stops the service, and so does
 * the published development key in the production profile.
 */
@ApplicationScoped
@Startup
public class BankDataCipher {

    /** The fixed key of the local, test and compose profiles; public, so never accepted in production. */
    static final String DEVELOPMENT_KEY = "bWV0ZXJ0b2Nhc2gtZGV2LWF1dG9wYXkta2V5LTAwMDE=";

    private static final String VERSION = "v1:";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();

    @Inject
    AutopayConfig config;

    private SecretKey key;

    @PostConstruct
    void loadKey() {
        key = key(config.encryptionKey(), ConfigUtils.getProfiles());
    }

    /** A cipher with the given key, outside the container (pure tests). */
    static BankDataCipher withKey(String base64) {
        BankDataCipher cipher = new BankDataCipher();
        cipher.key = key(base64, List.of());
        return cipher;
    }

    /**
     * The AES key from its configured text, or {@link IllegalStateException} saying what is wrong with it (never
     * showing it).
     */
    static SecretKey key(String base64, List<String> profiles) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalStateException("payment.autopay.encryption-key is required (set "
                    + "PAYMENT_AUTOPAY_ENCRYPTION_KEY to the base64 of a 256-bit AES key)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("payment.autopay.encryption-key is not base64");
        }
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            throw new IllegalStateException("payment.autopay.encryption-key must be an AES key of 16, 24 or 32 bytes, "
                    + "not " + bytes.length);
        }
        if (profiles.contains("prod") && DEVELOPMENT_KEY.equals(base64.strip())) {
            throw new IllegalStateException("payment.autopay.encryption-key is the published development key: "
                    + "production needs its own (PAYMENT_AUTOPAY_ENCRYPTION_KEY)");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** A mandate's bank account number, encrypted for its row. */
    public String encrypt(UUID mandateId, BankAccountNumber account) {
        return seal(account.reveal().getBytes(StandardCharsets.US_ASCII), aad("mandate", mandateId));
    }

    /** A mandate's bank account number from its stored form. */
    public BankAccountNumber decrypt(UUID mandateId, String stored) {
        return BankAccountNumber.of(new String(open(stored, aad("mandate", mandateId)), StandardCharsets.US_ASCII));
    }

    /** An origination file's content, encrypted for its row. */
    public String encryptFile(UUID fileId, byte[] content) {
        return seal(content, aad("file", fileId));
    }

    public byte[] decryptFile(UUID fileId, String stored) {
        return open(stored, aad("file", fileId));
    }

    /** A received ACH file's content (returns and NOCs hold full DFI account numbers), encrypted for its row. */
    public String encryptPaymentFile(UUID paymentFileId, byte[] content) {
        return seal(content, aad("payment-file", paymentFileId));
    }

    public byte[] decryptPaymentFile(UUID paymentFileId, String stored) {
        return open(stored, aad("payment-file", paymentFileId));
    }

    private String seal(byte[] plain, byte[] aad) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            byte[] sealed = cipher.doFinal(plain);
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption is not available", e);
        }
    }

    private byte[] open(String stored, byte[] aad) {
        if (stored == null || !stored.startsWith(VERSION)) {
            throw new IllegalArgumentException("not an encrypted value of version " + VERSION);
        }
        byte[] all;
        try {
            all = Base64.getDecoder().decode(stored.substring(VERSION.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the encrypted value is not base64");
        }
        if (all.length <= NONCE_BYTES) {
            throw new IllegalArgumentException("the encrypted value is too short");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(aad);
            return cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalArgumentException("the encrypted value does not decrypt with the configured key for this "
                    + "row (another key, or a value copied from another row)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption is not available", e);
        }
    }

    private static byte[] aad(String kind, UUID id) {
        return (kind + ":" + id).getBytes(StandardCharsets.US_ASCII);
    }
}
