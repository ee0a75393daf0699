package org.metertocash.payment.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RoutingNumberTest {

    @Test
    void the_check_digit_weighs_the_first_eight_digits_3_7_1() {
        // 3·1 + 7·1 + 1·1 + 3·0 + 7·0 + 1·0 + 3·0 + 7·2 = 25 → 5
        assertThat(RoutingNumber.checkDigit("11100002")).isEqualTo(5);
        // 3·0 + 7·7 + 1·1 + 3·0 + 7·0 + 1·0 + 3·0 + 7·1 = 57 → 3
        assertThat(RoutingNumber.checkDigit("07100001")).isEqualTo(3);
        assertThat(RoutingNumber.isValid("111000025")).isTrue();
        assertThat(RoutingNumber.isValid("071000013")).isTrue();
    }

    @Test
    void a_wrong_check_digit_or_two_swapped_digits_is_refused() {
        assertThat(RoutingNumber.problem("111000026")).contains("has a wrong check digit (expected 5)");
        assertThat(RoutingNumber.isValid("110100025")).isFalse();
        assertThat(RoutingNumber.isValid("701000013")).isFalse();
    }

    @Test
    void a_routing_number_is_nine_digits_with_a_federal_reserve_routing_symbol() {
        assertThat(RoutingNumber.problem("11100002")).contains("must be 9 digits");
        assertThat(RoutingNumber.problem("11100002X")).contains("must be 9 digits");
        assertThat(RoutingNumber.problem(null)).contains("must be 9 digits");
        // 50 is no routing symbol, even with a matching check digit
        String fifty = "5000000" + "1";
        assertThat(RoutingNumber.problem(fifty + RoutingNumber.checkDigit(fifty)).orElseThrow())
                .contains("Federal Reserve routing symbol");
    }

    @Test
    void a_routing_number_gives_the_dfi_identification_nacha_records_carry() {
        RoutingNumber routing = RoutingNumber.of(" 111000025 ");

        assertThat(routing.value()).isEqualTo("111000025");
        assertThat(routing.institutionId()).isEqualTo("11100002");
        assertThat(routing.checkDigit()).isEqualTo(5);
        assertThat(routing).isEqualTo(RoutingNumber.of("111000025")).hasToString("111000025");
        assertThatThrownBy(() -> RoutingNumber.of("111000026")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("routing number has a wrong check digit (expected 5)");
    }
}
