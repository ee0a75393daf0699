package org.metertocash.platform.time;

import java.time.Clock;
import java.time.ZoneId;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Produces the one {@link Clock} of the service, in the market's time zone (business dates are local dates). */
@Singleton
public class ClockProducer {

    private final AdjustableClock clock;

    public ClockProducer(@ConfigProperty(name = "platform.time-zone", defaultValue = "America/Chicago") ZoneId zone) {
        this.clock = new AdjustableClock(Clock.system(zone));
    }

    @Produces
    @Singleton
    @jakarta.enterprise.inject.Typed(Clock.class)
    Clock clock() {
        return clock;
    }

    @Produces
    @Singleton
    @jakarta.enterprise.inject.Typed(AdjustableClock.class)
    AdjustableClock adjustableClock() {
        return clock;
    }
}
