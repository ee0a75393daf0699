/**
 * The business calendar shared by every service: which days are business days, the next one, n business days on,
 * and a bill's due date (16 TAC §25.480(b)). Weekends and holidays come from configuration
 * ({@code platform.calendar.*}); the kit ships the Federal Reserve holiday schedule — the days FedACH does not
 * settle — as the default:
 * <ul>
 * <li>New Year's Day (1 January), Juneteenth (19 June, from 2022), Independence Day (4 July), Veterans Day
 * (11 November), Christmas Day (25 December): on a Sunday observed the Monday after; on a Saturday not observed
 * (the Reserve Banks are open the Friday before);</li>
 * <li>Birthday of Martin Luther King, Jr. (third Monday of January), Washington's Birthday (third Monday of
 * February), Memorial Day (last Monday of May), Labor Day (first Monday of September), Columbus Day (second Monday
 * of October), Thanksgiving Day (fourth Thursday of November).</li>
 * </ul>
 * Markets or companies that close on other days (the federal government's Saturday-to-Friday rule, the day after
 * Thanksgiving, a one-off national day of mourning) change the configuration, not the code; see
 * {@link org.metertocash.platform.calendar.HolidayRule} for the rule syntax.
 */
package org.metertocash.platform.calendar;
