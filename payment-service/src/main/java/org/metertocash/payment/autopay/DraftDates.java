package org.metertocash.payment.autopay;

import java.time.LocalDate;

import org.metertocash.platform.calendar.BusinessCalendar;

/**
 * When a bill is drafted and when the debit settles. Pure: the calendar and the dates are given.
 */
public final class DraftDates {

    private DraftDates() {
    }

    /**
     * The day the debit goes to the bank: the due date minus the mandate's days, moved to a business day — earlier,
     * never later, so that the debit is never drafted after the due date (16 TAC §25.480(b) moves a due date that
     * falls on a weekend or holiday to the next business day; a draft date moves the other way).
     */
    public static LocalDate draftDate(BusinessCalendar calendar, LocalDate dueDate, int daysBeforeDue) {
        return calendar.previousBusinessDay(dueDate.minusDays(daysBeforeDue));
    }

    /** The day a file sent on {@code originationDate} settles: the next business day (ACH next-day settlement). */
    public static LocalDate effectiveEntryDate(BusinessCalendar calendar, LocalDate originationDate) {
        return calendar.plusBusinessDays(originationDate, 1);
    }
}
