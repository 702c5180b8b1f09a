package io.github.ipoanalyzer.analysis;

import io.github.ipoanalyzer.market.Listing;

import java.util.List;
import java.util.Optional;

/** All metrics of one IPO as of a date, unrounded. */
public record IpoAnalysis(Listing listing, FirstDay firstDay, FirstDayReturn firstDayReturn, OfferProceeds proceeds,
                          List<LotGain> lotGains, Optional<MarketCapSeries> marketCap,
                          List<PriceToSales> priceToSales, List<CapReconciliation> capReconciliations) {

    /**
     * The same analysis without the per-close series (later lot gains, market value at every
     * close): what a report keeps of each listing once its rows are written.
     */
    public IpoAnalysis firstDayOnly() {
        return new IpoAnalysis(listing, firstDay, firstDayReturn, proceeds,
                lotGains.stream().filter(g -> g.reference().startsWith(IpoAnalyzer.FIRST_DAY_PREFIX)).toList(),
                marketCap.map(s -> new MarketCapSeries(s.atOffer(), List.of())), priceToSales, capReconciliations);
    }

    /** The lot gain at a first-day reference price ("open", "high", "low", "close"), if known. */
    public Optional<LotGain> firstDayLotGain(String reference) {
        String label = IpoAnalyzer.FIRST_DAY_PREFIX + reference;
        return lotGains.stream().filter(g -> g.reference().equals(label)).findFirst();
    }
}
