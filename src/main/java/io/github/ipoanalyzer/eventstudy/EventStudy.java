package io.github.ipoanalyzer.eventstudy;

import io.github.ipoanalyzer.market.CohortMember;
import io.github.ipoanalyzer.market.Event;
import io.github.ipoanalyzer.market.Lockup;
import io.github.ipoanalyzer.market.BenchmarkAssignment;
import io.github.ipoanalyzer.market.BenchmarkLevel;
import io.github.ipoanalyzer.analysis.IpoAnalysis;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.market.ListingHistory;
import io.github.ipoanalyzer.money.FxRates;
import io.github.ipoanalyzer.money.Rounding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Events, abnormal returns and cohort statistics, one listing at a time (so that a market of
 * thousands of listings never sits in memory), then the cohorts at the end. {@link #study} may run
 * for several listings at once; {@link #gather} then takes each listing's part of the cohort
 * figures, in listing order. Each exchange's
 * trading calendar is the set of dates its data has (prices of its listings, their listing days,
 * levels of the benchmarks they are measured against).
 */
public final class EventStudy {

    /** One window of one event of one listing. */
    public record EventCar(Event event, CumulativeAbnormalReturn car) {
    }

    /** One horizon of one listing. */
    public record ListingBhar(String ticker, BuyAndHold bhar) {
    }

    /** The mean cumulative abnormal return from the first event day up to each day, per event kind. */
    public record CarPath(String eventKind, int day, int events, BigDecimal meanCar) {
    }

    /** What one listing contributes to the report, and (the last two) to the cohort figures. */
    public record ListingResult(List<Event> events, List<EventCar> cars, List<ListingBhar> bhars,
                                List<CarValue> carValues, List<PathPoint> pathPoints) {
    }

    /** A known CAR of one window of one event of one listing. */
    public record CarValue(String ticker, String kind, EventWindow window, BigDecimal car, BigDecimal standardized,
                           LocalDate eventDate) {
    }

    /** The CAR of one event from the first window day up to day {@code tau}. */
    public record PathPoint(String kind, int tau, BigDecimal car) {
    }

    /** {@code minimumN}: the fewest events whose mean is a statistic (ipo.event-min-n). */
    public record Result(List<CohortStats> cohorts, List<CohortCar> cohortCars, List<CarPath> carPaths,
                         Map<String, String> benchmarkOf, Map<String, String> unmeasured, int minimumN) {
    }

    private final EventStudySettings settings;
    private final FxRates rates;
    private final List<BenchmarkAssignment> assignments;
    private final List<Event> inputEvents;
    private final List<Lockup> lockups;
    private final Map<String, BenchmarkSeries> benchmarks;
    private final Map<String, TradingCalendar> calendars = new HashMap<>();
    /** Per calendar and benchmark, each day's close-to-close return: the same for every listing there. */
    private final Map<String, DailyBenchmark> dailyBenchmarkReturns = new ConcurrentHashMap<>();
    private final EstimationMemo memo;
    private final Map<String, String> benchmarkOf = new LinkedHashMap<>();
    private final Map<String, String> unmeasured = new LinkedHashMap<>();
    private final EventDeriver deriver;
    /** The earliest day of any window: where every event's one fit ends (never after day 0), and its CAR path starts. */
    private final int firstDay;
    private final int lastDay;

    /**
     * @param datesByExchange every date with a price of a listing of each exchange
     */
    public EventStudy(EventStudySettings settings, FxRates rates, List<Listing> listings,
                      Map<String, Set<LocalDate>> datesByExchange, List<BenchmarkLevel> levels,
                      List<BenchmarkAssignment> assignments, List<Event> inputEvents, List<Lockup> lockups) {
        this(settings, rates, listings, datesByExchange, levels, assignments, inputEvents, lockups, EstimationMemo.NONE);
    }

    /** {@code memo}: where each listing's estimation sums are kept between runs. */
    public EventStudy(EventStudySettings settings, FxRates rates, List<Listing> listings,
                      Map<String, Set<LocalDate>> datesByExchange, List<BenchmarkLevel> levels,
                      List<BenchmarkAssignment> assignments, List<Event> inputEvents, List<Lockup> lockups,
                      EstimationMemo memo) {
        this.memo = memo;
        this.settings = settings;
        this.rates = rates;
        this.assignments = assignments;
        this.inputEvents = inputEvents;
        this.lockups = lockups;
        this.benchmarks = benchmarks(levels);
        this.deriver = new EventDeriver(settings.milestonesCny());
        this.firstDay = settings.windows().stream().mapToInt(EventWindow::from).min().orElse(0);
        this.lastDay = settings.windows().stream().mapToInt(EventWindow::to).max().orElse(0);
        Map<String, Set<LocalDate>> dates = new HashMap<>();
        datesByExchange.forEach((exchange, d) -> dates.put(exchange, new HashSet<>(d)));
        Map<String, List<LocalDate>> levelDates = new HashMap<>();
        levels.forEach(b -> levelDates.computeIfAbsent(b.index(), k -> new ArrayList<>()).add(b.date()));
        // A benchmark's dates join an exchange's calendar once, not once per listing measured against it.
        Set<String> joined = new HashSet<>();
        for (Listing l : listings) {
            Set<LocalDate> exchangeDates = dates.computeIfAbsent(l.exchange(), k -> new HashSet<>());
            exchangeDates.add(l.listingDate());
            Optional<String> index = BenchmarkAssignment.benchmarkOf(l, assignments);
            if (index.isEmpty()) {
                unmeasured.put(l.ticker(), "no benchmark for " + l.exchange() + " in benchmark-map.csv: no abnormal returns");
            } else if (!benchmarks.containsKey(index.get())) {
                unmeasured.put(l.ticker(), "benchmark " + index.get() + " has no levels in benchmarks.csv");
            } else {
                benchmarkOf.put(l.ticker(), index.get());
                if (joined.add(l.exchange() + "\0" + index.get())) {
                    exchangeDates.addAll(levelDates.get(index.get()));
                }
            }
        }
        dates.forEach((exchange, d) -> calendars.put(exchange, TradingCalendar.of(d)));
    }

    /** Events, CARs and buy-and-hold returns of one listing. Safe to call for several listings at once. */
    public ListingResult study(IpoAnalysis a, ListingHistory history) {
        String ticker = a.listing().ticker();
        TradingCalendar calendar = calendars.get(a.listing().exchange());
        List<Event> own = new ArrayList<>(deriver.derive(a, calendar,
                lockups.stream().filter(l -> l.ticker().equals(ticker)).toList()));
        inputEvents.stream().filter(e -> e.ticker().equals(ticker)).forEach(own::add);
        own.sort(Comparator.comparing(Event::date).thenComparing(Event::kind));
        List<EventCar> cars = new ArrayList<>();
        List<ListingBhar> bhars = new ArrayList<>();
        List<CarValue> knownCars = new ArrayList<>();
        List<PathPoint> pathPoints = new ArrayList<>();
        if (!benchmarkOf.containsKey(ticker)) {
            return new ListingResult(own, cars, bhars, knownCars, pathPoints);
        }
        BenchmarkSeries benchmark = benchmarks.get(benchmarkOf.get(ticker));
        DailyBenchmark benchmarkDays = dailyBenchmarkReturns.computeIfAbsent(
                a.listing().exchange() + "\0" + benchmark.index(), k -> dailyReturns(benchmark, calendar));
        BenchmarkSeries.Return[] daily = benchmarkDays.returns();
        List<EstimationMemo.Checkpoint> kept = memo.kept(ticker);
        ListingReturns returns = new ListingReturns(a.listing(), history.prices(), calendar, benchmark, i -> daily[i])
                .as(settings.returns());
        if (benchmarkDays.chain() != null) {
            returns.resumingFrom(kept, benchmarkDays.chain());
        }
        // Buy-and-hold returns compound simple returns, whatever the abnormal returns are of.
        ListingReturns simple = (settings.returns() == ReturnKind.SIMPLE ? returns
                : new ListingReturns(a.listing(), history.prices(), calendar, benchmark, i -> daily[i]))
                .sharingMarketProducts(benchmarkDays.marketProducts());
        Set<String> counted = new HashSet<>();
        for (Event e : own) {
            Optional<Integer> day = calendar.indexOf(e.date());
            if (day.isEmpty()) {
                continue;
            }
            // An event chosen with hindsight (the peak) stays in the calendar, out of the statistics.
            boolean inStatistics = !e.kind().equals(Event.PEAK_MARKET_VALUE);
            for (EventWindow w : settings.windows()) {
                if (day.get() + w.from() < returns.listingIndex()) {
                    continue; // a window that starts before listing cannot exist for this event
                }
                CumulativeAbnormalReturn car = CumulativeAbnormalReturn.of(returns, day.get(), w, settings.estimation(),
                        firstDay);
                cars.add(new EventCar(e, car.published(settings.partialWindows())));
                // Complete windows only, and one observation per listing, event kind and window.
                if (inStatistics && car.complete() && counted.add(e.kind() + "\0" + w)) {
                    knownCars.add(new CarValue(ticker, e.kind(), w, car.car(), car.standardized(), e.date()));
                }
            }
            if (!inStatistics) {
                continue;
            }
            BigDecimal[] path = CumulativeAbnormalReturn.running(returns, day.get(), firstDay, lastDay,
                    settings.estimation());
            for (int tau = firstDay; tau <= lastDay; tau++) {
                if (!returns.hasBothReturns(day.get() + tau)) {
                    continue; // the path has a point only where that day has an abnormal return
                }
                if (path[tau - firstDay] != null) {
                    pathPoints.add(new PathPoint(e.kind(), tau, path[tau - firstDay]));
                }
            }
        }
        // Buy-and-hold returns measure an IPO's after-market from its offer and first close: none for a peer.
        for (String base : a.listing().ipoStudied() ? List.of(BuyAndHold.FROM_OFFER, BuyAndHold.FROM_FIRST_CLOSE)
                : List.<String>of()) {
            for (int horizon : settings.horizons()) {
                bhars.add(new ListingBhar(ticker, BuyAndHold.of(simple, base, horizon)
                        .published(settings.partialWindows())));
            }
        }
        memo.keep(ticker, kept, returns.checkpoints());
        return new ListingResult(own, cars, bhars, knownCars, pathPoints);
    }

    /**
     * The listings' CARs, kept compactly for the cohorts: one report's gathering (the study itself
     * holds no report's state, so it may serve several).
     */
    public static final class Gathered {
        private final List<CarValue> carValues = new ArrayList<>();
        private final Map<String, TreeMap<Integer, BigDecimal[]>> pathSums = new TreeMap<>();

        /** Called once per listing, in listing order. */
        public void gather(List<CarValue> cars, List<PathPoint> pathPoints) {
            carValues.addAll(cars);
            for (PathPoint p : pathPoints) {
                BigDecimal[] sum = pathSums.computeIfAbsent(p.kind(), k -> new TreeMap<>())
                        .computeIfAbsent(p.tau(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                sum[0] = sum[0].add(p.car());
                sum[1] = sum[1].add(BigDecimal.ONE);
            }
        }
    }

    public String benchmarkOf(String ticker) {
        return benchmarkOf.get(ticker);
    }

    /**
     * The benchmark whose return on the listing day is unknown (no level before it, nor a stated
     * one-day return), so that the IPO's listing-day abnormal return is unknown; empty otherwise.
     */
    public Optional<String> benchmarkMissingOnListingDay(Listing listing) {
        String index = benchmarkOf.get(listing.ticker());
        if (!listing.ipoStudied() || index == null || !benchmarks.containsKey(index)) {
            return Optional.empty();
        }
        return benchmarks.get(index).onListingDay(listing.listingDate()).value() == null ? Optional.of(index)
                : Optional.empty();
    }

    /** The cohorts, from the first-day figures of every listing and the CARs {@link Gathered gathered}. */
    public Result finish(Gathered gathered, List<IpoAnalysis> analyses, List<CohortMember> members) {
        List<CarValue> carValues = gathered.carValues;
        Map<String, TreeMap<Integer, BigDecimal[]>> pathSums = gathered.pathSums;
        List<CohortStats> stats = new ArrayList<>();
        List<CohortCar> cohortCars = new ArrayList<>();
        Set<String> kinds = new TreeSet<>();
        carValues.forEach(c -> kinds.add(c.kind()));
        for (Cohort cohort : cohorts(analyses, members)) {
            Set<String> tickers = new HashSet<>(cohort.tickers());
            stats.add(CohortStats.of(cohort, analyses.stream().filter(a -> tickers.contains(a.listing().ticker())).toList(),
                    rates));
            for (String kind : kinds) {
                for (EventWindow w : settings.windows()) {
                    if (kind.equals(Event.LISTING) && w.from() < 0) {
                        continue; // no listing has a day before its listing day
                    }
                    cohortCars.add(CohortCar.of(cohort, kind, w, carValues.stream()
                            .filter(c -> tickers.contains(c.ticker()) && c.kind().equals(kind) && c.window().equals(w))
                            .map(c -> new CohortCar.Observation(c.car(), c.standardized(), c.eventDate())).toList(),
                            settings.minimumN()));
                }
            }
        }
        List<CarPath> paths = new ArrayList<>();
        pathSums.forEach((kind, byDay) -> byDay.forEach((tau, sum) -> paths.add(new CarPath(kind, tau,
                sum[1].intValue(), Rounding.divide(sum[0], sum[1])))));
        return new Result(stats, cohortCars, paths, benchmarkOf, unmeasured, settings.minimumN());
    }

    /**
     * A benchmark's close-to-close returns on a calendar, and the digests of them that kept
     * estimation sums are checked against ({@link ListingReturns#calendarChain}; null when
     * nothing is kept): one value, so that a listing's returns and its checks never differ; and
     * the products of its factors from each first day that buy-and-hold returns compound, the
     * same for every listing of the calendar (a few per first day, as long as this study).
     */
    private record DailyBenchmark(BenchmarkSeries.Return[] returns, byte[][] chain, MarketProducts marketProducts) {
    }

    private DailyBenchmark dailyReturns(BenchmarkSeries benchmark, TradingCalendar calendar) {
        BenchmarkSeries.Return[] daily = new BenchmarkSeries.Return[calendar.size()];
        for (int k = 1; k < daily.length; k++) {
            daily[k] = benchmark.between(calendar.day(k - 1), calendar.day(k));
        }
        return new DailyBenchmark(daily, memo == EstimationMemo.NONE ? null
                : ListingReturns.calendarChain(calendar, k -> daily[k]), new MarketProducts());
    }

    private static Map<String, BenchmarkSeries> benchmarks(List<BenchmarkLevel> levels) {
        Map<String, Map<LocalDate, BigDecimal>> closes = new HashMap<>();
        Map<String, Map<LocalDate, BigDecimal>> stated = new HashMap<>();
        for (BenchmarkLevel b : levels) {
            closes.computeIfAbsent(b.index(), k -> new HashMap<>());
            stated.computeIfAbsent(b.index(), k -> new HashMap<>());
            if (b.close() != null) {
                closes.get(b.index()).put(b.date(), b.close());
            }
            if (b.dailyReturn() != null) {
                stated.get(b.index()).put(b.date(), b.dailyReturn());
            }
        }
        Map<String, BenchmarkSeries> series = new HashMap<>();
        closes.forEach((index, c) -> series.put(index, new BenchmarkSeries(index, c, stated.get(index))));
        return series;
    }

    /** All listings, one cohort per exchange, one per listing year, and the named ones of cohorts.csv (their members listed by then). */
    private static List<Cohort> cohorts(List<IpoAnalysis> analyses, List<CohortMember> members) {
        List<Cohort> cohorts = new ArrayList<>();
        cohorts.add(new Cohort("all", "every listing", analyses.stream().map(a -> a.listing().ticker()).toList()));
        analyses.stream().map(a -> a.listing().exchange()).distinct().sorted().forEach(x -> cohorts.add(new Cohort(
                "exchange " + x, "listed on " + x, analyses.stream().filter(a -> a.listing().exchange().equals(x))
                .map(a -> a.listing().ticker()).toList())));
        analyses.stream().map(a -> a.listing().listingDate().getYear()).distinct().sorted().forEach(y -> cohorts.add(
                new Cohort("listed in " + y, "listing date in " + y, analyses.stream()
                        .filter(a -> a.listing().listingDate().getYear() == y).map(a -> a.listing().ticker()).toList())));
        cohorts.addAll(Cohort.named(members, analyses.stream().map(a -> a.listing().ticker()).toList()));
        return cohorts;
    }
}
