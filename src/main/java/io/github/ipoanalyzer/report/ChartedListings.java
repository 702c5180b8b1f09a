package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.analysis.IpoAnalysis;
import io.github.ipoanalyzer.analysis.Standing;
import io.github.ipoanalyzer.market.DailyPrice;
import io.github.ipoanalyzer.market.Event;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.market.ListingHistory;
import io.github.ipoanalyzer.money.FxRates;
import io.github.ipoanalyzer.money.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The listings the charts and the index page show, with their whole series, where they stand now
 * and their events (and their prices, for the pages of single IPOs): the largest by gross
 * proceeds, at most {@code max}. They are computed again, in full, when the report is
 * assembled: a few listings' histories are read once more, so that the partitions hand on only
 * what every listing gives (their files stay small and of one shape).
 * {@code selection}: how many listings they are of how many, for the charts' captions (null: all).
 */
record ChartedListings(List<IpoAnalysis> analyses, List<Standing> standings, List<Event> events,
                       Map<String, List<DailyPrice>> prices, Selection selection) {

    /** The {@code shown} largest listings of {@code of}, said in the words of whatever shows them. */
    record Selection(int shown, int of) {
        String words(Labels t) {
            return t.format("chartedSelection", shown, of);
        }
    }

    static ChartedListings of(ReportInputs in, int max) {
        Set<String> charted = largestByProceeds(in.listings, in.rates(), max);
        List<IpoAnalysis> analyses = new ArrayList<>();
        List<Standing> standings = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        Map<String, List<DailyPrice>> prices = new HashMap<>();
        for (Listing listing : in.listings) {
            if (charted.contains(listing.ticker())) {
                // What the as-of date leaves out is counted by the listing's partition, not again here.
                ListingHistory history = in.history(listing, new AsOfInputs.Tally());
                IpoAnalysis full = in.analyzer.analyse(history);
                analyses.add(full);
                in.analyzer.standing(history, full.firstDay()).ifPresent(standings::add);
                events.addAll(in.study.study(full, history).events());
                prices.put(listing.ticker(), history.prices());
            }
        }
        Selection selection = in.listings.size() > charted.size() ? new Selection(charted.size(), in.listings.size())
                : null;
        return new ChartedListings(analyses, standings, events, prices, selection);
    }

    /**
     * The tickers of the largest by gross proceeds N × P0 in CNY, then the IPOs without a CNY rate
     * on their listing day (an amount in another currency is not comparable with them), then the
     * peers and seasoned stocks (no offer terms), each of the last two by ticker.
     */
    static Set<String> largestByProceeds(List<Listing> listings, FxRates rates, int max) {
        Comparator<Listing> byProceedsInCny = Comparator.comparing((Listing l) -> proceedsInCny(l, rates)
                .map(Money::amount).orElse(null), Comparator.nullsLast(Comparator.reverseOrder()));
        return listings.stream()
                .sorted(Comparator.comparing((Listing l) -> !l.ipoStudied()).thenComparing(byProceedsInCny)
                        .thenComparing(Listing::ticker))
                .limit(max).map(Listing::ticker).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static java.util.Optional<Money> proceedsInCny(Listing l, FxRates rates) {
        return l.ipoStudied() ? rates.toCny(l.offer().times(BigDecimal.valueOf(l.sharesOffered())), l.listingDate())
                .map(FxRates.Conversion::converted) : java.util.Optional.empty();
    }
}
