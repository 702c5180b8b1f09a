package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.analysis.IpoAnalyzer;
import io.github.ipoanalyzer.eventstudy.EstimationMemo;
import io.github.ipoanalyzer.eventstudy.EventStudy;
import io.github.ipoanalyzer.eventstudy.EventStudySettings;
import io.github.ipoanalyzer.fees.FeeSchedule;
import io.github.ipoanalyzer.market.CohortMember;
import io.github.ipoanalyzer.market.Event;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.market.ListingHistory;
import io.github.ipoanalyzer.market.OfferFacts;
import io.github.ipoanalyzer.market.TradingDays;
import io.github.ipoanalyzer.money.FxRate;
import io.github.ipoanalyzer.money.FxRates;
import io.github.ipoanalyzer.store.MarketDataStore;
import io.github.ipoanalyzer.store.MarketTables;
import io.github.ipoanalyzer.subscription.SubscriptionInputs;
import io.github.ipoanalyzer.subscription.SubscriptionSettings;
import io.github.ipoanalyzer.subscription.TableRow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Set;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a report is made from, read from the store as of one day (nothing dated after it, see
 * {@link AsOfInputs}): the listings, the analyser with its rates, the event study with its
 * calendars and benchmarks, the cohorts, and the accounting of the input files. Each listing's
 * prices are read when it is reported, one listing at a time.
 */
final class ReportInputs {

    private final MarketDataStore.Histories histories;
    private final AsOfInputs asOf;
    final FeeSchedule fees;
    /** The fee schedule's rows, with where each came from, and its note, as text: what the series' net figures depend on. */
    final String feeSchedule;
    /** The exchange rates dated on or before the as-of day. */
    final List<FxRate> fxRates;
    final IpoAnalyzer analyzer;
    final List<Listing> listings;
    final EventStudy study;
    final List<CohortMember> cohortMembers;
    final Map<String, MarketDataStore.FileCounts> counts;
    final List<MarketDataStore.RejectedRow> rejects;
    final Map<String, List<String>> notices;
    /** Where day counts do not come from a trading calendar, one line per exchange. */
    final List<String> calendarNotes;
    /** Figures unknown for want of an input, each with the file and row that would fill it (see InputGaps). */
    final List<String> gaps;

    /** {@code feeScheduleFile}: the input file of the fee schedule, whose rejects make every net figure doubtful. */
    ReportInputs(MarketDataStore store, LocalDate day, EventStudySettings eventStudy, int maxCloseLagTradingDays,
                 String feeScheduleFile, SubscriptionSettings subscription) {
        this.histories = store.histories();
        this.asOf = new AsOfInputs(day);
        this.rejects = store.rejects();
        long feeRejects = rejects.stream().filter(r -> r.file().equals(feeScheduleFile)).count();
        List<FeeSchedule.Row> feeRows = store.loadAll(MarketTables.FEE_RULE).stream()
                .map(r -> new FeeSchedule.Row(r.row(), r.file() + " line " + r.line())).toList();
        String feeNote = feeRejects == 0 ? null : feeRejects + " row(s) of " + feeScheduleFile
                + " were rejected (see rejects.csv): net figures may lack a charge";
        this.fees = new FeeSchedule(feeRows, feeNote);
        this.feeSchedule = feeRows + " " + feeNote;
        TradingDays calendars = new TradingDays(store.rows(MarketTables.EXCHANGE_HOLIDAY));
        List<OfferFacts> offers = store.rows(MarketTables.OFFER_FACTS);
        this.fxRates = asOf.fxRates(store.fxRates());
        this.analyzer = new IpoAnalyzer(new FxRates(fxRates), fees,
                store.rows(MarketTables.ALLOTMENT), asOf.greyMarket(store.rows(MarketTables.GREY_MARKET)), calendars, day,
                maxCloseLagTradingDays).with(new SubscriptionInputs(store.loadAll(MarketTables.ALLOTMENT_BASIS).stream()
                .map(r -> new TableRow(r.row(), r.file(), r.line())).toList(), offers, subscription));
        this.listings = asOf.listings(store.rows(MarketTables.LISTING));
        Map<String, Set<LocalDate>> dataDates = asOf.tradingDates(store.priceDatesByExchange());
        Map<String, Set<LocalDate>> tradingDays = new TreeMap<>();
        List<String> caveats = new ArrayList<>();
        dataDates.forEach((exchange, dates) -> {
            tradingDays.put(exchange, calendars.tradingDaysOver(exchange, dates));
            if (!dates.isEmpty()) {
                calendars.caveat(exchange, Collections.min(dates), Collections.max(dates)).ifPresent(caveats::add);
            }
        });
        this.calendarNotes = List.copyOf(caveats);
        this.study = new EventStudy(eventStudy, analyzer.rates(), listings, tradingDays,
                asOf.benchmarkLevels(store.rows(MarketTables.BENCHMARK_LEVEL)), store.rows(MarketTables.BENCHMARK_MAP),
                withOfferEvents(asOf.events(store.rows(MarketTables.LISTING_EVENT)), offers), store.rows(MarketTables.LOCKUP),
                keptEstimationSums(store));
        this.cohortMembers = store.rows(MarketTables.COHORT_MEMBER);
        this.counts = store.countsByFile();
        List<InputGaps.Gap> found = InputGaps.of(listings, rates(), study::benchmarkMissingOnListingDay);
        this.gaps = found.stream().map(InputGaps.Gap::toString).toList();
        // Told where the input-files table and index.html tell each file's notices.
        Map<String, List<String>> withGaps = store.notices();
        found.forEach(g -> withGaps.computeIfAbsent(g.file(), f -> new ArrayList<>()).add(g.message()));
        this.notices = withGaps;
    }

    /**
     * The input events and the ends the offers fix (cornerstone lock-up, stabilization): known
     * since the offer, they are on the event calendar even when after the as-of day.
     */
    private static List<Event> withOfferEvents(List<Event> input, List<OfferFacts> offers) {
        List<Event> events = new ArrayList<>(input);
        offers.forEach(o -> events.addAll(o.events()));
        return events;
    }

    /**
     * Every listing's kept estimation sums, read at once: the report asks for each listing's. What
     * a listing keeps anew in this process is seen by a later study of it here (the charts'
     * listings); a remote worker's, only by the next run.
     */
    private static EstimationMemo keptEstimationSums(MarketDataStore store) {
        Map<String, byte[]> kept = new ConcurrentHashMap<>(store.estimationSums().loadAll());
        return new EstimationMemo(ticker -> Optional.ofNullable(kept.get(ticker)), (ticker, state) -> {
            store.estimationSums().save(ticker, state);
            kept.put(ticker, state);
        });
    }

    FxRates rates() {
        return analyzer.rates();
    }

    /** One listing's history up to the as-of day, what it left out counted in {@code tally}; called in partitions. */
    ListingHistory history(Listing listing, AsOfInputs.Tally tally) {
        return asOf.history(histories.of(listing), tally);
    }

    /** What the as-of day left out, one line per kind; {@code histories}: what every listing's history left out. */
    List<String> leftOut(AsOfInputs.Tally histories) {
        return asOf.leftOut(histories);
    }
}
