package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.market.BenchmarkLevel;
import io.github.ipoanalyzer.market.DailyPrice;
import io.github.ipoanalyzer.market.Event;
import io.github.ipoanalyzer.market.GreyMarketPrice;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.market.ListingHistory;
import io.github.ipoanalyzer.market.ReportedCap;
import io.github.ipoanalyzer.market.RevenuePeriod;
import io.github.ipoanalyzer.money.FxRate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * No look-ahead: a run as of day D sees nothing dated after D. Listings listed after D, prices,
 * FX rates, reported caps, benchmark levels and input events dated after D, and revenue periods
 * ending after D are left out before anything is computed, and counted so that the run can say
 * what it left out and why. Its lists are fixed once made; each report partition counts what
 * its listings' histories left out in its own {@link Tally}.
 */
final class AsOfInputs {

    private final LocalDate asOf;
    private final List<String> leftOut = new ArrayList<>();

    AsOfInputs(LocalDate asOf) {
        this.asOf = asOf;
    }

    List<Listing> listings(List<Listing> all) {
        List<String> later = all.stream().filter(l -> l.listingDate().isAfter(asOf)).map(Listing::ticker).toList();
        if (!later.isEmpty()) {
            leftOut.add(String.format(Locale.ROOT, "%,d listing%s listed after the as-of date %s (%s%s), with their "
                            + "prices, revenue and caps", later.size(), later.size() == 1 ? "" : "s", asOf,
                    String.join(", ", later.subList(0, Math.min(10, later.size()))), later.size() > 10 ? ", …" : ""));
        }
        return all.stream().filter(l -> !l.listingDate().isAfter(asOf)).toList();
    }

    List<FxRate> fxRates(List<FxRate> all) {
        return keep(all, FxRate::date, "FX rate", "dated after");
    }

    List<BenchmarkLevel> benchmarkLevels(List<BenchmarkLevel> all) {
        return keep(all, BenchmarkLevel::date, "benchmark level", "dated after");
    }

    List<Event> events(List<Event> all) {
        return keep(all, Event::date, "input event", "dated after");
    }

    List<GreyMarketPrice> greyMarket(List<GreyMarketPrice> all) {
        return keep(all, GreyMarketPrice::date, "grey-market session", "dated after");
    }

    /** Each exchange's trading dates up to D. */
    Map<String, Set<LocalDate>> tradingDates(Map<String, Set<LocalDate>> byExchange) {
        byExchange.replaceAll((exchange, dates) -> {
            Set<LocalDate> kept = new HashSet<>(dates);
            kept.removeIf(d -> d.isAfter(asOf));
            return kept;
        });
        return byExchange;
    }

    /**
     * How many rows of the listings' histories were dated after D, counted by one report
     * partition and added up by the report's assembly.
     */
    static final class Tally {
        private long prices;
        private long revenue;
        private long caps;

        Tally() {
        }

        /** As a report partition's file holds it ({@link ListingPartCodec}). */
        Tally(long prices, long revenue, long caps) {
            this.prices = prices;
            this.revenue = revenue;
            this.caps = caps;
        }

        long prices() {
            return prices;
        }

        long revenue() {
            return revenue;
        }

        long caps() {
            return caps;
        }

        void add(Tally other) {
            prices += other.prices;
            revenue += other.revenue;
            caps += other.caps;
        }
    }

    /** One listing's history up to D: prices and caps dated on or before it, revenue periods ended by then. */
    ListingHistory history(ListingHistory h, Tally tally) {
        List<DailyPrice> prices = counted(h.prices(), p -> !p.date().isAfter(asOf));
        List<RevenuePeriod> revenue = counted(h.revenue(), r -> !r.end().isAfter(asOf));
        List<ReportedCap> caps = counted(h.reportedCaps(), c -> !c.date().isAfter(asOf));
        tally.prices += h.prices().size() - prices.size();
        tally.revenue += h.revenue().size() - revenue.size();
        tally.caps += h.reportedCaps().size() - caps.size();
        return new ListingHistory(h.listing(), prices, revenue, caps);
    }

    /**
     * What was left out, one line per kind, for the summary and the manifest; empty when nothing
     * was. {@code histories}: what every listing's history left out.
     */
    List<String> leftOut(Tally histories) {
        List<String> lines = new ArrayList<>(leftOut);
        addCount(lines, histories.prices, "price row", "dated after");
        addCount(lines, histories.revenue, "revenue period", "ending after");
        addCount(lines, histories.caps, "reported cap", "dated after");
        return lines;
    }

    private <T> List<T> keep(List<T> all, Function<T, LocalDate> date, String what, String why) {
        List<T> kept = all.stream().filter(t -> !date.apply(t).isAfter(asOf)).toList();
        addCount(leftOut, all.size() - kept.size(), what, why);
        return kept;
    }

    private void addCount(List<String> lines, long count, String what, String why) {
        if (count > 0) {
            lines.add(String.format(Locale.ROOT, "%,d %s%s %s the as-of date %s", count, what, count == 1 ? "" : "s",
                    why, asOf));
        }
    }

    private static <T> List<T> counted(List<T> all, Predicate<T> keep) {
        return all.stream().filter(keep).toList();
    }
}
