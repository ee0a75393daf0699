package org.metertocash.payment.autopay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.metertocash.payment.bank.BankAccountNumber;

class BankDataCipherTest {

    private static final String KEY = Base64.getEncoder()
            .encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    @Test
    void an_account_number_is_stored_as_ciphertext_that_decrypts_only_for_its_own_row_and_key() {
        BankDataCipher cipher = BankDataCipher.withKey(KEY);
        UUID mandate = UUID.randomUUID();
        BankAccountNumber account = BankAccountNumber.of("000123456789");

        String stored = cipher.encrypt(mandate, account);

        assertThat(stored).startsWith("v1:").doesNotContain("123456789");
        assertThat(cipher.encrypt(mandate, account)).as("a fresh nonce each time").isNotEqualTo(stored);
        assertThat(cipher.decrypt(mandate, stored)).isEqualTo(account);
        assertThatThrownBy(() -> cipher.decrypt(UUID.randomUUID(), stored))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another row");
        BankDataCipher otherKey = BankDataCipher.withKey(BankDataCipher.DEVELOPMENT_KEY);
        assertThatThrownBy(() -> otherKey.decrypt(mandate, stored)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_service_refuses_a_missing_malformed_or_short_key_and_the_development_key_in_production() {
        assertThatThrownBy(() -> BankDataCipher.key(null, List.of("prod"))).hasMessageContaining("is required");
        assertThatThrownBy(() -> BankDataCipher.key("not base64!", List.of("prod"))).hasMessageContaining("base64");
        assertThatThrownBy(() -> BankDataCipher.key(Base64.getEncoder().encodeToString(new byte[10]), List.of()))
                .hasMessageContaining("16, 24 or 32 bytes");
        assertThatThrownBy(() -> BankDataCipher.key(BankDataCipher.DEVELOPMENT_KEY, List.of("prod")))
                .hasMessageContaining("development key");

        assertThat(BankDataCipher.key(BankDataCipher.DEVELOPMENT_KEY, List.of("test")).getEncoded()).hasSize(32);
        assertThat(BankDataCipher.key(KEY, List.of("prod")).getAlgorithm()).isEqualTo("AES");
    }
}
