package io.github.ipoanalyzer.eventstudy;

import io.github.ipoanalyzer.analysis.IpoAnalysis;
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
import java.util.stream.Collectors;

/**
 * Events, abnormal returns and cohort statistics of a set of listings. Each exchange's trading
 * calendar is the set of dates its data has (prices of its listings, their listing days, levels
 * of the benchmarks they are measured against).
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

    public record Result(List<Event> events, List<EventCar> cars, List<ListingBhar> bhars, List<CohortStats> cohorts,
                         List<CohortCar> cohortCars, List<CarPath> carPaths, Map<String, String> benchmarkOf,
                         Map<String, String> unmeasured) {
    }

    private final EventStudySettings settings;
    private final FxRates rates;

    public EventStudy(EventStudySettings settings, FxRates rates) {
        this.settings = settings;
        this.rates = rates;
    }

    public Result run(List<IpoAnalysis> analyses, List<ListingHistory> histories, List<BenchmarkLevel> levels,
                      List<BenchmarkAssignment> assignments, List<Event> inputEvents, List<Lockup> lockups,
                      List<CohortMember> members) {
        Map<String, BenchmarkSeries> benchmarks = benchmarks(levels);
        Map<String, ListingHistory> historyOf = histories.stream()
                .collect(Collectors.toMap(h -> h.listing().ticker(), h -> h));
        Map<String, String> benchmarkOf = new LinkedHashMap<>();
        Map<String, String> unmeasured = new LinkedHashMap<>();
        for (IpoAnalysis a : analyses) {
            Optional<String> index = BenchmarkAssignment.benchmarkOf(a.listing(), assignments);
            if (index.isEmpty()) {
                unmeasured.put(a.listing().ticker(), "no benchmark for " + a.listing().exchange()
                        + " in benchmark-map.csv: no abnormal returns");
            } else if (!benchmarks.containsKey(index.get())) {
                unmeasured.put(a.listing().ticker(), "benchmark " + index.get() + " has no levels in benchmarks.csv");
            } else {
                benchmarkOf.put(a.listing().ticker(), index.get());
            }
        }
        Map<String, TradingCalendar> calendars = calendars(analyses, historyOf, benchmarkOf, levels);
        EventDeriver deriver = new EventDeriver(rates, settings.milestonesCny());

        List<Event> events = new ArrayList<>();
        List<EventCar> cars = new ArrayList<>();
        List<ListingBhar> bhars = new ArrayList<>();
        Map<String, Map<Integer, List<BigDecimal>>> pathSamples = new TreeMap<>();
        int firstDay = settings.windows().stream().mapToInt(EventWindow::from).min().orElse(0);
        int lastDay = settings.windows().stream().mapToInt(EventWindow::to).max().orElse(0);
        for (IpoAnalysis a : analyses) {
            String ticker = a.listing().ticker();
            TradingCalendar calendar = calendars.get(a.listing().exchange());
            List<Event> own = new ArrayList<>(deriver.derive(a, calendar,
                    lockups.stream().filter(l -> l.ticker().equals(ticker)).toList()));
            inputEvents.stream().filter(e -> e.ticker().equals(ticker)).forEach(own::add);
            own.sort(Comparator.comparing(Event::date).thenComparing(Event::kind));
            events.addAll(own);
            if (!benchmarkOf.containsKey(ticker)) {
                continue;
            }
            ListingReturns returns = new ListingReturns(a.listing(), historyOf.get(ticker).prices(), calendar,
                    benchmarks.get(benchmarkOf.get(ticker)));
            for (Event e : own) {
                Optional<Integer> day = calendar.indexOf(e.date());
                if (day.isEmpty()) {
                    continue;
                }
                for (EventWindow w : settings.windows()) {
                    cars.add(new EventCar(e, CumulativeAbnormalReturn.of(returns, day.get(), w,
                            settings.marketModelMinDays())));
                }
                for (int tau = firstDay; tau <= lastDay; tau++) {
                    if (!returns.hasBothReturns(day.get() + tau)) {
                        continue; // the path has a point only where that day has an abnormal return
                    }
                    CumulativeAbnormalReturn path = CumulativeAbnormalReturn.of(returns, day.get(),
                            new EventWindow(firstDay, tau), settings.marketModelMinDays());
                    if (path.car() != null) {
                        pathSamples.computeIfAbsent(e.kind(), k -> new TreeMap<>())
                                .computeIfAbsent(tau, k -> new ArrayList<>()).add(path.car());
                    }
                }
            }
            for (String base : List.of(BuyAndHold.FROM_OFFER, BuyAndHold.FROM_FIRST_CLOSE)) {
                for (int horizon : settings.horizons()) {
                    bhars.add(new ListingBhar(ticker, BuyAndHold.of(returns, base, horizon)));
                }
            }
        }
        List<Cohort> cohorts = cohorts(analyses, members);
        List<CohortStats> stats = new ArrayList<>();
        List<CohortCar> cohortCars = new ArrayList<>();
        Set<String> kinds = new TreeSet<>();
        cars.forEach(c -> kinds.add(c.event().kind()));
        for (Cohort cohort : cohorts) {
            Set<String> tickers = new HashSet<>(cohort.tickers());
            stats.add(CohortStats.of(cohort, analyses.stream().filter(a -> tickers.contains(a.listing().ticker())).toList(),
                    rates));
            for (String kind : kinds) {
                for (EventWindow w : settings.windows()) {
                    cohortCars.add(CohortCar.of(cohort, kind, w, cars.stream()
                            .filter(c -> tickers.contains(c.event().ticker()) && c.event().kind().equals(kind)
                                    && c.car().window().equals(w) && c.car().car() != null)
                            .map(c -> c.car().car()).toList()));
                }
            }
        }
        List<CarPath> paths = new ArrayList<>();
        pathSamples.forEach((kind, byDay) -> byDay.forEach((tau, samples) -> paths.add(new CarPath(kind, tau,
                samples.size(), Rounding.divide(CohortStats.sum(samples),
                BigDecimal.valueOf(samples.size()))))));
        return new Result(events, cars, bhars, stats, cohortCars, paths, benchmarkOf, unmeasured);
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

    private static Map<String, TradingCalendar> calendars(List<IpoAnalysis> analyses, Map<String, ListingHistory> historyOf,
                                                          Map<String, String> benchmarkOf, List<BenchmarkLevel> levels) {
        Map<String, Set<LocalDate>> dates = new HashMap<>();
        for (IpoAnalysis a : analyses) {
            Set<LocalDate> exchangeDates = dates.computeIfAbsent(a.listing().exchange(), k -> new HashSet<>());
            exchangeDates.add(a.listing().listingDate());
            historyOf.get(a.listing().ticker()).prices().forEach(p -> exchangeDates.add(p.date()));
            String index = benchmarkOf.get(a.listing().ticker());
            levels.stream().filter(b -> b.index().equals(index)).forEach(b -> exchangeDates.add(b.date()));
        }
        Map<String, TradingCalendar> calendars = new HashMap<>();
        dates.forEach((exchange, d) -> calendars.put(exchange, TradingCalendar.of(d)));
        return calendars;
    }

    /** All listings, one cohort per exchange, one per listing year, and the named ones of cohorts.csv. */
    private static List<Cohort> cohorts(List<IpoAnalysis> analyses, List<CohortMember> members) {
        List<Cohort> cohorts = new ArrayList<>();
        cohorts.add(new Cohort("all", "every listing", analyses.stream().map(a -> a.listing().ticker()).toList()));
        analyses.stream().map(a -> a.listing().exchange()).distinct().sorted().forEach(x -> cohorts.add(new Cohort(
                "exchange " + x, "listed on " + x, analyses.stream().filter(a -> a.listing().exchange().equals(x))
                .map(a -> a.listing().ticker()).toList())));
        analyses.stream().map(a -> a.listing().listingDate().getYear()).distinct().sorted().forEach(y -> cohorts.add(
                new Cohort("listed in " + y, "listing date in " + y, analyses.stream()
                        .filter(a -> a.listing().listingDate().getYear() == y).map(a -> a.listing().ticker()).toList())));
        members.stream().map(CohortMember::cohort).distinct().sorted().forEach(name -> cohorts.add(new Cohort(name,
                "named in cohorts.csv", members.stream().filter(m -> m.cohort().equals(name)).map(CohortMember::ticker)
                .toList())));
        return cohorts;
    }
}
