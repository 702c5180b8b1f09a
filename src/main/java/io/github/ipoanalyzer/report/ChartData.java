package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.analysis.IpoAnalysis;
import io.github.ipoanalyzer.analysis.LotGain;
import io.github.ipoanalyzer.analysis.MarketCapPoint;
import io.github.ipoanalyzer.analysis.PriceToSales;
import io.github.ipoanalyzer.analysis.ReferencePrice;
import io.github.ipoanalyzer.eventstudy.CohortStats;
import io.github.ipoanalyzer.eventstudy.EventStudy;
import io.github.ipoanalyzer.fees.NetLotGain;
import io.github.ipoanalyzer.market.Event;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.money.FxRates;
import io.github.ipoanalyzer.money.Money;
import io.github.ipoanalyzer.money.Rounding;
import io.github.ipoanalyzer.text.InvisibleCharacters;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.function.Function;

/**
 * What each chart draws, and what it leaves out and why: plain datasets built from the analyses,
 * with no styling (see {@link ChartTheme}), so that they can be checked value by value.
 */
final class ChartData {

    /** A chart's data and what it could not draw. */
    record Drawn<D>(D data, ChartGaps leftOut) {
    }

    private final List<IpoAnalysis> analyses;
    private final Function<Listing, String> label;
    private final Labels t;

    /** {@code label}: how a listing is named in a legend or on an axis; {@code t}: the words of the series. */
    ChartData(List<IpoAnalysis> analyses, Function<Listing, String> label, Labels t) {
        this.analyses = analyses;
        this.label = label;
        this.t = t;
    }

    /** Round band widths of the distribution, as fractions: 10, 25, 50 percentage points, … */
    private static final List<BigDecimal> BAND_WIDTHS = java.util.stream.Stream.of("0.10", "0.25", "0.50", "1", "2.5",
            "5", "10", "25", "50", "100").map(BigDecimal::new).toList();
    /** More bands than this would not be read at a chart's width. */
    static final int MAX_BANDS = 30;

    /**
     * How many bands {@code n} returns are shown in: Rice's rule, ⌈2·∛n⌉ (3 for 2 returns, 4 for
     * 4, 20 for 1,000), at most {@link #MAX_BANDS}; a histogram of a few listings in many bands
     * would be a row of ones and zeros.
     */
    static int maxBands(int n) {
        return Math.min(MAX_BANDS, (int) Math.ceil(2 * Math.cbrt(n)));
    }

    /**
     * How many listings' first-day returns (close vs offer) fall in each band of returns, over
     * every listing of the report: bands of the narrowest round width that needs at most
     * {@link #maxBands} bands, each closed below and open above, empty bands included so the
     * axis is even; listings without a first close are left out and counted.
     */
    static Drawn<DefaultCategoryDataset> firstDayDistribution(Labels t, List<IpoAnalysis> all) {
        List<IpoAnalysis> ipos = all.stream().filter(a -> a.listing().ipoStudied()).toList();
        List<BigDecimal> returns = ipos.stream().map(a -> a.firstDayReturn().atClose()).filter(r -> r != null).toList();
        ChartGaps missing = new ChartGaps();
        if (returns.size() < ipos.size()) {
            missing.add(t.format("listingsOf", String.format(java.util.Locale.ROOT, "%,d", ipos.size() - returns.size()),
                    String.format(java.util.Locale.ROOT, "%,d", ipos.size())), t.get("noFirstClose"));
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        if (returns.isEmpty()) {
            return new Drawn<>(data, missing);
        }
        BigDecimal lowest = returns.stream().min(Comparator.naturalOrder()).orElseThrow();
        BigDecimal highest = returns.stream().max(Comparator.naturalOrder()).orElseThrow();
        int most = maxBands(returns.size());
        BigDecimal width = BAND_WIDTHS.stream().filter(w -> band(highest, w) - band(lowest, w) + 1 <= most)
                .findFirst().orElse(BAND_WIDTHS.get(BAND_WIDTHS.size() - 1));
        long first = band(lowest, width);
        long[] counts = new long[(int) (band(highest, width) - first + 1)];
        returns.forEach(r -> counts[(int) (band(r, width) - first)]++);
        java.text.DecimalFormat percent = new java.text.DecimalFormat("+#,##0.#%;-#,##0.#%",
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.US));
        for (int i = 0; i < counts.length; i++) {
            BigDecimal from = width.multiply(BigDecimal.valueOf(first + i));
            data.addValue(counts[i], t.get("listings"), t.format("band", percent.format(from), percent.format(from.add(width))));
        }
        return new Drawn<>(data, missing);
    }

    /** The band of a return: floor(return / width), exactly. */
    private static long band(BigDecimal value, BigDecimal width) {
        return value.divide(width, 0, java.math.RoundingMode.FLOOR).longValueExact();
    }

    /** The listings whose IPO is studied: a peer's first-day and lot bars would only be empty slots. */
    private List<IpoAnalysis> ipos() {
        return analyses.stream().filter(a -> a.listing().ipoStudied()).toList();
    }

    Drawn<DefaultCategoryDataset> firstDayReturns() {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        ChartGaps missing = new ChartGaps();
        for (IpoAnalysis a : ipos()) {
            String name = label.apply(a.listing());
            data.addValue(number(a.firstDayReturn().atOpen()), t.get("atOpen"), name);
            data.addValue(number(a.firstDayReturn().atHigh()), t.get("atDaysHigh"), name);
            data.addValue(number(a.firstDayReturn().atClose()), t.get("atCloseFirstDayReturn"), name);
            if (a.firstDayReturn().atHigh() == null) {
                missing.add(a.listing().nameEn(), t.format("unknownAt", t.get("refHigh")));
            }
            if (a.firstDayReturn().atClose() == null) {
                missing.add(a.listing().nameEn(), t.format("unknownAt", t.get("refClose")));
            }
        }
        return new Drawn<>(data, missing);
    }

    Drawn<DefaultCategoryDataset> lotGains() {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        ChartGaps missing = new ChartGaps();
        for (IpoAnalysis a : ipos()) {
            List<Optional<LotGain>> gains = ReferencePrice.FIRST_DAY.stream().map(a::firstDayLotGain).toList();
            boolean noRate = gains.stream().anyMatch(Optional::isPresent)
                    && gains.stream().flatMap(Optional::stream).allMatch(g -> g.inCny().isEmpty());
            // A listing with no bar at all is marked on its category, so that its empty slot never reads as zero.
            String name = label.apply(a.listing()) + (noRate ? t.get("noRate") : "");
            for (ReferencePrice ref : ReferencePrice.FIRST_DAY) {
                Optional<LotGain> gain = a.firstDayLotGain(ref);
                Optional<FxRates.Conversion> cny = gain.flatMap(LotGain::inCny);
                // Drawn on a log axis (lots of a thousand CNY beside hundreds of thousands): only gains of 1 CNY or more.
                Optional<Money> amount = cny.map(FxRates.Conversion::converted);
                boolean drawable = amount.isPresent() && amount.get().amount().compareTo(BigDecimal.ONE) >= 0;
                data.addValue(drawable ? number(amount.get().amount()) : null,
                        t.get("at" + Character.toUpperCase(ref.shortLabel().charAt(0)) + ref.shortLabel().substring(1)), name);
                if (amount.isPresent() && !drawable) {
                    missing.add(a.listing().nameEn(), t.format(amount.get().amount().signum() < 0 ? "lossNotOnLogAxis"
                            : "gainNotOnLogAxis", refWord(ref), Rounding.money(amount.get()).toPlainString()));
                } else if (gain.isPresent() && cny.isEmpty()) {
                    missing.add(a.listing().nameEn(), t.format("noRateOnOrBefore", a.listing().currency(), gain.get().date()));
                } else if (gain.isEmpty()) {
                    missing.add(a.listing().nameEn(), t.format("unknownAt", refWord(ref)));
                }
            }
        }
        return new Drawn<>(data, missing);
    }

    /**
     * One winning lot sold at the first-day close: what is left of its gross gain net of the fee
     * schedule's charges, {@code net / gross}, so that lots of any size and currency compare (a
     * small first-day move loses most to fees). Only for lots that gained.
     */
    Drawn<DefaultCategoryDataset> netShareOfGrossAtClose() {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        ChartGaps missing = new ChartGaps();
        for (IpoAnalysis a : ipos()) {
            String name = label.apply(a.listing());
            Optional<LotGain> close = a.firstDayLotGain(ReferencePrice.FIRST_DAY_CLOSE);
            Optional<NetLotGain> net = close.flatMap(LotGain::netOfFees);
            boolean gained = close.isPresent() && close.get().gain().amount().signum() > 0;
            data.addValue(gained && net.isPresent() ? number(Rounding.divide(net.get().net().amount(),
                    close.get().gain().amount())) : null, t.get("netShareOfGross"), name);
            if (close.isEmpty()) {
                missing.add(a.listing().nameEn(), t.format("unknownAt", t.get("refClose")));
            } else if (!gained) {
                missing.add(a.listing().nameEn(), t.get("noGainAtClose"));
            } else if (net.isEmpty()) {
                missing.add(a.listing().nameEn(), t.format("noFeeRow", a.listing().exchange(), close.get().date()));
            }
        }
        return new Drawn<>(data, missing);
    }

    /** Closes further apart than this many calendar days are not joined by a line. */
    static final int MAX_DAYS_BETWEEN_CLOSES = 31;

    /**
     * Market value in CNY billion (亿元 in Chinese) at every close, a series per listing that has one; the line
     * breaks where closes are more than {@link #MAX_DAYS_BETWEEN_CLOSES} days apart.
     */
    Drawn<TimeSeriesCollection> marketValue() {
        TimeSeriesCollection data = new TimeSeriesCollection(TimeZone.getTimeZone("UTC"));
        ChartGaps missing = new ChartGaps();
        for (IpoAnalysis a : analyses) {
            TimeSeries series = new TimeSeries(label.apply(a.listing()));
            List<MarketCapPoint> closes = a.marketCap().map(s -> s.closes()).orElse(List.of());
            LocalDate previous = null;
            for (MarketCapPoint p : closes) {
                missing.approximateIf(a.listing().nameEn() + " " + p.date(), p.note());
                if (previous != null && previous.plusDays(MAX_DAYS_BETWEEN_CLOSES).isBefore(p.date())) {
                    // A line across a long suspension or a hole in the data would draw closes that do not exist.
                    series.add(day(previous.plusDays(1)), null);
                    missing.add(a.listing().nameEn(), t.format("noCloseFromTo", previous.plusDays(1), p.date().minusDays(1)));
                }
                previous = p.date();
                p.inCny().ifPresentOrElse(
                        c -> series.add(day(p.date()), inChartUnit(c)),
                        () -> missing.add(a.listing().nameEn(), t.format("noRateOnOrBefore", a.listing().currency(),
                                p.date())));
            }
            if (a.marketCap().isEmpty()) {
                missing.add(a.listing().nameEn(), t.get("totalSharesUnknown"));
            } else if (!series.isEmpty()) {
                missing.approximateIf(a.listing().nameEn() + " (shares)", a.listing().note());
            }
            if (!series.isEmpty()) {
                data.addSeries(series);
            }
        }
        return new Drawn<>(data, missing);
    }

    /**
     * A series per event kind: each event at the market value of its day's close, or of the last
     * close before it, within the data only (an event after the last close is not marked).
     */
    TimeSeriesCollection eventMarkers(List<Event> events) {
        Map<String, TimeSeries> markers = new LinkedHashMap<>();
        for (Event e : events) {
            IpoAnalysis a = analyses.stream().filter(x -> x.listing().ticker().equals(e.ticker())).findFirst().orElse(null);
            if (a == null || a.marketCap().isEmpty()) {
                continue;
            }
            Optional<MarketCapPoint> last = a.marketCap().get().latest();
            Optional<MarketCapPoint> at = a.marketCap().get().closes().stream().filter(p -> !p.date().isAfter(e.date()))
                    .reduce((first, second) -> second);
            Optional<FxRates.Conversion> cny = at.flatMap(MarketCapPoint::inCny);
            if (cny.isPresent() && last.isPresent() && !e.date().isAfter(last.get().date())) {
                TimeSeries series = markers.computeIfAbsent(e.kind(), TimeSeries::new);
                if (series.getDataItem(day(e.date())) == null) {
                    series.add(day(e.date()), inChartUnit(cny.get()));
                }
            }
        }
        TimeSeriesCollection data = new TimeSeriesCollection(TimeZone.getTimeZone("UTC"));
        markers.values().forEach(data::addSeries);
        return data;
    }

    Drawn<DefaultCategoryDataset> priceToSales() {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        ChartGaps missing = new ChartGaps();
        for (IpoAnalysis a : analyses) {
            Optional<String> lastFullYear = a.priceToSales().stream().map(PriceToSales::period)
                    .filter(p -> p.months() == 12 && p.revenue() != null)
                    .max(Comparator.comparing(p -> p.end())).map(p -> p.period());
            if (lastFullYear.isEmpty()) {
                missing.add(a.listing().nameEn(), t.get("noFullYearRevenue"));
                continue;
            }
            String name = label.apply(a.listing()) + " (" + lastFullYear.get() + ")";
            for (PriceToSales p : a.priceToSales()) {
                if (!p.period().period().equals(lastFullYear.get())) {
                    continue;
                }
                String series = t.get(p.capReference() == ReferencePrice.OFFER ? "atOfferPrice" : "atLatestClose");
                data.addValue(number(p.multiple()), series, name);
                if (p.capReference() != ReferencePrice.OFFER) {
                    a.marketCap().flatMap(s -> s.on(p.capDate())).ifPresent(point ->
                            missing.approximateIf(a.listing().nameEn() + " " + point.date(), point.note()));
                }
                missing.approximateIf(a.listing().nameEn() + " " + p.period().period(), p.period().note());
                if (p.multiple() == null) {
                    missing.add(a.listing().nameEn(), p.note());
                }
            }
        }
        return new Drawn<>(data, missing);
    }

    static Drawn<DefaultCategoryDataset> cohortFirstDay(Labels t, EventStudy.Result result) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        ChartGaps missing = new ChartGaps();
        // Cohorts of the same listings (an exchange and a year, say) have the same figures: drawn once, named together.
        Map<java.util.Set<String>, List<CohortStats>> byMembers = new LinkedHashMap<>();
        for (CohortStats c : result.cohorts()) {
            byMembers.computeIfAbsent(java.util.Set.copyOf(c.cohort().tickers()), m -> new ArrayList<>()).add(c);
        }
        for (List<CohortStats> same : byMembers.values()) {
            CohortStats c = same.get(0);
            String name = String.join(" = ", same.stream().map(x -> InvisibleCharacters.removed(x.cohort().name()))
                    .toList()) + " (n=" + c.n() + ")";
            data.addValue(number(c.meanFirstDayReturn()), t.get("equalWeightedMean"), name);
            data.addValue(number(c.medianFirstDayReturn()), t.get("median"), name);
            data.addValue(number(c.proceedsWeightedReturn()), t.get("proceedsWeightedSeries"), name);
            if (c.nWeighted() < c.n() && c.note() != null) {
                missing.add(t.get("proceedsWeightedBars"), c.note()); // the same IPOs in many cohorts: said once
            }
        }
        return new Drawn<>(data, missing);
    }

    /**
     * Mean CAR by event day, a series per event kind, named with the most events any day has. A
     * mean over other events is another line: the series breaks (a point without a value between
     * them) where the number of events changes, and {@code events} gives each item's number of
     * events (0 at a break), for the chart to label and to mark those below the minimum.
     */
    record CarLines(Drawn<XYSeriesCollection> drawn, List<List<Integer>> events) {
    }

    static CarLines carByEvent(Labels t, EventStudy.Result result) {
        XYSeriesCollection data = new XYSeriesCollection();
        Map<String, List<EventStudy.CarPath>> byKind = new LinkedHashMap<>();
        result.carPaths().forEach(p -> byKind.computeIfAbsent(p.eventKind(), k -> new ArrayList<>()).add(p));
        List<List<Integer>> events = new ArrayList<>();
        byKind.forEach((kind, points) -> {
            int most = points.stream().mapToInt(EventStudy.CarPath::events).max().orElse(0);
            XYSeries series = new XYSeries(kind + t.format(most == 1 ? "upToOneEvent" : "upToEvents", most));
            List<Integer> counts = new ArrayList<>();
            EventStudy.CarPath previous = null;
            for (EventStudy.CarPath p : points) {
                if (previous != null && previous.events() != p.events()) {
                    series.add(p.day() - 0.5, null); // not joined: the means are over other events
                    counts.add(0);
                }
                series.add(p.day(), p.meanCar().doubleValue());
                counts.add(p.events());
                previous = p;
            }
            data.addSeries(series);
            events.add(counts);
        });
        ChartGaps missing = new ChartGaps();
        result.unmeasured().forEach(missing::add);
        return new CarLines(new Drawn<>(data, missing), events);
    }

    /** A first-day price's word: open, high, low or close. */
    private String refWord(ReferencePrice ref) {
        return t.get("ref" + Character.toUpperCase(ref.shortLabel().charAt(0)) + ref.shortLabel().substring(1));
    }

    /** A market value in the chart's unit: CNY billion (10⁹) in English, 亿元 (10⁸) in Chinese. */
    private double inChartUnit(FxRates.Conversion cny) {
        return cny.converted().amount().movePointLeft(t.language() == Language.ZH ? 8 : 9).doubleValue();
    }

    private static Day day(LocalDate date) {
        return new Day(date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }

    private static Double number(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }
}
