package org.metertocash.enrollment.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The table of allowed transitions, read as the lifecycle's specification. */
class TransitionTableTest {

    @Test
    void the_spine_runs_submitted_sent_accepted_active() {
        assertThat(TransitionTable.target(EnrollmentState.SUBMITTED, Trigger.REQUEST_SENT)).contains(EnrollmentState.SENT);
        assertThat(TransitionTable.target(EnrollmentState.SENT, Trigger.MARKET_ACCEPTED)).contains(EnrollmentState.ACCEPTED);
        assertThat(TransitionTable.target(EnrollmentState.ACCEPTED, Trigger.MARKET_COMPLETED)).contains(EnrollmentState.ACTIVE);
        assertThat(TransitionTable.target(EnrollmentState.ACCEPTED, Trigger.START_DATE_REACHED)).contains(EnrollmentState.ACTIVE);
        assertThat(TransitionTable.target(EnrollmentState.PENDING_TPV, Trigger.TPV_RECORDED)).contains(EnrollmentState.SUBMITTED);
    }

    @Test
    void service_ends_only_from_active() {
        assertThat(TransitionTable.sources(Trigger.LOSS_NOTICE)).containsExactly(EnrollmentState.ACTIVE);
        assertThat(TransitionTable.sources(Trigger.MOVE_OUT_COMPLETED)).containsExactly(EnrollmentState.ACTIVE);
        assertThat(TransitionTable.sources(Trigger.MOVE_OUT_REQUESTED)).containsExactly(EnrollmentState.ACTIVE);
        assertThat(TransitionTable.target(EnrollmentState.ACTIVE, Trigger.MOVE_OUT_REQUESTED)).contains(EnrollmentState.ACTIVE);
    }

    @Test
    void cancellation_is_for_enrollments_not_yet_started() {
        assertThat(TransitionTable.sources(Trigger.CANCEL)).containsExactlyInAnyOrder(EnrollmentState.PENDING_TPV,
                EnrollmentState.SUBMITTED, EnrollmentState.SENT, EnrollmentState.ACCEPTED);
        assertThat(TransitionTable.allows(EnrollmentState.ACTIVE, Trigger.CANCEL)).isFalse();
    }

    @Test
    void only_a_market_answer_to_a_pending_request_rejects_it() {
        for (Trigger reject : Set.of(Trigger.MARKET_REJECTED, Trigger.TRANSACTION_REJECTED)) {
            assertThat(TransitionTable.sources(reject)).containsExactlyInAnyOrder(EnrollmentState.SUBMITTED,
                    EnrollmentState.SENT);
        }
        assertThat(TransitionTable.sources(Trigger.RESUBMIT)).containsExactly(EnrollmentState.REJECTED);
    }

    @Test
    void nothing_leaves_a_final_state_and_no_trigger_reopens_a_premise() {
        Set<EnrollmentState> finals = EnumSet.of(EnrollmentState.DROPPED, EnrollmentState.MOVED_OUT,
                EnrollmentState.REJECTED, EnrollmentState.CANCELLED);
        for (Trigger trigger : Trigger.values()) {
            for (EnrollmentState state : finals) {
                TransitionTable.target(state, trigger).ifPresent(to -> assertThat(to)
                        .as(trigger + " from " + state).isEqualTo(state));
            }
            for (EnrollmentState from : EnrollmentState.values()) {
                if (!EnrollmentState.OPEN.contains(from)) {
                    TransitionTable.target(from, trigger).ifPresent(to -> assertThat(EnrollmentState.OPEN)
                            .as(trigger + " from " + from).doesNotContain(to));
                }
            }
        }
    }

    @Test
    void submission_is_the_only_way_in() {
        assertThat(TransitionTable.sources(Trigger.SUBMIT)).isEmpty();
    }
}
