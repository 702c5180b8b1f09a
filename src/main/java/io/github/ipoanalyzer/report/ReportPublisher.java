package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.analysis.IpoAnalysis;
import io.github.ipoanalyzer.analysis.IpoAnalyzer;
import io.github.ipoanalyzer.eventstudy.EventStudy;
import io.github.ipoanalyzer.market.Event;
import io.github.ipoanalyzer.eventstudy.EventStudySettings;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.money.Money;
import io.github.ipoanalyzer.market.ListingHistory;
import io.github.ipoanalyzer.store.InputFingerprint;
import io.github.ipoanalyzer.money.FxRates;
import io.github.ipoanalyzer.store.InputFileLedger;
import io.github.ipoanalyzer.store.MarketDataStore;
import io.github.ipoanalyzer.store.MarketTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes one run's report folder from the analysis tables: the CSVs, the charts, index.html and
 * manifest.json, in a staging folder that is renamed into place only when all is written.
 */
public class ReportPublisher {

    private final MarketDataStore store;
    private final InputFileLedger ledger;
    private final Settings settings;
    private static final Logger progressLog = LoggerFactory.getLogger("io.github.ipoanalyzer.progress");

    private final long progressIntervalNanos;

    /**
     * What does not vary from run to run: the event study's settings, the longest wait for a
     * first close, how many listings the charts show, how many listings are computed at once
     * (the writing is on the calling thread), and how often a progress line is logged.
     */
    public record Settings(EventStudySettings eventStudy, int maxCloseLagTradingDays, int chartMaxListings,
                           int threads, long progressIntervalMillis) {
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
        AsOfInputs asOf = new AsOfInputs(request.run().asOf());
        IpoAnalyzer analyzer = new IpoAnalyzer(new FxRates(asOf.fxRates(store.fxRates())), request.run().asOf(),
                settings.maxCloseLagTradingDays());
        FxRates rates = analyzer.rates();
        List<Listing> listings = asOf.listings(store.rows(MarketTables.LISTING));
        Set<String> charted = largestByProceeds(listings, rates, settings.chartMaxListings());
        EventStudy study = new EventStudy(settings.eventStudy(), rates, listings, asOf.tradingDates(store.priceDatesByExchange()),
                asOf.benchmarkLevels(store.rows(MarketTables.BENCHMARK_LEVEL)), store.rows(MarketTables.BENCHMARK_MAP),
                asOf.events(store.rows(MarketTables.LISTING_EVENT)), store.rows(MarketTables.LOCKUP));
        Map<String, String> inputHashes = request.inputSha256();
        Map<String, MarketDataStore.FileCounts> counts = store.countsByFile();
        List<MarketDataStore.RejectedRow> rejects = store.rejects();
        Map<String, List<String>> notices = store.notices();

        ReportFolder folders = new ReportFolder(request.outputRoot());
        Path staging = folders.stage(request.run().number());
        try {
            List<IpoAnalysis> summaries = new ArrayList<>();
            List<IpoAnalysis> chartedAnalyses = new ArrayList<>();
            List<Event> chartedEvents = new ArrayList<>();
            List<CsvTable> tables = new ArrayList<>();
            try (CsvTable firstDay = ReportTables.firstDay(staging);
                 CsvTable lotGains = ReportTables.lotGains(staging);
                 CsvTable marketValue = ReportTables.marketValue(staging);
                 CsvTable priceToSales = ReportTables.priceToSales(staging);
                 CsvTable capReconciliation = ReportTables.capReconciliation(staging);
                 CsvTable events = EventStudyTables.events(staging);
                 CsvTable abnormalReturns = EventStudyTables.abnormalReturns(staging);
                 CsvTable buyAndHold = EventStudyTables.buyAndHold(staging)) {
                // Each per-listing table with the rows one listing gives it.
                List<Section> sections = List.of(
                        new Section(firstDay, (t, l) -> ReportTables.addFirstDay(t, l.analysis())),
                        new Section(lotGains, (t, l) -> ReportTables.addLotGains(t, l.analysis())),
                        new Section(marketValue, (t, l) -> ReportTables.addMarketValue(t, l.analysis())),
                        new Section(priceToSales, (t, l) -> ReportTables.addPriceToSales(t, l.analysis())),
                        new Section(capReconciliation, (t, l) -> ReportTables.addCapReconciliation(t, l.analysis())),
                        new Section(events, (t, l) -> EventStudyTables.addEvents(t, l.result())),
                        new Section(abnormalReturns, (t, l) -> EventStudyTables.addAbnormalReturns(t, l.result(),
                                study.benchmarkOf(l.analysis().listing().ticker()))),
                        new Section(buyAndHold, (t, l) -> EventStudyTables.addBuyAndHold(t, l.result(),
                                study.benchmarkOf(l.analysis().listing().ticker()))));
                sections.forEach(section -> tables.add(section.table()));
                Progress progress = new Progress(listings.size(), progressIntervalNanos);
                inListingOrder(listings, listing -> report(asOf.history(store.history(listing)), analyzer, study,
                        sections), r -> {
                    if (stopRequested.getAsBoolean()) {
                        throw new PublishStoppedException();
                    }
                    for (int i = 0; i < sections.size(); i++) {
                        sections.get(i).table().append(r.rows().get(i));
                    }
                    progress.listingDone(marketValue.rowCount() + lotGains.rowCount());
                    ListingFigures f = r.figures();
                    study.gather(f.result());
                    summaries.add(f.analysis().firstDayOnly());
                    if (charted.contains(f.analysis().listing().ticker())) {
                        chartedAnalyses.add(f.analysis());
                        chartedEvents.addAll(f.result().events());
                    }
                });
            }
            EventStudy.Result cohorts = study.finish(summaries, store.rows(MarketTables.COHORT_MEMBER));
            for (CsvTable table : List.of(EventStudyTables.cohorts(staging, cohorts),
                    EventStudyTables.cohortCars(staging, cohorts), ReportTables.rejects(staging, rejects),
                    ReportTables.inputFiles(staging, inputHashes, counts, notices, ledger.parsedInRun()))) {
                table.close();
                tables.add(table);
            }
            String selection = listings.size() > charted.size() ? "the " + charted.size() + " largest of "
                    + listings.size() + " listings by gross proceeds (all are in the CSV files)" : null;
            Charts chartMaker = new Charts(chartedAnalyses, request.run().asOf(), selection);
            List<Charts.ChartFile> charts = new ArrayList<>(chartMaker.writeAll(staging));
            charts.addAll(chartMaker.writeEventStudy(staging, cohorts, chartedEvents));
            Files.writeString(staging.resolve("index.html"),
                    IndexPage.render(request.run().asOf(), chartedAnalyses, selection, cohorts, tables, charts, rejects.size(),
                            notices), StandardCharsets.UTF_8);
            List<String> leftOut = asOf.leftOut();
            writeManifest(staging, request, inputHashes, counts, notices, tables, leftOut);
            if (stopRequested.getAsBoolean()) {
                throw new PublishStoppedException();
            }
            Path folder = folders.publish(staging, ReportFolder.name(request.run().asOf().toString(), request.run().number()),
                    request.keep(), existing -> sameRun(existing, request));
            return new Published(folder, leftOut);
        } catch (IOException | RuntimeException e) {
            folders.discard(staging);
            throw e;
        }
    }

    /** A progress line every interval while the listings are computed: a whole market takes minutes. */
    private static final class Progress {
        private final int listings;
        private final long intervalNanos;
        private final long start = System.nanoTime();
        private long last = start;
        private int done;

        Progress(int listings, long intervalNanos) {
            this.listings = listings;
            this.intervalNanos = intervalNanos;
        }

        void listingDone(long seriesRows) {
            done++;
            long now = System.nanoTime();
            if (now - last >= intervalNanos && done < listings) {
                last = now;
                progressLog.info(String.format(Locale.ROOT, "  %-18s %,10d of %,d listings, %3.0f%%; %,d rows of "
                                + "market value and lot gains written (%,.0f rows/s)", "publishReport", done, listings,
                        100.0 * done / listings, seriesRows, seriesRows / ((now - start) / 1e9)));
            }
        }
    }

    /** One listing's analysis and event study. */
    private record ListingFigures(IpoAnalysis analysis, EventStudy.ListingResult result) {
    }

    /** A per-listing table and how one listing's figures become its rows. */
    private record Section(CsvTable table, BiConsumer<RowSink, ListingFigures> rows) {
    }

    /** One listing's figures and its rendered rows of each section, in the sections' order. */
    private record ListingReport(ListingFigures figures, List<CsvTable.Rows> rows) {
    }

    /** The folder published, and what the as-of date left out of it (one line per kind). */
    public record Published(Path folder, List<String> leftOutAfterAsOf) {
    }

    /** The report was not finished because the run was asked to stop; nothing was published. */
    public static final class PublishStoppedException extends RuntimeException {
        PublishStoppedException() {
            super("stopped before the report was published");
        }
    }

    /** A folder of this name was published by this very run (same parameters) before a crash. */
    private static boolean sameRun(Path folder, Request request) {
        try {
            Object identity = JsonMapper.builder().build().readValue(folder.resolve("manifest.json").toFile(), Map.class)
                    .get("runIdentity");
            return request.run().identity().equals(identity);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Reads, analyses and renders one listing's history; runs on a worker thread. */
    private ListingReport report(ListingHistory history, IpoAnalyzer analyzer, EventStudy study, List<Section> sections) {
        IpoAnalysis a = analyzer.analyse(history);
        ListingFigures figures = new ListingFigures(a, study.study(a, history));
        List<CsvTable.Rows> rows = new ArrayList<>();
        for (Section section : sections) {
            CsvTable.Rows sectionRows = section.table().rows();
            section.rows().accept(sectionRows, figures);
            rows.add(sectionRows);
        }
        return new ListingReport(figures, rows);
    }

    /**
     * Computes {@code work} for the listings on {@code settings.threads()} worker threads, a few listings
     * ahead, and hands each result to {@code consume} on this thread in listing order: the
     * report is the same byte for byte as computed one listing after the other, in less time.
     */
    private void inListingOrder(List<Listing> listings, Function<Listing, ListingReport> work,
                                Consumer<ListingReport> consume) throws IOException {
        AtomicInteger n = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "report-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<ListingReport>> ahead = new ArrayDeque<>();
            Iterator<Listing> next = listings.iterator();
            while (next.hasNext() || !ahead.isEmpty()) {
                while (next.hasNext() && ahead.size() < 2 * settings.threads()) {
                    Listing listing = next.next();
                    ahead.add(workers.submit(() -> work.apply(listing)));
                }
                consume.accept(ahead.poll().get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the report", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            workers.shutdownNow();
        }
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

    private static void writeManifest(Path staging, Request request, Map<String, String> inputHashes,
                                      Map<String, MarketDataStore.FileCounts> counts,
                                      Map<String, List<String>> notices, List<CsvTable> tables,
                                      List<String> leftOut) throws IOException {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("application", "ipo-analyzer");
        manifest.put("version", request.run().version());
        manifest.put("asOf", request.run().asOf().toString());
        manifest.put("runId", request.run().number());
        manifest.put("runIdentity", request.run().identity());
        manifest.put("startedAt", request.run().startedAt().toString());
        manifest.put("finishedAt", Instant.now().toString());
        manifest.put("parameters", request.run().parameters());
        List<Map<String, Object>> inputs = new ArrayList<>();
        inputHashes.forEach((file, hash) -> {
            MarketDataStore.FileCounts c = counts.getOrDefault(file, new MarketDataStore.FileCounts(0, 0));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("file", file);
            entry.put("sha256", hash);
            entry.put("rowsRead", c.read());
            entry.put("rowsLoaded", c.loaded());
            entry.put("rowsRejected", c.rejected());
            entry.put("notices", notices.getOrDefault(file, List.of()));
            inputs.add(entry);
        });
        manifest.put("inputs", inputs);
        manifest.put("leftOutAfterAsOf", leftOut);
        // The CSVs were hashed as they were written (millions of rows are not read back); the rest is small.
        Map<String, String> written = tables.stream().collect(Collectors.toMap(CsvTable::fileName, CsvTable::sha256));
        List<Map<String, Object>> outputs = new ArrayList<>();
        try (Stream<Path> files = Files.list(staging)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                outputs.add(Map.of("file", name, "sha256", written.containsKey(name) ? written.get(name)
                        : InputFingerprint.sha256(file)));
            }
        }
        manifest.put("outputs", outputs);
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.writeString(staging.resolve("manifest.json"), json.writeValueAsString(manifest), StandardCharsets.UTF_8);
    }
}
