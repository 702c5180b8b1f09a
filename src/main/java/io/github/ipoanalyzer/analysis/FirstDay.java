package io.github.ipoanalyzer.analysis;

import io.github.ipoanalyzer.market.DailyPrice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The listing day's prices. Open, high and low come only from the listing day itself. The
 * close is the listing day's, or, when that is unknown, the first known close within
 * {@code maxLagTradingDays} later trading days (trading days are the dates present in the
 * data), with the lag recorded; it is never interpolated.
 */
public record FirstDay(LocalDate listingDate, BigDecimal open, BigDecimal high, BigDecimal low,
                       BigDecimal close, LocalDate closeDate, Integer closeLagTradingDays) {

    public static FirstDay locate(LocalDate listingDate, List<DailyPrice> pricesInDateOrder, int maxLagTradingDays) {
        BigDecimal open = null;
        BigDecimal high = null;
        BigDecimal low = null;
        int tradingDay = 0;
        for (DailyPrice day : pricesInDateOrder) {
            if (day.date().isBefore(listingDate)) {
                continue;
            }
            if (day.date().equals(listingDate)) {
                open = day.open();
                high = day.high();
                low = day.low();
            } else {
                tradingDay++;
            }
            if (tradingDay > maxLagTradingDays) {
                break;
            }
            if (day.close() != null) {
                return new FirstDay(listingDate, open, high, low, day.close(), day.date(), tradingDay);
            }
        }
        return new FirstDay(listingDate, open, high, low, null, null, null);
    }

    /** True when the close is the listing day's own. */
    public boolean closedOnListingDay() {
        return closeLagTradingDays != null && closeLagTradingDays == 0;
    }
}
