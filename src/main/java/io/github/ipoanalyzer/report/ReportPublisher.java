package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.analysis.IpoAnalysis;
import io.github.ipoanalyzer.analysis.IpoAnalyzer;
import io.github.ipoanalyzer.eventstudy.EventStudy;
import io.github.ipoanalyzer.market.Event;
import io.github.ipoanalyzer.eventstudy.EventStudySettings;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.money.Money;
import io.github.ipoanalyzer.market.ListingHistory;
import io.github.ipoanalyzer.money.FxRates;
import io.github.ipoanalyzer.store.InputFileLedger;
import io.github.ipoanalyzer.store.MarketDataStore;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.List;
import java.util.Map;

/**
 * Writes one run's report folder from the analysis tables, in a staging folder that is renamed
 * into place only when all is written. The pieces: {@link ReportInputs} reads what the report is
 * made from, as of its day; {@link InListingOrder} computes each listing on worker threads and
 * hands its rows on in listing order; {@link ReportTables} and {@link EventStudyTables} render
 * the CSV rows, {@link Charts} the PNGs, {@link IndexPage} index.html and {@link Manifest}
 * manifest.json; {@link ReportFolder} publishes.
 */
public class ReportPublisher {

    private final MarketDataStore store;
    private final InputFileLedger ledger;
    private final Settings settings;

    private final long progressIntervalNanos;

    /**
     * What does not vary from run to run: the event study's settings, the longest wait for a
     * first close, how many listings the charts show, how many listings are computed at once
     * (the writing is on the calling thread), how often a progress line is logged, and which
     * input file holds the fee schedule.
     */
    public record Settings(EventStudySettings eventStudy, int maxCloseLagTradingDays, int chartMaxListings,
                           int threads, long progressIntervalMillis, String feeScheduleFile) {
    }

    public ReportPublisher(MarketDataStore store, InputFileLedger ledger, Settings settings) {
        this.store = store;
        this.ledger = ledger;
        this.settings = settings;
        this.progressIntervalNanos = settings.progressIntervalMillis() * 1_000_000L;
    }

    /**
     * Which run the report is of, as its manifest names it: the as-of date, the run number,
     * what identifies the run's work ({@code identity}: a folder of that name with another
     * identity is never replaced), its job parameters, the version and when it started.
     */
    public record Run(LocalDate asOf, long number, String identity, Map<String, Object> parameters, String version,
                      Instant startedAt) {
    }

    /**
     * One report to publish: of which run, from which input files (each file's hash as the run
     * took it when it started: not read again), into which output folder, keeping how many.
     */
    public record Request(Run run, Map<String, String> inputSha256, Path outputRoot, int keep) {
    }

    /**
     * Computes and writes the report one listing at a time: each listing's history is read, its
     * metrics and event study computed and its rows written, and only its first-day figures are
     * kept for the cohorts, the charts and the index page (the full series too for the listings
     * the charts show).
     */
    public Published publish(Request request, BooleanSupplier stopRequested) throws IOException {
        ReportInputs in = new ReportInputs(store, request.run().asOf(), settings.eventStudy(),
                settings.maxCloseLagTradingDays(), settings.feeScheduleFile());
        Set<String> charted = largestByProceeds(in.listings, in.rates(), settings.chartMaxListings());
        ReportFolder folders = new ReportFolder(request.outputRoot());
        Path staging = folders.stage(request.run().number());
        try {
            List<IpoAnalysis> summaries = new ArrayList<>();
            List<IpoAnalysis> chartedAnalyses = new ArrayList<>();
            List<Event> chartedEvents = new ArrayList<>();
            List<CsvTable> tables = new ArrayList<>();
            List<SeriesTable> series = new ArrayList<>();
            try (CsvTable firstDay = ReportTables.firstDay(staging);
                 SeriesTable lotGains = ReportTables.lotGains(staging);
                 CsvTable lotCharges = ReportTables.lotCharges(staging);
                 SeriesTable marketValue = ReportTables.marketValue(staging);
                 CsvTable priceToSales = ReportTables.priceToSales(staging);
                 CsvTable capReconciliation = ReportTables.capReconciliation(staging);
                 CsvTable events = EventStudyTables.events(staging);
                 CsvTable abnormalReturns = EventStudyTables.abnormalReturns(staging);
                 CsvTable buyAndHold = EventStudyTables.buyAndHold(staging)) {
                // Each per-listing table with the rows one listing gives it.
                EventStudy study = in.study;
                List<Section> sections = List.of(
                        new Section(firstDay, (t, l) -> ReportTables.addFirstDay(t, l.analysis())),
                        new Section(lotGains, (t, l) -> ReportTables.addLotGains(t, l.analysis())),
                        new Section(lotCharges, (t, l) -> ReportTables.addLotCharges(t, l.analysis())),
                        new Section(marketValue, (t, l) -> ReportTables.addMarketValue(t, l.analysis())),
                        new Section(priceToSales, (t, l) -> ReportTables.addPriceToSales(t, l.analysis())),
                        new Section(capReconciliation, (t, l) -> ReportTables.addCapReconciliation(t, l.analysis())),
                        new Section(events, (t, l) -> EventStudyTables.addEvents(t, l.result())),
                        new Section(abnormalReturns, (t, l) -> EventStudyTables.addAbnormalReturns(t, l.result(),
                                study.benchmarkOf(l.analysis().listing().ticker()))),
                        new Section(buyAndHold, (t, l) -> EventStudyTables.addBuyAndHold(t, l.result(),
                                study.benchmarkOf(l.analysis().listing().ticker()))));
                sections.stream().filter(s -> s.table() instanceof CsvTable).forEach(s -> tables.add((CsvTable) s.table()));
                new InListingOrder(settings.threads(), progressIntervalNanos).forEach(in.listings,
                        listing -> report(in.history(listing), in.analyzer, study, sections), r -> {
                            if (stopRequested.getAsBoolean()) {
                                throw new PublishStoppedException();
                            }
                            for (int i = 0; i < sections.size(); i++) {
                                sections.get(i).table().append(r.rows().get(i));
                            }
                            ListingFigures f = r.figures();
                            study.gather(f.result());
                            summaries.add(f.analysis().firstDayOnly());
                            if (charted.contains(f.analysis().listing().ticker())) {
                                chartedAnalyses.add(f.analysis());
                                chartedEvents.addAll(f.result().events());
                            }
                        }, () -> marketValue.rowCount() + lotGains.rowCount());
                series.add(lotGains);
                series.add(marketValue);
            }
            EventStudy.Result cohorts = in.study.finish(summaries, in.cohortMembers);
            for (CsvTable table : List.of(EventStudyTables.cohorts(staging, cohorts),
                    EventStudyTables.cohortCars(staging, cohorts), ReportTables.rejects(staging, in.rejects),
                    ReportTables.inputFiles(staging, request.inputSha256(), in.counts, in.notices, ledger.parsedInRun()))) {
                table.close();
                tables.add(table);
            }
            String selection = in.listings.size() > charted.size() ? "the " + charted.size() + " largest of "
                    + in.listings.size() + " listings by gross proceeds (all are in the CSV files)" : null;
            Charts chartMaker = new Charts(chartedAnalyses, request.run().asOf(), selection);
            List<Charts.ChartFile> charts = new ArrayList<>(chartMaker.writeAll(staging));
            charts.add(chartMaker.writeDistribution(staging, summaries));
            charts.addAll(chartMaker.writeEventStudy(staging, cohorts, chartedEvents));
            Files.writeString(staging.resolve("index.html"), IndexPage.render(request.run().asOf(), chartedAnalyses,
                    selection, cohorts, tables, series, charts, in.rejects.size(), in.notices), StandardCharsets.UTF_8);
            List<String> leftOut = in.leftOut();
            List<CsvTable> written = new ArrayList<>(tables);
            series.forEach(s -> written.addAll(s.files()));
            Manifest.write(staging, request, request.inputSha256(), in.counts, in.notices, written, leftOut,
                    in.calendarNotes);
            if (stopRequested.getAsBoolean()) {
                throw new PublishStoppedException();
            }
            Path folder = folders.publish(staging, ReportFolder.name(request.run().asOf().toString(),
                    request.run().number()), request.keep(), existing -> Manifest.isOfRun(existing, request.run().identity()));
            return new Published(folder, leftOut, in.calendarNotes);
        } catch (IOException | RuntimeException e) {
            folders.discard(staging);
            throw e;
        }
    }

    /** One listing's analysis and event study. */
    private record ListingFigures(IpoAnalysis analysis, EventStudy.ListingResult result) {
    }

    /** A per-listing table and how one listing's figures become its rows. */
    private record Section(ListingTable table, BiConsumer<RowSink, ListingFigures> rows) {
    }

    /** One listing's figures and its rendered rows of each section, in the sections' order. */
    private record ListingReport(ListingFigures figures, List<RowSink> rows) {
    }

    /**
     * The folder published, what the as-of date left out of it (one line per kind), and where day
     * counts do not come from a trading calendar (one line per exchange).
     */
    public record Published(Path folder, List<String> leftOutAfterAsOf, List<String> calendarNotes) {
    }

    /** The report was not finished because the run was asked to stop; nothing was published. */
    public static final class PublishStoppedException extends RuntimeException {
        PublishStoppedException() {
            super("stopped before the report was published");
        }
    }

    /** Reads, analyses and renders one listing's history; runs on a worker thread. */
    private ListingReport report(ListingHistory history, IpoAnalyzer analyzer, EventStudy study, List<Section> sections) {
        IpoAnalysis a = analyzer.analyse(history);
        ListingFigures figures = new ListingFigures(a, study.study(a, history));
        List<RowSink> rows = new ArrayList<>();
        for (Section section : sections) {
            RowSink sectionRows = section.table().rows();
            section.rows().accept(sectionRows, figures);
            rows.add(sectionRows);
        }
        return new ListingReport(figures, rows);
    }

    /** The listings the charts show: the largest by gross proceeds N × P0 (in CNY where a rate exists). */
    static Set<String> largestByProceeds(List<Listing> listings, FxRates rates, int max) {
        return listings.stream()
                .sorted(Comparator.comparing((Listing l) -> {
                    Money proceeds = l.offer().times(BigDecimal.valueOf(l.sharesOffered()));
                    return rates.toCny(proceeds, l.listingDate()).map(c -> c.converted().amount()).orElse(proceeds.amount());
                }).reversed().thenComparing(Listing::ticker))
                .limit(max).map(Listing::ticker).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
