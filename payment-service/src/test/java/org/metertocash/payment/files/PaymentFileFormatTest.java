package org.metertocash.payment.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class PaymentFileFormatTest {

    @Test
    void each_sample_is_recognised_by_its_first_bytes() {
        assertThat(PaymentFileFormat.detect(PaymentFileSamples.bytes("csv/pay-agent-good.csv")))
                .isEqualTo(PaymentFileFormat.CSV);
        assertThat(PaymentFileFormat.detect(PaymentFileSamples.bytes("bai2/lockbox-good.bai2")))
                .isEqualTo(PaymentFileFormat.BAI2);
        assertThat(PaymentFileFormat.detect(PaymentFileSamples.bytes("nacha/returns-and-nocs.ach")))
                .isEqualTo(PaymentFileFormat.NACHA);
        assertThat(PaymentFileFormat.detect(new byte[0])).isEqualTo(PaymentFileFormat.CSV);
    }

    @Test
    void cents_convert_exactly_both_ways_and_a_fraction_of_a_cent_is_refused() {
        assertThat(Cents.toAmount("0000012540")).isEqualTo(new BigDecimal("125.40"));
        assertThat(Cents.toAmount("999999999999999999")).isEqualTo(new BigDecimal("9999999999999999.99"));
        assertThat(Cents.of(new BigDecimal("125.4"))).isEqualTo(12540L);
        assertThatThrownBy(() -> Cents.of(new BigDecimal("125.405"))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void the_checksum_is_the_sha256_of_the_bytes() {
        assertThat(FileChecksum.sha256("abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
