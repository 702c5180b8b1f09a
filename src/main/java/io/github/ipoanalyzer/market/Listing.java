package io.github.ipoanalyzer.market;

import io.github.ipoanalyzer.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

/**
 * One IPO as listed. {@code lotShares} is the shares of one winning subscription lot (A-share
 * 签) or the HK board lot. Nullable fields are unknown: {@code totalShares} (then no market
 * value) and {@code grossProceedsStated} (the report computes N × P0 beside it).
 */
public record Listing(String ticker, String nameEn, String nameLocal, String exchange, String board,
                      Currency currency, LocalDate listingDate, BigDecimal offerPrice, long lotShares,
                      long sharesOffered, Long totalShares, BigDecimal grossProceedsStated, String note) {

    public Money offer() {
        return new Money(offerPrice, currency);
    }

    public Money price(BigDecimal price) {
        return new Money(price, currency);
    }
}
