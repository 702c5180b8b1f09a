package io.github.ipoanalyzer.eventstudy;

import io.github.ipoanalyzer.money.Rounding;

import java.math.BigDecimal;

/**
 * Buy-and-hold return over {@code horizon} trading days and the buy-and-hold abnormal return
 * {@code BHAR = Π(1 + R_i) − Π(1 + R_m)}. From the offer: the returns of days 0 to horizon−1
 * (day 0 from the offer price); from the first close: days 1 to horizon. The stock's product is
 * its price relative to the last close within the horizon; the benchmark's is the product of
 * its daily returns over the same days. Where the data ends first the horizon is truncated
 * and {@code daysAvailable} says how far it got.
 */
public record BuyAndHold(String base, int horizon, int daysAvailable, String endDate, BigDecimal stockReturn,
                         BigDecimal benchmarkReturn, BigDecimal bhar, String note) {

    public static final String FROM_OFFER = "offer";
    public static final String FROM_FIRST_CLOSE = "first close";

    public static BuyAndHold of(ListingReturns r, String base, int horizon) {
        int first = base.equals(FROM_OFFER) ? r.listingIndex() : r.listingIndex() + 1;
        BigDecimal startPrice = base.equals(FROM_OFFER) ? r.listing().offerPrice() : r.close(r.listingIndex());
        if (startPrice == null) {
            return new BuyAndHold(base, horizon, 0, null, null, null, null, "no close on the listing day");
        }
        int last = Math.min(first + horizon - 1, r.lastDay());
        int end = -1;
        for (int k = last; k >= first; k--) {
            if (r.close(k) != null) {
                end = k;
                break;
            }
        }
        if (end < 0) {
            return new BuyAndHold(base, horizon, 0, null, null, null, null, "no close within the horizon");
        }
        String note = null;
        for (int k = first; k <= end; k++) {
            BenchmarkSeries.Return m = r.market(k);
            if (m.value() == null) {
                return new BuyAndHold(base, horizon, end - first + 1, r.calendar().day(end).toString(),
                        Rounding.change(r.close(end), startPrice), null, null, m.note());
            }
            if (m.note() != null && note == null) {
                note = m.note();
            }
        }
        BigDecimal market = r.compoundedMarket(first, end);
        int available = end - first + 1;
        if (available < horizon) {
            String truncated = "partial: " + available + " of " + horizon + " trading days in the data";
            note = note == null ? truncated : truncated + "; " + note;
        }
        BigDecimal stock = Rounding.change(r.close(end), startPrice);
        BigDecimal benchmark = market.subtract(BigDecimal.ONE);
        return new BuyAndHold(base, horizon, available, r.calendar().day(end).toString(), stock, benchmark,
                stock.subtract(benchmark), note);
    }

    /**
     * As published: a horizon the data does not reach is left blank with the days it has, never
     * shown under the full horizon's name, unless partial figures are asked for (then marked).
     */
    public BuyAndHold published(boolean partialWindows) {
        if (daysAvailable >= horizon || partialWindows || stockReturn == null) {
            return this;
        }
        String partial = "partial: " + daysAvailable + " of " + horizon + " trading days in the data";
        String why = note == null ? partial : note.startsWith("partial: ") ? note : partial + "; " + note;
        return new BuyAndHold(base, horizon, daysAvailable, endDate, null, null, null,
                why + "; left blank (ipo.partial-windows=true shows partial figures, marked)");
    }
}
