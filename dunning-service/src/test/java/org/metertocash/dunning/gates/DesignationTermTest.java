package org.metertocash.dunning.gates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** §25.497: how long each designation stays in force. */
class DesignationTermTest {

    private static final LocalDate FROM = LocalDate.of(2026, 11, 23);

    @Test
    void critical_care_lasts_two_years_to_the_day() {
        LocalDate expires = DesignationTerm.expiresOn(Designation.CRITICAL_CARE, FROM).orElseThrow();
        assertThat(expires).isEqualTo(LocalDate.of(2028, 11, 23));
        assertThat(DesignationTerm.inForce(FROM, expires, null, LocalDate.of(2028, 11, 22))).isTrue();
        assertThat(DesignationTerm.inForce(FROM, expires, null, expires)).isFalse();
    }

    @Test
    void chronic_condition_lasts_ninety_days() {
        LocalDate expires = DesignationTerm.expiresOn(Designation.CHRONIC_CONDITION, FROM).orElseThrow();
        assertThat(expires).isEqualTo(LocalDate.of(2027, 2, 21));
        assertThat(FROM.datesUntil(expires).filter(d -> DesignationTerm.inForce(FROM, expires, null, d)).count())
                .isEqualTo(90);
    }

    @Test
    void low_income_has_no_term_of_its_own() {
        assertThat(DesignationTerm.expiresOn(Designation.LOW_INCOME, FROM)).isEmpty();
        assertThat(DesignationTerm.inForce(FROM, null, null, FROM.plusYears(30))).isTrue();
    }

    @Test
    void a_designation_is_not_in_force_before_it_starts_nor_from_the_day_it_is_ended() {
        LocalDate ended = FROM.plusDays(10);
        assertThat(DesignationTerm.inForce(FROM, null, ended, FROM.minusDays(1))).isFalse();
        assertThat(DesignationTerm.inForce(FROM, null, ended, ended.minusDays(1))).isTrue();
        assertThat(DesignationTerm.inForce(FROM, null, ended, ended)).isFalse();
    }
}
