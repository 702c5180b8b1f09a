package io.github.ipoanalyzer.market;

import java.time.LocalDate;

/**
 * The terms of an offer beyond its price (offers.csv): when applications closed and their money
 * came back (or the results day, where monies were already returned by then), the public
 * tranche before and after reallocation, the regime (18C, Mechanism A or B, STAR …), the A-share
 * subscription cap and the market value of holdings it needs, the cornerstones' shares and the
 * day their lock-up ends, the day stabilization ends. Unknowns are null.
 */
public record OfferFacts(String ticker, LocalDate applicationClose, LocalDate refundDate, Long publicTrancheInitial,
                         Long publicTrancheFinal, String regime, Long subscriptionCapShares,
                         java.math.BigDecimal marketValueRequired, Long cornerstoneShares, LocalDate cornerstoneLockupEnd,
                         LocalDate stabilizationEnd, String source, String note) {

    public static final String CORNERSTONE_LOCKUP_END = "cornerstone lock-up end";
    public static final String STABILIZATION_END = "stabilization end";

    /** Calendar days from the application close to the refund, at least 1; null where a date is unknown. */
    public Integer daysTiedUp() {
        if (applicationClose == null || refundDate == null) {
            return null;
        }
        return (int) Math.max(1, java.time.temporal.ChronoUnit.DAYS.between(applicationClose, refundDate));
    }

    /** The cornerstone lock-up's and the stabilization's ends, as events of the listing (on the day given). */
    public java.util.List<Event> events() {
        java.util.List<Event> events = new java.util.ArrayList<>();
        if (cornerstoneLockupEnd != null) {
            events.add(new Event(ticker, cornerstoneLockupEnd, null, CORNERSTONE_LOCKUP_END, "lock-up of the cornerstone "
                    + "investors' " + (cornerstoneShares == null ? "" : String.format(java.util.Locale.ROOT, "%,d ",
                    cornerstoneShares)) + "shares ends", "offers.csv", null));
        }
        if (stabilizationEnd != null) {
            events.add(new Event(ticker, stabilizationEnd, null, STABILIZATION_END, "the stabilizing manager's price "
                    + "support ends", "offers.csv", null));
        }
        return events;
    }
}
