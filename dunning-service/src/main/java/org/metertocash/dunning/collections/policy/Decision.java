package org.metertocash.dunning.collections.policy;

import java.time.LocalDate;
import java.util.List;

import org.metertocash.dunning.collections.CollectionState;

/**
 * What the {@link CollectionPolicy} decided for an account: the state the rules put it in, the rule that decided,
 * the actions to take, and what happens next. When {@link #changed()} is false nothing happens at all — no action,
 * no history row, no event.
 */
public record Decision(CollectionState state, String rule, boolean changed, List<Action> actions, Next next) {

    public Decision {
        actions = List.copyOf(actions);
    }

    /** What happens next and when, for the account's collections view: {@code on} is null when no date is known. */
    public record Next(String what, LocalDate on) {
        public static final Next NONE = new Next("none", null);
    }

    public <A extends Action> List<A> actions(Class<A> type) {
        return actions.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
