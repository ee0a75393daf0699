package org.metertocash.dunning.collections.policy;

import java.time.LocalDate;
import java.util.List;

import org.metertocash.dunning.collections.CollectionState;

/**
 * What the {@link CollectionPolicy} decided for an account: the state the rules put it in, the rule that decided,
 * the actions to take, and what happens next.
 * <ul>
 * <li>{@link #changed()}: a new state (or a hold for another reason) — a step in the history, CollectionStateChanged
 * and the step's actions.</li>
 * <li>Otherwise, when {@link #stepRule()} is not null, the state stays but something is still owed in it (a late fee
 * on a bill that fell past due while the account stayed where it was, §25.480(c)): an action-only step, recorded in
 * the history under that rule with its actions, and no CollectionStateChanged.</li>
 * <li>Otherwise nothing happens at all — no action, no history row, no event.</li>
 * </ul>
 *
 * @param stepRule the rule recorded with the history row: the state's rule for a change, the action's rule for an
 *                 action-only step, null when nothing is recorded
 * @param passing  the account only passes through this state: it records a fact the rules had not seen (the premise
 *                 went off after collections withdrew the order), and the account is evaluated again at once
 */
public record Decision(CollectionState state, String rule, boolean changed, List<Action> actions, Next next,
        String stepRule, boolean passing) {

    public Decision {
        actions = List.copyOf(actions);
        if (changed && stepRule == null) {
            stepRule = rule;
        }
        if (!changed && stepRule == null && !actions.isEmpty()) {
            throw new IllegalArgumentException("actions without a step: " + actions);
        }
    }

    /** A decision that changes the state (or not), with no action-only step and no pass-through. */
    public Decision(CollectionState state, String rule, boolean changed, List<Action> actions, Next next) {
        this(state, rule, changed, actions, next, null, false);
    }

    /** Whether the evaluation records a step in the history: a change of state, or an action-only step. */
    public boolean recorded() {
        return stepRule != null;
    }

    /** What happens next and when, for the account's collections view: {@code on} is null when no date is known. */
    public record Next(String what, LocalDate on) {
        public static final Next NONE = new Next("none", null);
    }

    public <A extends Action> List<A> actions(Class<A> type) {
        return actions.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
