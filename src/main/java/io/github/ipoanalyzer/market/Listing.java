package io.github.ipoanalyzer.market;


import io.github.ipoanalyzer.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

/**
 * One IPO as listed. {@code lotShares} is the shares of one winning subscription lot (A-share
 * 签) or the HK board lot. Nullable fields are unknown: {@code totalShares} (then no market
 * value), {@code grossProceedsStated} (the report computes N × P0 beside it) and
 * {@code offerPriceMax}, the top of the offer range (an HK application pays it up front), and
 * {@code floatShares}, the shares tradable on the listing day (for the first day's turnover rate).
 * A listing without offer terms ({@code offerPrice} null, {@code lotShares} and
 * {@code sharesOffered} 0) is a peer or a seasoned stock whose IPO is not studied: it has market
 * value, events and abnormal returns, never IPO figures (see {@link #ipoStudied()}).
 */
public record Listing(String ticker, String nameEn, String nameLocal, String exchange, String board,
                      Currency currency, LocalDate listingDate, BigDecimal offerPrice, long lotShares,
                      long sharesOffered, Long totalShares, BigDecimal grossProceedsStated, String note,
                      BigDecimal offerPriceMax, Long floatShares) {

    /** A listing whose tradable shares on the listing day are not known. */
    public Listing(String ticker, String nameEn, String nameLocal, String exchange, String board, Currency currency,
                   LocalDate listingDate, BigDecimal offerPrice, long lotShares, long sharesOffered, Long totalShares,
                   BigDecimal grossProceedsStated, String note, BigDecimal offerPriceMax) {
        this(ticker, nameEn, nameLocal, exchange, board, currency, listingDate, offerPrice, lotShares, sharesOffered,
                totalShares, grossProceedsStated, note, offerPriceMax, null);
    }

    /** A listing whose offer price was fixed (no range given). */
    public Listing(String ticker, String nameEn, String nameLocal, String exchange, String board, Currency currency,
                   LocalDate listingDate, BigDecimal offerPrice, long lotShares, long sharesOffered, Long totalShares,
                   BigDecimal grossProceedsStated, String note) {
        this(ticker, nameEn, nameLocal, exchange, board, currency, listingDate, offerPrice, lotShares, sharesOffered,
                totalShares, grossProceedsStated, note, null, null);
    }

    /** True when the listing has offer terms, so its IPO is studied; false for a peer or a seasoned stock. */
    public boolean ipoStudied() {
        return offerPrice != null;
    }

    /** The top of the offer range, what an HK application pays up front; the offer price when none was given. */
    public BigDecimal applicationPrice() {
        return offerPriceMax != null ? offerPriceMax : offerPrice;
    }

    public Money offer() {
        return new Money(offerPrice, currency);
    }

    public Money price(BigDecimal price) {
        return new Money(price, currency);
    }
}
