package org.metertocash.dunning.gates;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.metertocash.dunning.collections.AccountChanged;

/** Test observer: every AccountChanged fired (and committed with the change that fired it), in order. */
@ApplicationScoped
public class AccountChangedRecorder {

    private final List<AccountChanged> fired = new CopyOnWriteArrayList<>();

    void on(@Observes AccountChanged event) {
        fired.add(event);
    }

    public List<AccountChanged> of(String esiId) {
        return fired.stream().filter(e -> e.esiId().equals(esiId)).toList();
    }
}
