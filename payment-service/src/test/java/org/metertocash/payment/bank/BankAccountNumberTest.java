package org.metertocash.payment.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BankAccountNumberTest {

    @Test
    void an_account_number_prints_only_its_last_four() {
        BankAccountNumber account = BankAccountNumber.of("000123456789");

        assertThat(account).hasToString("****6789");
        assertThat(account.masked()).isEqualTo("****6789");
        assertThat(account.lastFour()).isEqualTo("6789");
        assertThat(String.valueOf(account)).doesNotContain("12345");
        assertThat(java.util.List.of(account).toString()).isEqualTo("[****6789]");
    }

    @Test
    void reveal_gives_the_whole_number_for_encryption_and_the_nacha_entry() {
        assertThat(BankAccountNumber.of("000123456789").reveal()).isEqualTo("000123456789");
    }

    @Test
    void spaces_and_hyphens_a_customer_typed_are_dropped_and_letters_upper_cased() {
        BankAccountNumber account = BankAccountNumber.of(" 1234-5678 9ab ");

        assertThat(account.reveal()).isEqualTo("123456789AB");
        assertThat(account).isEqualTo(BankAccountNumber.of("123456789AB"));
    }

    @Test
    void an_account_number_is_4_to_17_letters_or_digits_and_the_reason_never_echoes_it() {
        assertThat(BankAccountNumber.problem("123")).contains("must be 4 to 17 characters");
        assertThat(BankAccountNumber.problem("123456789012345678")).contains("must be 4 to 17 characters");
        assertThat(BankAccountNumber.problem("1234#5678")).contains("may hold only digits and letters");
        assertThat(BankAccountNumber.problem(null)).contains("is required");
        assertThatThrownBy(() -> BankAccountNumber.of("98765#4321"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("98765");
    }

    @Test
    void mask_hides_all_but_the_last_four_of_any_number_and_all_of_a_short_one() {
        assertThat(BankAccountNumber.mask("4111111111111111")).isEqualTo("****1111");
        assertThat(BankAccountNumber.mask("1234")).isEqualTo("****");
        assertThat(BankAccountNumber.mask(null)).isEmpty();
    }
}
