package io.github.ipoanalyzer.eventstudy;

import java.math.BigDecimal;
import java.util.List;

/**
 * What an event study measures: the CAR windows, the buy-and-hold horizons (trading days), the
 * post-listing days needed before the market model is used, the market-value milestones (CNY)
 * that count as events, whether a window or horizon missing some of its days is still shown
 * (marked partial) instead of left blank, the smallest cohort whose statistics are shown, and
 * whether abnormal returns are of simple or continuously compounded returns.
 */
public record EventStudySettings(List<EventWindow> windows, List<Integer> horizons, EstimationWindow estimation,
                                 List<BigDecimal> milestonesCny, boolean partialWindows, int minimumN,
                                 ReturnKind returns) {

    /**
     * The settings an event-study figure depends on, in words, for every row of the event-study
     * files (its windows and horizons are in the rows themselves).
     */
    public String describe() {
        return returns.name().toLowerCase(java.util.Locale.ROOT) + " returns; market model " + estimation.describe()
                + ", else market-adjusted; partial windows " + (partialWindows ? "shown, marked" : "left blank")
                + "; cohort statistics from n = " + minimumN;
    }

    /** What a buy-and-hold figure depends on besides its horizon: they always compound simple returns. */
    public String describeBuyAndHold() {
        return "simple returns compounded (whatever ipo.returns); partial horizons " + (partialWindows
                ? "shown, marked" : "left blank");
    }

    /** Every post-listing day before the event for the market model, complete windows only, tests from n = 5. */
    public EventStudySettings(List<EventWindow> windows, List<Integer> horizons, int marketModelMinDays,
                              List<BigDecimal> milestonesCny) {
        this(windows, horizons, new EstimationWindow(null, 0, marketModelMinDays), milestonesCny, false, 5,
                ReturnKind.SIMPLE);
    }
}
