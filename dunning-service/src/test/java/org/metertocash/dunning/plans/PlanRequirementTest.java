package org.metertocash.dunning.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.metertocash.dunning.gates.Designation;

/** 16 TAC §25.480(j): when a deferred payment plan must be offered. */
class PlanRequirementTest {

    private static final Set<Designation> NONE = Set.of();

    private static LocalDate due(int month) {
        return LocalDate.of(2026, month, 10);
    }

    @Test
    void stated_inability_to_pay_requires_a_plan_for_bills_due_july_to_september_only() {
        for (int month : new int[] { 7, 8, 9 }) {
            assertThat(PlanRequirement.of(PlanReason.STATED_INABILITY, due(month), NONE).required()).isTrue();
        }
        PlanRequirement.Outcome june = PlanRequirement.of(PlanReason.STATED_INABILITY, due(6), NONE);
        assertThat(june.required()).isFalse();
        assertThat(june.rule()).contains("offered").contains("June");
        assertThat(PlanRequirement.of(PlanReason.STATED_INABILITY, due(10), NONE).required()).isFalse();
    }

    @Test
    void a_critical_care_or_chronic_customer_is_owed_a_plan_for_summer_bills_when_the_designation_is_in_force() {
        assertThat(PlanRequirement.of(PlanReason.CRITICAL_CARE_OR_CHRONIC, due(8), Set.of(Designation.CRITICAL_CARE))
                .required()).isTrue();
        assertThat(PlanRequirement.of(PlanReason.CRITICAL_CARE_OR_CHRONIC, due(7),
                Set.of(Designation.CHRONIC_CONDITION)).rule()).startsWith("§25.480(j)");
        PlanRequirement.Outcome undesignated = PlanRequirement.of(PlanReason.CRITICAL_CARE_OR_CHRONIC, due(8),
                Set.of(Designation.LOW_INCOME));
        assertThat(undesignated.required()).isFalse();
        assertThat(undesignated.rule()).contains("no critical-care or chronic-condition designation");
        assertThat(PlanRequirement.of(PlanReason.CRITICAL_CARE_OR_CHRONIC, due(11), Set.of(Designation.CRITICAL_CARE))
                .required()).isFalse();
    }

    @Test
    void extreme_weather_requires_a_plan_for_bills_due_in_january_or_february() {
        assertThat(PlanRequirement.of(PlanReason.EXTREME_WEATHER, due(1), NONE).required()).isTrue();
        assertThat(PlanRequirement.of(PlanReason.EXTREME_WEATHER, due(2), NONE).required()).isTrue();
        assertThat(PlanRequirement.of(PlanReason.EXTREME_WEATHER, due(3), NONE).required()).isFalse();
        assertThat(PlanRequirement.of(PlanReason.EXTREME_WEATHER, due(12), NONE).required()).isFalse();
    }

    @Test
    void a_declared_disaster_and_an_underbilling_require_a_plan_whatever_the_month() {
        for (int month = 1; month <= 12; month++) {
            assertThat(PlanRequirement.of(PlanReason.DISASTER, due(month), NONE).required()).isTrue();
            assertThat(PlanRequirement.of(PlanReason.UNDERBILLING, due(month), NONE).required()).isTrue();
        }
    }

    @Test
    void any_other_reason_is_a_plan_offered_by_choice() {
        PlanRequirement.Outcome other = PlanRequirement.of(PlanReason.OTHER, due(8), Set.of(Designation.CRITICAL_CARE));
        assertThat(other.required()).isFalse();
        assertThat(other.rule()).startsWith("offered, not required by §25.480(j)");
    }
}
