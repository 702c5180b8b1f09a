package io.github.ipoanalyzer.analysis;

import io.github.ipoanalyzer.fees.Application;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.money.FxRates;
import io.github.ipoanalyzer.subscription.HkApplications;
import io.github.ipoanalyzer.subscription.Subscription;

import java.util.List;
import java.util.Optional;

/** All metrics of one IPO as of a date, unrounded. */
public record IpoAnalysis(Listing listing, FirstDay firstDay, FirstDayReturn firstDayReturn, OfferProceeds proceeds,
                          List<LotGain> lotGains, Optional<MarketCapSeries> marketCap, FxRates.Conversion offerCny,
                          List<PriceToSales> priceToSales, List<CapReconciliation> capReconciliations,
                          Application application, GreyMarket greyMarket, Subscription subscription) {

    /** The grey-market session beside the first day, where one with a close was given. */
    public Optional<GreyMarket> greyMarketSession() {
        return Optional.ofNullable(greyMarket);
    }

    /**
     * What the cohorts and the distribution of first-day returns read of a listing once its rows
     * are written: the listing, its first day, first-day return and proceeds. A report partition
     * hands one per listing to the report's assembly, which reads them back on one thread, so
     * it carries nothing more (the first-day lot gains, price-to-sales and the rest are in the rows;
     * what the policy back-test and the break-issue rates read, in its subscriber summary).
     */
    public IpoAnalysis forCohorts() {
        return new IpoAnalysis(listing, firstDay, firstDayReturn, proceeds, List.of(), Optional.empty(), offerCny,
                List.of(), List.of(), null, null, null);
    }

    /** The lot gain at the latest close (the first close where no later one is known). */
    public Optional<LotGain> latestClose() {
        return lotGains.stream().filter(g -> g.reference() == ReferencePrice.CLOSE
                || g.reference() == ReferencePrice.FIRST_DAY_CLOSE).max(java.util.Comparator.comparing(LotGain::date));
    }

    /** Every tier of the HK allotment table, with the one-lot application and the guaranteed lot, where a table is loaded. */
    public Optional<HkApplications> hk() {
        return subscription == null ? Optional.empty() : subscription.hk();
    }

    /** The offer price in CNY at the rate of the listing day (with the rate and its date), if a rate exists. */
    public Optional<FxRates.Conversion> offerInCny() {
        return Optional.ofNullable(offerCny);
    }

    /** The lot gain at a first-day reference price, if known. */
    public Optional<LotGain> firstDayLotGain(ReferencePrice reference) {
        return lotGains.stream().filter(g -> g.reference() == reference).findFirst();
    }
}
