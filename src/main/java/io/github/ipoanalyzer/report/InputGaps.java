package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.money.FxRates;
import io.github.ipoanalyzer.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Figures left unknown for want of an input, each said once per missing input with the file and
 * the row that would fill it: a CNY rate on or before the earliest listing day that needs it,
 * a benchmark level before the earliest listing day that needs it, a listing's total shares.
 */
final class InputGaps {

    private InputGaps() {
    }

    /** The input file to fill, and what to add there. */
    record Gap(String file, String message) {
        @Override
        public String toString() {
            return file + ": " + message;
        }
    }

    static List<Gap> of(List<Listing> listings, FxRates rates,
                        java.util.function.Function<Listing, java.util.Optional<String>> benchmarkMissing) {
        Map<String, LocalDate> earliestByCurrency = new TreeMap<>();
        Map<String, List<String>> whoByCurrency = new LinkedHashMap<>();
        List<Gap> gaps = new ArrayList<>();
        for (Listing l : listings) {
            String currency = l.currency().getCurrencyCode();
            // A rate on the listing day converts an IPO's first-day figures; a peer has none to convert.
            if (l.ipoStudied() && rates.toCny(new Money(BigDecimal.ONE, l.currency()), l.listingDate()).isEmpty()) {
                earliestByCurrency.merge(currency, l.listingDate(), (a, b) -> a.isBefore(b) ? a : b);
                whoByCurrency.computeIfAbsent(currency, c -> new ArrayList<>()).add(l.nameEn() + " (" + l.ticker() + ")");
            }
        }
        earliestByCurrency.forEach((currency, day) -> gaps.add(new Gap("fx-rates.csv", "no CNY/" + currency
                + " rate on or before " + day + ", so the CNY figures of " + String.join(", ", whoByCurrency.get(currency))
                + " are unknown (lot gains and market value in CNY, CNY aggregates): add the row " + day + ","
                + currency + ",<CNY per " + currency + "> (dated " + day + " or earlier) to fx-rates.csv")));
        Map<String, LocalDate> earliestByIndex = new TreeMap<>();
        Map<String, List<String>> whoByIndex = new LinkedHashMap<>();
        for (Listing l : listings) {
            benchmarkMissing.apply(l).ifPresent(index -> {
                earliestByIndex.merge(index, l.listingDate(), (a, b) -> a.isBefore(b) ? a : b);
                whoByIndex.computeIfAbsent(index, i -> new ArrayList<>()).add(l.nameEn() + " (" + l.ticker() + ")");
            });
        }
        earliestByIndex.forEach((index, day) -> gaps.add(new Gap("benchmarks.csv", "no " + index + " level before "
                + day + " (nor a stated one-day return that day), so the listing-day abnormal return of "
                + String.join(", ", whoByIndex.get(index)) + " is unknown: add the row " + index
                + ",<the last trading day before " + day + ">,<close> to benchmarks.csv (or " + index + "," + day
                + ",<close>,<that day's return>)")));
        for (Listing l : listings) {
            if (l.totalShares() == null) {
                gaps.add(new Gap("listings.csv", l.nameEn() + " (" + l.ticker() + ") has no total_shares_after_listing, so "
                        + "its market value and price-to-sales are unknown: fill that column of its row in listings.csv"));
            }
        }
        return gaps;
    }
}
