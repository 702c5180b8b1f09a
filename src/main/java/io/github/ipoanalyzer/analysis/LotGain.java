package io.github.ipoanalyzer.analysis;

import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.money.Money;
import io.github.ipoanalyzer.money.Rounding;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The gain of one winning lot (中一签盈利) sold at a reference price:
 * {@code G = L × (P − P0)} in the trading currency, before fees. Also the capital one lot
 * ties up ({@code L × P0}) and the return on it.
 */
public record LotGain(String reference, LocalDate date, Money price, Money gain, Money lotCost,
                      BigDecimal returnOnCapital) {

    public static LotGain at(Listing listing, String reference, LocalDate date, BigDecimal price) {
        BigDecimal lot = BigDecimal.valueOf(listing.lotShares());
        Money gain = listing.price(price).minus(listing.offer()).times(lot);
        Money cost = listing.offer().times(lot);
        return new LotGain(reference, date, listing.price(price), gain, cost, Rounding.divide(gain.amount(), cost.amount()));
    }
}
