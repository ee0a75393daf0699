package org.metertocash.billing.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccountNumberTest {

    @Test
    void is_the_sequence_and_a_luhn_check_digit() {
        // Luhn of 100000001: from the right, the 1st and 9th digits are doubled: 2 + 2 = 4, check digit 6
        assertThat(AccountNumber.of(100000001)).isEqualTo("1000000016");
        assertThat(AccountNumber.isValid("1000000016")).isTrue();
        assertThat(AccountNumber.of(1)).isEqualTo("0000000018");
    }

    @Test
    void a_mistyped_digit_or_two_swapped_neighbours_are_caught() {
        String number = AccountNumber.of(123456789);
        for (int i = 0; i < 10; i++) {
            char original = number.charAt(i);
            for (char replacement = '0'; replacement <= '9'; replacement++) {
                if (replacement != original) {
                    String typo = number.substring(0, i) + replacement + number.substring(i + 1);
                    assertThat(AccountNumber.isValid(typo)).as(typo).isFalse();
                }
            }
        }
        for (int i = 0; i < 9; i++) {
            if (number.charAt(i) != number.charAt(i + 1)
                    && !(number.charAt(i) == '0' && number.charAt(i + 1) == '9')
                    && !(number.charAt(i) == '9' && number.charAt(i + 1) == '0')) {
                String swapped = number.substring(0, i) + number.charAt(i + 1) + number.charAt(i) + number.substring(i + 2);
                assertThat(AccountNumber.isValid(swapped)).as(swapped).isFalse();
            }
        }
    }
}
