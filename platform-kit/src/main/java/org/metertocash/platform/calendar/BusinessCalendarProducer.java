package org.metertocash.platform.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

/** Makes the configured {@link BusinessCalendar} injectable: {@code @Inject BusinessCalendar calendar}. */
@ApplicationScoped
public class BusinessCalendarProducer {

    private static final Logger LOG = Logger.getLogger(BusinessCalendarProducer.class);

    @Produces
    @Singleton
    BusinessCalendar calendar(CalendarConfig config) {
        BusinessCalendar calendar = BusinessCalendar.of(config.weekend(), config.holidays());
        LOG.debugf("Business calendar: %s", calendar);
        return calendar;
    }
}
