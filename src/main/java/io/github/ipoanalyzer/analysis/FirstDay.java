package io.github.ipoanalyzer.analysis;

import java.io.Serializable;

import io.github.ipoanalyzer.market.DailyPrice;
import io.github.ipoanalyzer.money.Rounding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The listing day's prices. Open, high and low come only from the listing day itself. The
 * close is the listing day's, or, when that is unknown, the first known close within
 * {@code maxLagTradingDays} later trading days (trading days are the dates present in the
 * data), with the lag recorded; it is never interpolated. Volume (shares) and turnover (trading
 * currency) are the listing day's only.
 */
public record FirstDay(LocalDate listingDate, BigDecimal open, BigDecimal high, BigDecimal low,
                       BigDecimal close, LocalDate closeDate, Integer closeLagTradingDays, Long volume,
                       BigDecimal turnover) implements Serializable {

    public static FirstDay locate(LocalDate listingDate, List<DailyPrice> pricesInDateOrder, int maxLagTradingDays) {
        BigDecimal open = null;
        BigDecimal high = null;
        BigDecimal low = null;
        Long volume = null;
        BigDecimal turnover = null;
        int tradingDay = 0;
        for (DailyPrice day : pricesInDateOrder) {
            if (day.date().isBefore(listingDate)) {
                continue;
            }
            if (day.date().equals(listingDate)) {
                open = day.open();
                high = day.high();
                low = day.low();
                volume = day.volume();
                turnover = day.turnover();
            } else {
                tradingDay++;
            }
            if (tradingDay > maxLagTradingDays) {
                break;
            }
            if (day.close() != null) {
                return new FirstDay(listingDate, open, high, low, day.close(), day.date(), tradingDay, volume, turnover);
            }
        }
        return new FirstDay(listingDate, open, high, low, null, null, null, volume, turnover);
    }

    /** The volume-weighted average price, turnover / volume, unrounded; null when either is unknown or volume is 0. */
    public BigDecimal vwap() {
        return volume == null || turnover == null || volume == 0 ? null
                : Rounding.divide(turnover, BigDecimal.valueOf(volume));
    }

    /** The share of the tradable shares that changed hands, volume / float shares, unrounded; null when unknown. */
    public BigDecimal turnoverRate(Long floatShares) {
        return volume == null || floatShares == null ? null
                : Rounding.divide(BigDecimal.valueOf(volume), BigDecimal.valueOf(floatShares));
    }

    /** True when the close is the listing day's own. */
    public boolean closedOnListingDay() {
        return closeLagTradingDays != null && closeLagTradingDays == 0;
    }
}
