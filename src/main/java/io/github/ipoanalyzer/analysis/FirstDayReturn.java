package io.github.ipoanalyzer.analysis;


import io.github.ipoanalyzer.money.Rounding;

import java.math.BigDecimal;

/**
 * First-day returns from the offer price P0, unrounded fractions (null when the price is
 * unknown): at the close {@code C1/P0 − 1} (Ritter's first-day return), at the open, high and
 * low likewise, and intraday {@code C1/O1 − 1} (only when the close is the listing day's own).
 * Broke issue (破发): {@code C1 < P0}, and separately {@code L1 < P0}.
 */
public record FirstDayReturn(BigDecimal atOpen, BigDecimal atHigh, BigDecimal atLow, BigDecimal atClose,
                             BigDecimal intraday, Boolean brokeAtClose, Boolean brokeAtLow) {

    /** Of a listing whose IPO is not studied: every return unknown. */
    public static final FirstDayReturn NONE = new FirstDayReturn(null, null, null, null, null, null, null);

    public static FirstDayReturn of(BigDecimal offerPrice, FirstDay day) {
        BigDecimal intraday = day.closedOnListingDay() && day.open() != null
                ? Rounding.change(day.close(), day.open()) : null;
        return new FirstDayReturn(
                fromOffer(day.open(), offerPrice),
                fromOffer(day.high(), offerPrice),
                fromOffer(day.low(), offerPrice),
                fromOffer(day.close(), offerPrice),
                intraday,
                day.close() == null ? null : day.close().compareTo(offerPrice) < 0,
                day.low() == null ? null : day.low().compareTo(offerPrice) < 0);
    }

    private static BigDecimal fromOffer(BigDecimal price, BigDecimal offerPrice) {
        return price == null ? null : Rounding.change(price, offerPrice);
    }
}
