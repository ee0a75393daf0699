package org.metertocash.enrollment.premise;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The market's window for requested dates: ERCOT rejects requested dates more than 90 days ahead or 270 days
 * back (domain primer, "Timing"; the numbers are {@code market.enrollment.max-days-ahead/-back}). Judged against
 * business time, so a moved clock moves the window.
 */
@ApplicationScoped
public class MarketDates {

    private final MarketConfig market;
    private final Clock clock;

    public MarketDates(MarketConfig market, Clock clock) {
        this.market = market;
        this.clock = clock;
    }

    /** Why a requested date would be rejected by the market, or empty when it is within the window. */
    public Optional<String> outsideWindow(LocalDate requested) {
        LocalDate today = LocalDate.now(clock);
        if (requested.isAfter(today.plusDays(market.enrollment().maxDaysAhead()))) {
            return Optional.of("must be at most " + market.enrollment().maxDaysAhead() + " days after today ("
                    + today + ")");
        }
        if (requested.isBefore(today.minusDays(market.enrollment().maxDaysBack()))) {
            return Optional.of("must be at most " + market.enrollment().maxDaysBack() + " days before today ("
                    + today + ")");
        }
        return Optional.empty();
    }
}
