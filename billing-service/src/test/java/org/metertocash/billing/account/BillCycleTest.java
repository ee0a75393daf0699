package org.metertocash.billing.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BillCycleTest {

    @Test
    void one_premise_always_lands_on_the_same_cycle() {
        assertThat(BillCycle.forEsiId("10443720000000007", 20)).isEqualTo(8);
        assertThat(BillCycle.forEsiId("10443720000000007", 20)).isEqualTo(BillCycle.forEsiId("10443720000000007", 20));
        assertThat(BillCycle.forEsiId("1008901000000000000020", 20)).isEqualTo(1);
    }

    @Test
    void premises_spread_over_every_cycle() {
        Map<Integer, Integer> histogram = new HashMap<>();
        for (int premise = 0; premise < 2000; premise++) {
            histogram.merge(BillCycle.forEsiId(String.format("1044372%010d", premise), 20), 1, Integer::sum);
        }
        assertThat(histogram).hasSize(20);
        assertThat(histogram.values()).allMatch(count -> count == 100);
    }

    @Test
    void only_esi_ids_have_a_cycle() {
        assertThatThrownBy(() -> BillCycle.forEsiId("12345", 20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BillCycle.forEsiId("10443720000000007", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
