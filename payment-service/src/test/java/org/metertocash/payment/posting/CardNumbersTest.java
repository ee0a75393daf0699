package org.metertocash.payment.posting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CardNumbersTest {

    @Test
    void card_numbers_are_found_with_or_without_separators() {
        assertThat(CardNumbers.containsPan("4111111111111111")).isTrue();
        assertThat(CardNumbers.containsPan("pan 4111 1111 1111 1111 exp 12/29")).isTrue();
        assertThat(CardNumbers.containsPan("4012-8888-8888-1881")).isTrue();
        assertThat(CardNumbers.containsPan("378282246310005")).isTrue(); // Amex, 15 digits
        assertThat(CardNumbers.containsPan("4111111111111111 2029")).isTrue(); // a PAN followed by more digits
    }

    @Test
    void numbers_that_are_not_card_numbers_are_left_alone() {
        assertThat(CardNumbers.containsPan("4111111111111112")).isFalse(); // fails Luhn
        assertThat(CardNumbers.containsPan("AUTH-839201")).isFalse();
        assertThat(CardNumbers.containsPan("000123456789")).isFalse(); // 12 digits: too short for a card
        // an ESI ID that happens to pass Luhn is a premise, not a card
        String esiId = luhnValid("1044372000001234");
        assertThat(esiId).hasSize(17);
        assertThat(CardNumbers.containsPan(esiId)).isFalse();
    }

    @Test
    void masking_keeps_only_the_last_four_digits_and_the_rest_of_the_text() {
        assertThat(CardNumbers.mask("card 4012-8888-8888-1881 auth 77")).isEqualTo("card ****-****-****-1881 auth 77");
        assertThat(CardNumbers.mask("4111111111111111")).isEqualTo("************1111");
        assertThat(CardNumbers.mask("ref 4111111111111112")).isEqualTo("ref 4111111111111112");
        assertThat(CardNumbers.mask(null)).isNull();
    }

    @Test
    void account_numbers_carry_billings_check_digit() {
        assertThat(Luhn.validAccountNumber("0000000422")).isTrue();
        assertThat(Luhn.validAccountNumber("1000000017")).isFalse();
        assertThat(Luhn.validAccountNumber("000000042")).isFalse();
    }

    private static String luhnValid(String payload) {
        for (int digit = 0; digit <= 9; digit++) {
            if (Luhn.valid(payload + digit)) {
                return payload + digit;
            }
        }
        throw new IllegalStateException();
    }
}
