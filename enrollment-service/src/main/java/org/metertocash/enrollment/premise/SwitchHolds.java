package org.metertocash.enrollment.premise;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.metertocash.contracts.common.RequestType;
import org.metertocash.contracts.edi.SwitchHoldAdded;
import org.metertocash.contracts.edi.SwitchHoldRemoved;
import org.metertocash.platform.events.ConsumedEvent;
import org.metertocash.platform.problem.Problem;
import org.metertocash.platform.problem.ProblemException;

/**
 * Switch holds on premises (domain primer, "Switch hold": holds arrive and clear via 814_20). A premise is held
 * from the SwitchHoldAdded until the SwitchHoldRemoved; while it is held, a switch to it is refused at intake
 * (the market would reject it with REF*7G SHF anyway). A move-in is not a switch and is not blocked.
 */
@ApplicationScoped
public class SwitchHolds {

    private static final Logger LOG = Logger.getLogger(SwitchHolds.class);

    @Inject
    Clock clock;

    public Optional<SwitchHold> current(String esiId) {
        return SwitchHold.<SwitchHold> find("esiId = ?1 and removedEventId is null", esiId).firstResultOptional();
    }

    /**
     * Refuses a SWITCH to a held premise with 409 {@code switch-hold}: the request is valid, but it conflicts with
     * the premise's current state and can succeed unchanged once the hold is removed, which is what 409 says
     * (422 would tell the caller to change the request).
     */
    public void refuseSwitchIfHeld(String esiId, RequestType requestType) {
        if (requestType != RequestType.SWITCH) {
            return;
        }
        current(esiId).ifPresent(hold -> {
            throw new ProblemException(Problem.of(409, "switch-hold", "Switch hold on the premise",
                    "ESI ID " + esiId + " has a switch hold since " + hold.placedOn + " (814_20 "
                            + hold.placedReference + "): a switch is refused until the hold is removed; "
                            + "a move-in is still possible"));
        });
    }

    /** 814_20 placed a hold. A second "added" for a premise already held changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void added(SwitchHoldAdded event, ConsumedEvent envelope) {
        if (current(event.esiId()).isPresent()) {
            LOG.infof("Switch hold on %s already recorded; %s changes nothing", event.esiId(), event.bgnReference());
            return;
        }
        Instant now = clock.instant();
        SwitchHold hold = new SwitchHold();
        hold.esiId = event.esiId();
        hold.placedOn = event.effectiveDate();
        hold.placedReference = event.bgnReference();
        hold.placedEventId = envelope.id();
        hold.createdAt = now;
        hold.updatedAt = now;
        hold.persist();
    }

    /** 814_20 removed the hold. Removing a hold we never recorded changes nothing: the premise is free either way. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void removed(SwitchHoldRemoved event, ConsumedEvent envelope) {
        Optional<SwitchHold> held = current(event.esiId());
        if (held.isEmpty()) {
            LOG.infof("Switch hold removal %s for %s, which has no recorded hold", event.bgnReference(),
                    event.esiId());
            return;
        }
        SwitchHold hold = held.get();
        hold.removedOn = event.effectiveDate();
        hold.removedReference = event.bgnReference();
        hold.removedEventId = envelope.id();
        hold.updatedAt = clock.instant();
    }
}
