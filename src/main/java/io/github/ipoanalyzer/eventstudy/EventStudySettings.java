package io.github.ipoanalyzer.eventstudy;

import java.math.BigDecimal;
import java.util.List;

/**
 * What an event study measures: the CAR windows, the buy-and-hold horizons (trading days), the
 * post-listing days needed before the market model is used, the market-value milestones (CNY)
 * that count as events, whether a window or horizon missing some of its days is still shown
 * (marked partial) instead of left blank, and the smallest cohort whose statistics are shown.
 */
public record EventStudySettings(List<EventWindow> windows, List<Integer> horizons, int marketModelMinDays,
                                 List<BigDecimal> milestonesCny, boolean partialWindows, int minimumN) {

    /** Complete windows only, statistics from five events on (the defaults). */
    public EventStudySettings(List<EventWindow> windows, List<Integer> horizons, int marketModelMinDays,
                              List<BigDecimal> milestonesCny) {
        this(windows, horizons, marketModelMinDays, milestonesCny, false, 5);
    }
}
