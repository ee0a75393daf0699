package org.metertocash.payment.files.nacha;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReturnReasonTest {

    @Test
    void the_common_return_reasons_are_described() {
        assertThat(ReturnReason.describe("R01")).isEqualTo("Insufficient funds");
        assertThat(ReturnReason.describe("R02")).isEqualTo("Account closed");
        assertThat(ReturnReason.describe("R03")).isEqualTo("No account / unable to locate account");
        assertThat(ReturnReason.describe("R16")).startsWith("Account frozen");
        assertThat(ReturnReason.describe("R20")).isEqualTo("Non-transaction account");
        assertThat(ReturnReason.describe("R29")).isEqualTo("Corporate customer advises not authorized");
        for (int i = 1; i <= 10; i++) {
            assertThat(ReturnReason.of(String.format("R%02d", i))).isPresent();
        }
    }

    @Test
    void return_codes_run_from_r01_to_r85_and_unlisted_ones_get_a_plain_description() {
        assertThat(ReturnReason.isReturnCode("R01")).isTrue();
        assertThat(ReturnReason.isReturnCode("R85")).isTrue();
        assertThat(ReturnReason.isReturnCode("R00")).isFalse();
        assertThat(ReturnReason.isReturnCode("R86")).isFalse();
        assertThat(ReturnReason.isReturnCode("C01")).isFalse();
        assertThat(ReturnReason.isReturnCode("R1")).isFalse();
        assertThat(ReturnReason.describe("R48")).isEqualTo("Return reason R48");
    }

    @Test
    void change_codes_c01_to_c13_are_described() {
        assertThat(ChangeCode.of("C01")).contains(ChangeCode.C01);
        assertThat(ChangeCode.C01.description()).isEqualTo("Incorrect DFI account number");
        assertThat(ChangeCode.C02.description()).isEqualTo("Incorrect routing number");
        assertThat(ChangeCode.C07.description()).contains("routing number", "account number", "transaction code");
        assertThat(ChangeCode.values()).hasSize(13);
        assertThat(ChangeCode.of("C14")).isEmpty();
    }

    @Test
    void corrected_data_is_placed_as_each_change_code_says() {
        // C06: account in 1-17, four blanks, transaction code in 22-23; C07: routing 1-9, account 10-26, code 27-28
        CorrectedData c06 = CorrectedData.parse("C06", String.format("%-17s%4s%s", "66600012345", "", "37"));
        CorrectedData c07 = CorrectedData.parse("C07", String.format("%s%-17s%s", "071000013", "44400012345", "27"));
        CorrectedData c02 = CorrectedData.parse("C02", "113000023");

        assertThat(c06.accountNumber().reveal()).isEqualTo("66600012345");
        assertThat(c06.transactionCode()).isEqualTo("37");
        assertThat(c07.routingNumber()).isEqualTo("071000013");
        assertThat(c07.accountNumber().reveal()).isEqualTo("44400012345");
        assertThat(c07.transactionCode()).isEqualTo("27");
        assertThat(c02.routingNumber()).isEqualTo("113000023");
        assertThat(c02.problem("C02")).isNull();
        assertThat(CorrectedData.parse("C02", "113000024").problem("C02")).contains("check digit");
    }
}
