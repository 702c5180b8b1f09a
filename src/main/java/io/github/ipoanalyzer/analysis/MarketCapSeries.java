package io.github.ipoanalyzer.analysis;


import io.github.ipoanalyzer.market.DailyPrice;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.money.FxRates;
import io.github.ipoanalyzer.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Market value at the offer ({@code P0 × S}) and at every known close from the listing day on,
 * with change since offer, running peak and drawdown {@code cap_t / max(cap_≤t) − 1}. The share
 * count is the listing's total after listing, in force on every date (no later corporate
 * actions are modelled). Empty when the share count is unknown. A listing without offer terms
 * (a peer) has no value at the offer: {@code atOffer} null, and no change since it.
 */
public record MarketCapSeries(MarketCapPoint atOffer, List<MarketCapPoint> closes) {

    public static Optional<MarketCapSeries> of(Listing listing, FxRates rates, List<DailyPrice> pricesInDateOrder) {
        if (listing.totalShares() == null) {
            return Optional.empty();
        }
        long shares = listing.totalShares();
        BigDecimal s = BigDecimal.valueOf(shares);
        Money offerCap = listing.ipoStudied() ? listing.offer().times(s) : null;
        MarketCapPoint atOffer = offerCap == null ? null : new MarketCapPoint(listing.listingDate(), ReferencePrice.OFFER,
                listing.offer(), shares, offerCap, null, null, null, null,
                rates.toCny(offerCap, listing.listingDate()).orElse(null));

        List<MarketCapPoint> closes = new ArrayList<>();
        FxRates.CnyAlongDates inCny = rates.toCnyAlongDates(listing.currency());
        Money peak = null;
        LocalDate peakDate = null;
        for (DailyPrice day : pricesInDateOrder) {
            if (day.close() == null || day.date().isBefore(listing.listingDate())) {
                continue;
            }
            Money cap = listing.price(day.close()).times(s);
            if (peak == null || cap.compareAmount(peak) > 0) {
                peak = cap;
                peakDate = day.date();
            }
            closes.add(new MarketCapPoint(day.date(), ReferencePrice.CLOSE, listing.price(day.close()), shares, cap,
                    offerCap, peak, peakDate, day.note(), inCny.at(cap, day.date())));
        }
        return Optional.of(new MarketCapSeries(atOffer, List.copyOf(closes)));
    }

    public Optional<MarketCapPoint> latest() {
        return closes.isEmpty() ? Optional.empty() : Optional.of(closes.get(closes.size() - 1));
    }

    public Optional<MarketCapPoint> on(LocalDate date) {
        return closes.stream().filter(p -> p.date().equals(date)).findFirst();
    }
}
