package io.github.ipoanalyzer.analysis;


import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.fees.FeeSchedule;
import io.github.ipoanalyzer.fees.NetLotGain;
import io.github.ipoanalyzer.money.FxRates;
import io.github.ipoanalyzer.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The gain of one winning lot (中一签盈利) sold at a reference price:
 * {@code G = L × (P − P0)} in the trading currency, before fees. Also the capital one lot
 * ties up ({@code L × P0}) and the return on it.
 */
public record LotGain(ReferencePrice reference, LocalDate date, Money price, Money gain, Money lotCost,
                      FxRates.Conversion gainInCny, NetLotGain net, String priceNote) {

    /** {@code G / (L × P0)} as written ({@link Money#fractionOf}): computed when asked for, as a series writes it. */
    public BigDecimal returnOnCapital() {
        return gain.fractionOf(lotCost);
    }

    /** What the lot leaves after the fee schedule's charges, where the schedule covers the sale's day. */
    public Optional<NetLotGain> netOfFees() {
        return Optional.ofNullable(net);
    }

    /** The gain in CNY at the rate in force on the price's date, if there is one. */
    public Optional<FxRates.Conversion> inCny() {
        return Optional.ofNullable(gainInCny);
    }

    /** Sold at {@code price} on {@code date}; the gain also in CNY at the rate of that date, where {@code rates} have one. */
    public static LotGain at(Listing listing, ReferencePrice reference, LocalDate date, BigDecimal price,
                             FxRates rates, FeeSchedule fees) {
        return at(listing, reference, date, price, rates, fees, null);
    }

    /** {@code priceNote}: the note of the price row (an approximate price says so), carried to every figure of it. */
    public static LotGain at(Listing listing, ReferencePrice reference, LocalDate date, BigDecimal price,
                             FxRates rates, FeeSchedule fees, String priceNote) {
        BigDecimal lot = BigDecimal.valueOf(listing.lotShares());
        Money gain = listing.price(price).minus(listing.offer()).times(lot);
        Money cost = listing.offer().times(lot);
        return new LotGain(reference, date, listing.price(price), gain, cost, rates.toCny(gain, date).orElse(null),
                NetLotGain.of(fees, listing.exchange(), cost, listing.listingDate(), listing.price(price).times(lot), date)
                        .orElse(null), priceNote);
    }
}
