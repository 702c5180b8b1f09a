package io.github.ipoanalyzer.analysis;


import io.github.ipoanalyzer.market.DailyPrice;
import io.github.ipoanalyzer.market.TradingDays;
import io.github.ipoanalyzer.money.Rounding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The listing day's prices. Open, high and low come only from the listing day itself. The
 * close is the listing day's, or, when that is unknown, the first known close within
 * {@code maxLagTradingDays} later sessions of the exchange, with the lag recorded; it is never
 * interpolated. Sessions are counted in the exchange's calendar where it covers the days, else in
 * the dates of the data when the data holds the listing day; a listing day that the data does not
 * hold and no calendar covers (a stock listed long before its first price) has no first day:
 * every first-day figure is unknown, and {@code note} says why. Volume (shares) and turnover
 * (trading currency) are the listing day's only.
 */
public record FirstDay(LocalDate listingDate, BigDecimal open, BigDecimal high, BigDecimal low,
                       BigDecimal close, LocalDate closeDate, Integer closeLagTradingDays, Long volume,
                       BigDecimal turnover, String note) {

    /** Without a trading calendar: sessions are the dates of the data. */
    public static FirstDay locate(LocalDate listingDate, List<DailyPrice> pricesInDateOrder, int maxLagTradingDays) {
        return locate(listingDate, pricesInDateOrder, maxLagTradingDays, TradingDays.NONE, null);
    }

    public static FirstDay locate(LocalDate listingDate, List<DailyPrice> pricesInDateOrder, int maxLagTradingDays,
                                  TradingDays calendars, String exchange) {
        BigDecimal open = null;
        BigDecimal high = null;
        BigDecimal low = null;
        Long volume = null;
        BigDecimal turnover = null;
        boolean listingDayInData = false;
        int rowsAfterListing = 0;
        for (DailyPrice day : pricesInDateOrder) {
            if (day.date().isBefore(listingDate)) {
                continue;
            }
            int lag;
            if (day.date().equals(listingDate)) {
                listingDayInData = true;
                open = day.open();
                high = day.high();
                low = day.low();
                volume = day.volume();
                turnover = day.turnover();
                lag = 0;
            } else {
                rowsAfterListing++;
                if (calendars.covers(exchange, listingDate) && calendars.covers(exchange, day.date())) {
                    lag = calendars.sessions(exchange, listingDate.plusDays(1), day.date()).size();
                } else if (listingDayInData) {
                    lag = rowsAfterListing;
                } else {
                    return unknown(listingDate, "the prices start on " + day.date() + ", after the listing day "
                            + listingDate + ", and no trading calendar covers the sessions between: first-day "
                            + "figures unknown (add the listing day's prices, or the years to calendars.csv)");
                }
            }
            if (lag > maxLagTradingDays) {
                break;
            }
            if (day.close() != null) {
                return new FirstDay(listingDate, open, high, low, day.close(), day.date(), lag, volume, turnover,
                        lag == 0 ? null : "listing-day close unknown: first close taken from " + day.date());
            }
        }
        return new FirstDay(listingDate, open, high, low, null, null, null, volume, turnover, listingDayInData
                ? "no close within the first trading days: first-day return unknown"
                : "no price within " + maxLagTradingDays + " sessions of the listing day " + listingDate
                + ": first-day figures unknown");
    }

    /** A peer or seasoned stock (no offer terms): no first day is studied. */
    public static FirstDay notStudied(LocalDate listingDate) {
        return unknown(listingDate, "no offer terms in listings.csv: a peer or seasoned stock, no IPO figures");
    }

    private static FirstDay unknown(LocalDate listingDate, String why) {
        return new FirstDay(listingDate, null, null, null, null, null, null, null, null, why);
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
