package org.metertocash.billing.rating.taxes;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.metertocash.billing.rating.TaxRate;
import org.metertocash.billing.rating.TaxSchedule;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TaxJurisdictionsTest {

    @Inject
    TaxJurisdictions jurisdictions;

    @Test
    void a_configured_city_gets_its_taxes_in_code_order() {
        TaxSchedule dallas = jurisdictions.schedule("Dallas");
        assertThat(dallas.jurisdiction()).isEqualTo("dallas");
        assertThat(dallas.rates()).extracting(TaxRate::code).containsExactly("gross-receipts", "puc-assessment");
        assertThat(dallas.rates()).extracting(TaxRate::percent).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("1.997"), new BigDecimal("0.1667"));
        assertThat(dallas.rates().get(0).description()).isEqualTo("Gross receipts tax reimbursement");
    }

    @Test
    void anywhere_else_pays_the_default_schedule() {
        TaxSchedule elsewhere = jurisdictions.schedule("Muleshoe");
        assertThat(elsewhere.jurisdiction()).isEqualTo(TaxJurisdictions.DEFAULT);
        assertThat(elsewhere.rates()).extracting(TaxRate::code).containsExactly("puc-assessment");
        assertThat(jurisdictions.schedule(null).jurisdiction()).isEqualTo(TaxJurisdictions.DEFAULT);
    }
}
