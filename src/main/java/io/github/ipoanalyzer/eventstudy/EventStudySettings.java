package io.github.ipoanalyzer.eventstudy;

import java.math.BigDecimal;
import java.util.List;

/**
 * What an event study measures: the CAR windows, the buy-and-hold horizons (trading days), the
 * post-listing days needed before the market model is used, and the market-value milestones
 * (CNY) that count as events.
 */
public record EventStudySettings(List<EventWindow> windows, List<Integer> horizons, int marketModelMinDays,
                                 List<BigDecimal> milestonesCny) {
}
