package io.github.ipoanalyzer.analysis;

import io.github.ipoanalyzer.market.DailyPrice;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.market.ListingHistory;
import io.github.ipoanalyzer.market.RevenuePeriod;
import io.github.ipoanalyzer.money.FxRates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Computes every metric of one listing from its history, using only data dated on or before the as-of date. */
public final class IpoAnalyzer {

    static final String FIRST_DAY_PREFIX = "first-day ";

    private final FxRates rates;
    private final LocalDate asOf;
    private final int maxCloseLagTradingDays;

    public IpoAnalyzer(FxRates rates, LocalDate asOf, int maxCloseLagTradingDays) {
        this.rates = rates;
        this.asOf = asOf;
        this.maxCloseLagTradingDays = maxCloseLagTradingDays;
    }

    public IpoAnalysis analyse(ListingHistory history) {
        Listing listing = history.listing();
        List<DailyPrice> prices = history.prices().stream().filter(p -> !p.date().isAfter(asOf)).toList();
        FirstDay firstDay = FirstDay.locate(listing.listingDate(), prices, maxCloseLagTradingDays);
        Optional<MarketCapSeries> caps = MarketCapSeries.of(listing, prices);
        return new IpoAnalysis(listing, firstDay, FirstDayReturn.of(listing.offerPrice(), firstDay),
                OfferProceeds.of(listing, firstDay.close()), lotGains(listing, firstDay, prices), caps,
                priceToSales(listing, history.revenue(), caps),
                history.reportedCaps().stream().filter(c -> !c.date().isAfter(asOf))
                        .map(c -> CapReconciliation.of(c, caps, rates)).toList());
    }

    /** At the first day's open, high, low and close, then at every later close. */
    private static List<LotGain> lotGains(Listing listing, FirstDay day, List<DailyPrice> prices) {
        List<LotGain> gains = new ArrayList<>();
        addIfKnown(gains, listing, FIRST_DAY_PREFIX + "open", day.listingDate(), day.open());
        addIfKnown(gains, listing, FIRST_DAY_PREFIX + "high", day.listingDate(), day.high());
        addIfKnown(gains, listing, FIRST_DAY_PREFIX + "low", day.listingDate(), day.low());
        addIfKnown(gains, listing, FIRST_DAY_PREFIX + "close", day.closeDate(), day.close());
        for (DailyPrice p : prices) {
            if (p.close() != null && day.closeDate() != null && p.date().isAfter(day.closeDate())) {
                gains.add(LotGain.at(listing, "close", p.date(), p.close()));
            }
        }
        return gains;
    }

    private static void addIfKnown(List<LotGain> gains, Listing listing, String reference, LocalDate date, BigDecimal price) {
        if (price != null) {
            gains.add(LotGain.at(listing, reference, date, price));
        }
    }

    /** For every revenue period: at the offer value and at the latest close. */
    private List<PriceToSales> priceToSales(Listing listing, List<RevenuePeriod> revenue, Optional<MarketCapSeries> caps) {
        List<PriceToSales> result = new ArrayList<>();
        if (caps.isEmpty()) {
            return result;
        }
        MarketCapPoint offer = caps.get().atOffer();
        Optional<MarketCapPoint> latest = caps.get().latest();
        for (RevenuePeriod period : revenue) {
            result.add(PriceToSales.of(period, "offer", offer.date(), offer.cap(), rates));
            latest.ifPresent(p -> result.add(PriceToSales.of(period, "latest close", p.date(), p.cap(), rates)));
        }
        return result;
    }

    public FxRates rates() {
        return rates;
    }
}
