package org.metertocash.platform.calendar;

import java.time.DayOfWeek;
import java.util.Map;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code platform.calendar.*}: the weekend and the holidays of the {@link BusinessCalendar}. The kit's defaults
 * (META-INF/microprofile-config.properties) are the Federal Reserve holiday schedule; a service adds a holiday with
 * {@code platform.calendar.holidays.<name>=<rule>} and switches a default off with {@code ...<name>=none}.
 */
@ConfigMapping(prefix = "platform.calendar")
public interface CalendarConfig {

    /** Days of the week that are never business days. */
    @WithDefault("SATURDAY,SUNDAY")
    Set<DayOfWeek> weekend();

    /** Holiday rules by name, written as described on {@link HolidayRule}. */
    Map<String, String> holidays();
}
