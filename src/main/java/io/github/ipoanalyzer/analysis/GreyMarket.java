package io.github.ipoanalyzer.analysis;


import io.github.ipoanalyzer.market.GreyMarketPrice;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.money.Money;
import io.github.ipoanalyzer.money.Rounding;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The grey market (暗盘) of an IPO beside its first day: the session closest to listing (the
 * latest date; of several brokers that day, the first by name), its return {@code C/P0 − 1} and
 * the gross gain of one lot {@code L × (C − P0)} at its close. Unknown where no session has a close.
 */
public record GreyMarket(GreyMarketPrice session, BigDecimal returnAtClose, Money lotGainAtClose) {

    public static Optional<GreyMarket> of(Listing listing, List<GreyMarketPrice> sessions) {
        return sessions.stream().filter(s -> s.ticker().equals(listing.ticker()) && s.close() != null)
                .max(Comparator.comparing(GreyMarketPrice::date).thenComparing(GreyMarketPrice::broker,
                        Comparator.reverseOrder()))
                .map(s -> new GreyMarket(s, Rounding.divide(s.close(), listing.offerPrice()).subtract(BigDecimal.ONE),
                        listing.price(s.close()).minus(listing.offer()).times(BigDecimal.valueOf(listing.lotShares()))));
    }
}
