package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.analysis.IpoAnalysis;
import io.github.ipoanalyzer.eventstudy.EventStudy;
import io.github.ipoanalyzer.eventstudy.EventStudySettings;
import io.github.ipoanalyzer.market.Event;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.market.ListingHistory;
import io.github.ipoanalyzer.money.FxRates;
import io.github.ipoanalyzer.money.Money;
import io.github.ipoanalyzer.store.InputFileLedger;
import io.github.ipoanalyzer.store.MarketDataStore;
import io.github.ipoanalyzer.store.MarketTables;
import io.github.ipoanalyzer.store.PriceStore;
import io.github.ipoanalyzer.subscription.BreakIssue;
import io.github.ipoanalyzer.subscription.PolicyBacktest;
import io.github.ipoanalyzer.subscription.SubscriptionSettings;
import io.github.ipoanalyzer.money.FxRate;

import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Optional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Writes one run's report folder from the analysis tables, in two phases. {@link #listing}
 * computes one listing (in a partition, on any thread or machine): its history is read, its
 * metrics and event study computed, its rows rendered, and what the report needs of it later
 * (first-day figures, CARs, the full series of the listings the charts show) kept, to be
 * appended to the partition's file ({@link ReportParts}). {@link #assemble} then appends the
 * partitions' rows in listing order to the report's tables (so the bytes are those of a
 * one-thread run), computes the cohorts and
 * writes charts, index.html and manifest.json in a staging folder that is renamed into place
 * only when all is written. The pieces: {@link ReportInputs} reads what the report is made
 * from, as of its day; {@link ReportTables} and {@link EventStudyTables} render the CSV rows,
 * {@link Charts} the PNGs, {@link IndexPage} index.html and {@link Manifest} manifest.json;
 * {@link ReportParts} holds the partitions and {@link ReportFolder} publishes.
 */
public class ReportPublisher {

    private final MarketDataStore store;
    private final InputFileLedger ledger;
    private final Settings settings;
    /** What the report is made from, read once per run execution in this process, whatever it computes. */
    private String inputsOf;
    private RunInputs inputs;
    /** What this execution's series are computed from; with {@link #inputs}. */
    private SeriesBasis basis;

    /**
     * What does not vary from run to run: the event study's settings, the longest wait for a
     * first close, how many listings the charts show, and which input file holds the fee schedule.
     */
    public record Settings(EventStudySettings eventStudy, int maxCloseLagTradingDays, int chartMaxListings,
                           String feeScheduleFile, SubscriptionSettings subscription) {
    }

    public ReportPublisher(MarketDataStore store, InputFileLedger ledger, Settings settings) {
        this.store = store;
        this.ledger = ledger;
        this.settings = settings;
    }

    /**
     * Which run the report is of, as its manifest names it: the as-of date, the run number,
     * what identifies the run's work ({@code identity}: a folder of that name with another
     * identity is never replaced), its job parameters, the version and when it started.
     */
    /** {@code settings}: every setting that changes a figure, by name, as the run took it (empty: none recorded). */
    public record Run(LocalDate asOf, long number, String identity, Map<String, Object> parameters, String version,
                      Instant startedAt, Map<String, String> settings) {
    }

    /**
     * One report to publish: of which run, from which input files (each file's hash as the run
     * took it when it started: not read again), into which output folder, keeping how many.
     */
    public record Request(Run run, Map<String, String> inputSha256, Path outputRoot, int keep) {
    }

    /** The listings a report of {@code asOf} covers, in the order of its rows; partitions are ranges of it. */
    public int listingCount(LocalDate asOf) {
        return new AsOfInputs(asOf).listings(store.rows(MarketTables.LISTING)).size();
    }

    /**
     * Computes listing {@code index} of the report's listing order: its metrics, event study and
     * rows; what the report's assembly needs of it. {@code execution} names the run's execution:
     * what the report is made from is read once per execution in this process.
     */
    public ListingPart listing(Run run, long execution, int index, SeriesCarry carry) {
        RunInputs prepared = inputs(run, execution);
        ReportInputs in = prepared.in();
        Listing listing = in.listings.get(index);
        AsOfInputs.Tally leftOut = new AsOfInputs.Tally();
        ListingHistory history = in.history(listing, leftOut);
        boolean shown = prepared.charted().contains(listing.ticker());
        // A charted listing's whole series is drawn; of the others, only the months not taken over are needed.
        IpoAnalysis a = in.analyzer.analyse(history, shown ? null : carry.firstComputedDay());
        ListingFigures figures = new ListingFigures(a, in.study.study(a, history));
        List<RenderedRows> rows = new ArrayList<>();
        for (Section section : prepared.sections()) {
            ListingRows sectionRows = section.table().blankRows(carry.fromMonth());
            section.rows().accept(sectionRows, figures);
            rows.add(sectionRows.rendered());
        }
        return new ListingPart(index, a.forCohorts(), shown ? a : null, shown ? figures.result().events() : List.of(),
                figures.result().carValues(), figures.result().pathPoints(), leftOut, rows);
    }

    /**
     * Appends every partition's rows in listing order and writes the rest of the report: the
     * cohorts, rejects, input files, charts, index.html and manifest.json; then publishes the
     * folder and removes the partitions. Only the first-day figures of each listing are held
     * (and the full series of the listings the charts show).
     */
    public Published assemble(Request request, long execution, SeriesCarry carry, BooleanSupplier stopRequested)
            throws IOException {
        RunInputs prepared = inputs(request.run(), execution);
        ReportInputs in = prepared.in();
        Set<String> charted = prepared.charted();
        ReportFolder folders = new ReportFolder(request.outputRoot());
        ReportParts parts = folders.parts(request.run().number());
        Path staging = folders.stage(request.run().number());
        try {
            List<IpoAnalysis> summaries = new ArrayList<>();
            List<IpoAnalysis> chartedAnalyses = new ArrayList<>();
            List<Event> chartedEvents = new ArrayList<>();
            EventStudy.Gathered gathered = new EventStudy.Gathered();
            AsOfInputs.Tally histories = new AsOfInputs.Tally();
            List<CsvTable> tables = new ArrayList<>();
            List<SeriesTable> series = new ArrayList<>();
            List<ListingTable> open = new ArrayList<>();
            try {
                for (Section section : prepared.sections()) {
                    ListingTable table = section.table().open(staging);
                    open.add(table);
                    if (table instanceof CsvTable csv) {
                        tables.add(csv);
                    } else {
                        series.add((SeriesTable) table);
                    }
                }
                if (carry.takesOver()) {
                    Path previous = Path.of(carry.previousFolder());
                    Map<String, Manifest.Output> outputs = Manifest.outputs(previous);
                    for (SeriesTable table : series) {
                        table.carry(previous, outputs, carry.fromMonth());
                    }
                }
                int next = 0;
                for (Path file : parts.files()) {
                    try (ReportParts.Reader part = parts.read(file)) {
                        for (ListingPart listing = part.next(); listing != null; listing = part.next()) {
                            if (listing.index() != next) {
                                throw new IllegalStateException(file + " holds listing " + listing.index()
                                        + " where listing " + next + " was due: the report's partitions do not match");
                            }
                            next++;
                            if (stopRequested.getAsBoolean()) {
                                throw new PublishStoppedException();
                            }
                            for (int i = 0; i < open.size(); i++) {
                                open.get(i).append(listing.rows().get(i));
                            }
                            gathered.gather(listing.carValues(), listing.pathPoints());
                            summaries.add(listing.summary());
                            histories.add(listing.leftOut());
                            if (listing.charted() != null) {
                                chartedAnalyses.add(listing.charted());
                                chartedEvents.addAll(listing.chartedEvents());
                            }
                        }
                    }
                }
                if (next != in.listings.size()) {
                    throw new IllegalStateException("the report's partitions in " + parts.folder() + " hold " + next
                            + " of " + in.listings.size() + " listings (files removed by hand?): run again with --force");
                }
            } finally {
                closeAll(open);
            }
            EventStudy.Result cohorts = in.study.finish(gathered, summaries, in.cohortMembers);
            PolicyBacktest.Result backtest = SubscriptionReport.backtest(summaries, in.cohortMembers,
                    settings.subscription().policies());
            List<BreakIssue.Rate> breakIssue = SubscriptionReport.breakIssue(summaries, in.cohortMembers);
            for (CsvTable table : List.of(EventStudyTables.cohorts(staging, cohorts),
                    EventStudyTables.cohortCars(staging, cohorts, settings.eventStudy().describe()),
                    SubscriptionReport.policyTable(staging, backtest),
                    SubscriptionReport.breakIssueTable(staging, breakIssue),
                    ReportTables.rejects(staging, in.rejects),
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
            chartMaker.writeTiers(staging, chartedAnalyses).ifPresent(charts::add);
            Files.writeString(staging.resolve("index.html"), IndexPage.render(request.run().asOf(), chartedAnalyses,
                    selection, cohorts, tables, series, charts, totalRows(in.counts), in.notices, request.run().settings(),
                    SubscriptionSection.html(chartedAnalyses, backtest, breakIssue)),
                    StandardCharsets.UTF_8);
            List<String> leftOut = in.leftOut(histories);
            List<ReportFile> written = new ArrayList<>(tables);
            series.forEach(s -> written.addAll(s.files()));
            Manifest.write(staging, request, request.inputSha256(), in.counts, in.notices, written, leftOut,
                    in.calendarNotes, carry.reason());
            if (stopRequested.getAsBoolean()) {
                throw new PublishStoppedException();
            }
            String name = ReportFolder.name(request.run().asOf().toString(), request.run().number());
            // Recorded first: a basis naming a folder that did not get published is never used.
            store.seriesBasis().save(basis(request.run(), execution)
                    .publishedAs(staging.toRealPath().resolveSibling(name).toString()).toBytes());
            ReportFolder.Publication publication = folders.publish(staging, name, request.keep(),
                    existing -> Manifest.isOfRun(existing, request.run().identity()));
            parts.discard();
            List<String> notes = new ArrayList<>();
            if (!carry.changed().isEmpty()) {
                notes.add("warning: " + carry.changed());
            }
            notes.addAll(publication.notes());
            return new Published(publication.folder(), leftOut, in.calendarNotes, notes, in.gaps);
        } catch (IOException | RuntimeException e) {
            folders.discard(staging);
            throw e;
        }
    }

    /**
     * Which months of the per-close series this run takes over from the latest published report
     * in {@code outputRoot}: those before the earliest date from which anything they depend on
     * differs from what that report's series were computed from ({@link SeriesBasis}). A nightly
     * run that appended a day takes over every month before the new day's. Nothing is taken over
     * with {@code recomputeAll} (--force), or without an earlier report or its basis. Every file
     * to be taken over is verified against that report's manifest first ({@link TakenOverFile}):
     * from the month of the first that is not what it lists (edited, gone, reached through a
     * link), every month is computed, and the carry says which file it was.
     */
    public SeriesCarry seriesCarry(Run run, long execution, Path outputRoot, boolean recomputeAll) {
        if (recomputeAll) {
            return SeriesCarry.none("--force: every month of the series is computed");
        }
        Path latest = outputRoot.resolve(ReportFolder.LATEST);
        Optional<byte[]> saved = store.seriesBasis().load();
        if (!Files.isDirectory(latest) || saved.isEmpty()) {
            return SeriesCarry.none("no earlier report to take months of the series over from");
        }
        try {
            Path previous = latest.toRealPath();
            SeriesBasis before;
            try {
                before = SeriesBasis.fromBytes(saved.get());
            } catch (IOException e) {
                throw new IOException("the basis of the latest report cannot be read (" + e.getMessage() + ")", e);
            }
            if (!before.folder().equals(previous.toString())) {
                return SeriesCarry.none("the latest report " + previous + " is not the one this database last "
                        + "published (" + before.folder() + "): every month of the series is computed");
            }
            Optional<LocalDate> change = before.firstChange(basis(run, execution));
            if (change.isPresent() && change.get().equals(LocalDate.MIN)) {
                return SeriesCarry.none("version, settings or fee schedule differ from " + previous.getFileName()
                        + "'s: every month of the series is computed");
            }
            // Nothing changed at all (other options): every month is taken over.
            String from = change.map(YearMonth::from).orElse(YearMonth.from(run.asOf()).plusMonths(1)).toString();
            String why = change.map(d -> " (the earliest change is dated " + d + ")").orElse(" (nothing they depend on changed)");
            // Month by month, so that the first file that is not what the manifest lists sets where computing starts.
            Map<String, Map.Entry<String, Manifest.Output>> byMonth = new java.util.TreeMap<>();
            for (Map.Entry<String, Manifest.Output> output : Manifest.outputs(previous).entrySet()) {
                String file = output.getKey();
                if (file.startsWith(SeriesTable.FOLDER + "/") && file.endsWith(".csv")) {
                    Optional<String> month = SeriesTable.monthOf(file);
                    if (output.getValue().rows() < 0 || month.isEmpty()) {
                        return SeriesCarry.none(previous.getFileName() + "'s manifest does not list the rows of " + file
                                + ": every month of the series is computed");
                    }
                    byMonth.put(month.get() + " " + file, output);
                }
            }
            String changed = "";
            for (Map.Entry<String, Map.Entry<String, Manifest.Output>> taken : byMonth.entrySet()) {
                String month = taken.getKey().substring(0, 7);
                if (month.compareTo(from) >= 0) {
                    break;
                }
                try {
                    TakenOverFile.verified(previous, taken.getValue().getKey(), taken.getValue().getValue());
                } catch (IOException e) {
                    from = month;
                    why = " (" + taken.getValue().getKey() + " there is not what its manifest lists)";
                    changed = e.getMessage() + "; not taken over: months from " + month + " on are computed again";
                }
            }
            return new SeriesCarry(previous.toString(), from, "months before " + from + " taken over from "
                    + previous.getFileName() + why, changed);
        } catch (IOException e) {
            return SeriesCarry.none(e.getMessage() + ": every month of the series is computed");
        }
    }

    /**
     * What the series of this run are computed from, once per execution in this process (the
     * choice of months and the record kept at publishing ask for it; nothing is loaded between).
     */
    private synchronized SeriesBasis basis(Run run, long execution) {
        ReportInputs in = inputs(run, execution).in();
        if (basis == null) {
            basis = basis(run, in);
        }
        return basis;
    }

    private SeriesBasis basis(Run run, ReportInputs in) {
        Map<String, LocalDate> marks = new HashMap<>();
        for (Listing listing : in.listings) {
            marks.put("listing " + SeriesBasis.sha256(listing.toString()), listing.listingDate());
        }
        for (PriceStore.BlockMark block : store.prices().blockMarks(run.asOf())) {
            marks.put("prices " + block.id() + " " + block.rows(), block.firstDate());
        }
        for (FxRate rate : in.fxRates) {
            marks.put("rate " + rate, rate.date());
        }
        String fixed = SeriesBasis.sha256(String.join("\n", run.version(), settings.toString(),
                String.valueOf(SeriesTable.MAX_DATA_ROWS), in.feeSchedule));
        return new SeriesBasis("", run.asOf(), fixed, marks);
    }

    /**
     * Which months of the series a run takes over from an earlier report (those before
     * {@code fromMonth}, YYYY-MM, from {@code previousFolder}) and why: {@code fromMonth} is ""
     * when every month is computed. {@code changed} names the file of that report found not to be
     * what its manifest lists ("" when none). Decided once when the report's partitions are made.
     */
    public record SeriesCarry(String previousFolder, String fromMonth, String reason, String changed) {

        public static SeriesCarry none(String reason) {
            return new SeriesCarry("", "", reason, "");
        }

        public boolean takesOver() {
            return !fromMonth.isEmpty();
        }

        /** The first day whose series rows are computed; null when all are. */
        LocalDate firstComputedDay() {
            return takesOver() ? YearMonth.parse(fromMonth).atDay(1) : null;
        }
    }

    /** What the report is made from, the listings the charts show (by ticker) and the tables' sections. */
    private record RunInputs(ReportInputs in, Set<String> charted, List<Section> sections) {
    }

    private synchronized RunInputs inputs(Run run, long execution) {
        String of = run.identity() + "#" + execution;
        if (!of.equals(inputsOf)) {
            inputs = null; // let the last run's go before reading this one's
            basis = null;
            ReportInputs in = new ReportInputs(store, run.asOf(), settings.eventStudy(),
                    settings.maxCloseLagTradingDays(), settings.feeScheduleFile(), settings.subscription());
            inputs = new RunInputs(in, largestByProceeds(in.listings, in.rates(), settings.chartMaxListings()),
                    sections(in.study, settings.eventStudy().describe(), settings.eventStudy().describeBuyAndHold()));
            inputsOf = of;
        }
        return inputs;
    }

    private static MarketDataStore.FileCounts totalRows(Map<String, MarketDataStore.FileCounts> counts) {
        return counts.values().stream().reduce(MarketDataStore.FileCounts.NONE, (a, b) -> new MarketDataStore.FileCounts(
                a.loaded() + b.loaded(), a.repeated() + b.repeated(), a.rejected() + b.rejected(), a.setAside() + b.setAside()));
    }

    /**
     * Each per-listing table with the rows one listing gives it, in the order of the report's files;
     * {@code studied} and {@code heldAndBought}: the settings of the abnormal returns and of the
     * buy-and-hold returns in words, named in every row of their files.
     */
    private static List<Section> sections(EventStudy study, String studied, String heldAndBought) {
        return List.of(
                new Section(ReportTables.firstDay(), (t, l) -> ReportTables.addFirstDay(t, l.analysis())),
                new Section(SubscriptionTables.tiers(), (t, l) -> SubscriptionTables.addTiers(t, l.analysis())),
                new Section(ReportTables.lotGains(), (t, l) -> ReportTables.addLotGains(t, l.analysis())),
                new Section(ReportTables.lotCharges(), (t, l) -> ReportTables.addLotCharges(t, l.analysis())),
                new Section(ReportTables.marketValue(), (t, l) -> ReportTables.addMarketValue(t, l.analysis())),
                new Section(ReportTables.priceToSales(), (t, l) -> ReportTables.addPriceToSales(t, l.analysis())),
                new Section(ReportTables.capReconciliation(), (t, l) -> ReportTables.addCapReconciliation(t, l.analysis())),
                new Section(EventStudyTables.events(), (t, l) -> EventStudyTables.addEvents(t, l.result())),
                new Section(EventStudyTables.abnormalReturns(), (t, l) -> EventStudyTables.addAbnormalReturns(t, l.result(),
                        study.benchmarkOf(l.analysis().listing().ticker()), studied)),
                new Section(EventStudyTables.buyAndHold(), (t, l) -> EventStudyTables.addBuyAndHold(t, l.result(),
                        study.benchmarkOf(l.analysis().listing().ticker()), heldAndBought)));
    }

    private static void closeAll(List<ListingTable> tables) throws IOException {
        IOException first = null;
        for (ListingTable table : tables) {
            try {
                table.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** One listing's analysis and event study. */
    private record ListingFigures(IpoAnalysis analysis, EventStudy.ListingResult result) {
    }

    /** A per-listing table and how one listing's figures become its rows. */
    private record Section(ListingTableSpec table, BiConsumer<RowSink, ListingFigures> rows) {
    }

    /**
     * What the report keeps of one listing once computed, in a partition: its place in the
     * listing order, its first-day figures, the full analysis and events of a listing the charts
     * show (else null and empty), its CARs for the cohorts, what the as-of date left out of its
     * history, and its rows of each section, in the sections' order.
     */
    public record ListingPart(int index, IpoAnalysis summary, IpoAnalysis charted, List<Event> chartedEvents,
                              List<EventStudy.CarValue> carValues, List<EventStudy.PathPoint> pathPoints,
                              AsOfInputs.Tally leftOut, List<RenderedRows> rows) implements Serializable {
    }

    /**
     * The folder published, what the as-of date left out of it (one line per kind), where day
     * counts do not come from a trading calendar (one line per exchange), what publishing says
     * (where {@code latest} points, what could not be pruned), and what input would fill each
     * figure left unknown (one line per missing input).
     */
    public record Published(Path folder, List<String> leftOutAfterAsOf, List<String> calendarNotes,
                            List<String> notes, List<String> gaps) {
    }

    /** The report was not finished because the run was asked to stop; nothing was published. */
    public static final class PublishStoppedException extends RuntimeException {
        PublishStoppedException() {
            super("stopped before the report was published");
        }
    }

    /**
     * The listings the charts show: the largest by gross proceeds N × P0 (in CNY where a rate
     * exists), then the peers and seasoned stocks (no offer terms), by ticker.
     */
    static Set<String> largestByProceeds(List<Listing> listings, FxRates rates, int max) {
        return listings.stream()
                .sorted(Comparator.comparing((Listing l) -> {
                    if (!l.ipoStudied()) {
                        return BigDecimal.valueOf(-1);
                    }
                    Money proceeds = l.offer().times(BigDecimal.valueOf(l.sharesOffered()));
                    return rates.toCny(proceeds, l.listingDate()).map(c -> c.converted().amount()).orElse(proceeds.amount());
                }).reversed().thenComparing(Listing::ticker))
                .limit(max).map(Listing::ticker).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
