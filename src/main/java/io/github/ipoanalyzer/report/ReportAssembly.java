package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.analysis.IpoAnalysis;
import io.github.ipoanalyzer.subscription.BreakIssue;
import io.github.ipoanalyzer.subscription.PolicyBacktest;
import io.github.ipoanalyzer.eventstudy.EventStudy;
import io.github.ipoanalyzer.store.InputFileLedger;
import io.github.ipoanalyzer.store.MarketDataStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * Assembles a report from its partitions and publishes it: appends every partition's rows in
 * listing order to the report's tables (so the bytes are those of a one-thread run), computes
 * the cohorts, writes the other tables, the charts, the IPOs' pages, index.html and manifest.json in a staging
 * folder, and renames it into place only when all is written; the partitions are then removed.
 * Only the first-day figures of each listing are held (and the full series of the listings the
 * charts show, {@link ChartedListings}). With more than one of {@code threads}, report.xlsx is
 * written on a thread of its own, from as soon as the per-listing tables are closed, beside the
 * other tables, the charts and the pages.
 */
record ReportAssembly(MarketDataStore store, InputFileLedger ledger, ReportSettings settings, int threads) {

    /**
     * {@code tables}: the per-listing tables, in the order of a {@link ListingPart}'s rows;
     * {@code basis}: what this run's series were computed from, recorded when it is published.
     */
    Published assemble(PublishRequest request, ReportInputs in, List<ListingTableSpec> tables, SeriesBasis basis,
                       SeriesCarry carry, BooleanSupplier stopRequested) throws IOException {
        ReportFolder folders = new ReportFolder(request.outputRoot());
        PublishedHashes hashes = PublishedHashes.in(request.outputRoot());
        ReportParts parts = folders.parts(request.run().number());
        Path staging = folders.stage(request.run().number());
        SideTask workbook = null;
        // The tables closed after the per-listing ones, which report.xlsx takes on its own thread.
        CompletableFuture<List<CsvTable>> later = new CompletableFuture<>();
        try {
            List<IpoAnalysis> summaries = new ArrayList<>();
            List<SubscriberFigures> subscribers = new ArrayList<>();
            EventStudy.Gathered gathered = new EventStudy.Gathered();
            AsOfInputs.Tally histories = new AsOfInputs.Tally();
            List<CsvTable> csvTables = new ArrayList<>();
            List<SeriesTable> series = new ArrayList<>();
            List<ListingTable> open = new ArrayList<>();
            try {
                for (ListingTableSpec spec : tables) {
                    ListingTable table = spec.open(staging);
                    open.add(table);
                    if (table instanceof CsvTable csv) {
                        csvTables.add(csv);
                    } else {
                        series.add((SeriesTable) table);
                    }
                }
                if (carry.takeOver().isPresent()) {
                    Path previous = carry.takeOver().get().previousFolder();
                    Map<String, Manifest.Output> outputs = Manifest.outputs(previous);
                    for (SeriesTable table : series) {
                        table.carry(previous, outputs, carry.takeOver().get().fromMonth().toString(), hashes);
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
                            subscribers.add(listing.subscriber());
                            histories.add(listing.leftOut());
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
            Labels labels = Labels.of(settings.language());
            // On a thread of its own, report.xlsx begins with the per-listing tables, closed now, while the
            // cohorts, the changes and the rankings are worked out and written; it takes those when they are.
            List<CsvTable> perListing = List.copyOf(csvTables);
            if (threads > 1) {
                workbook = SideTask.start(Workbook.FILE, true,
                        () -> Workbook.write(labels, staging, perListing, later, series, request.run().asOf()));
            }
            EventStudy.Result cohorts = in.study.finish(gathered, summaries, in.cohortMembers);
            PolicyBacktest.Result backtest = SubscriptionReport.backtest(summaries, subscribers, in.cohortMembers,
                    settings.subscription().policies());
            List<BreakIssue.Rate> breakIssue = SubscriptionReport.breakIssue(summaries, subscribers, in.cohortMembers);
            for (CsvTable table : List.of(EventStudyTables.cohorts(staging, cohorts),
                    EventStudyTables.cohortCars(staging, cohorts, settings.eventStudy().describe()),
                    SubscriptionReport.policyTable(staging, backtest),
                    SubscriptionReport.breakIssueTable(staging, breakIssue),
                    ReportTables.rejects(staging, in.rejects),
                    ReportTables.inputFiles(staging, request.inputSha256(), in.counts, in.notices, ledger.parsedInRun()))) {
                table.close();
                csvTables.add(table);
            }
            // Read back from this report's own tables, as the previous report's are: one row, or a few, per listing.
            PreviousReport.Lookup previous = PreviousReport.find(request.outputRoot(), request.run().asOf(),
                    request.run().settings());
            List<Map<String, String>> nowRows = CsvRows.read(staging.resolve("now.csv"), Changes.NOW_COLUMNS);
            List<Map<String, String>> eventRows = CsvRows.read(staging.resolve("events.csv"), Changes.EVENT_COLUMNS);
            csvTables.add(Changes.write(staging, Changes.between(Changes.ENGLISH, previous.report(), nowRows, eventRows,
                    request.run().asOf())));
            List<Rankings.Ranked> ranked = Rankings.of(CsvRows.read(staging.resolve("first-day.csv"),
                    Rankings.FIRST_DAY_COLUMNS), in.rates());
            csvTables.add(Rankings.write(staging, ranked));
            // Read back from the tables, every one closed by now; the charts and pages write other files.
            later.complete(List.copyOf(csvTables.subList(perListing.size(), csvTables.size())));
            if (workbook == null) {
                List<CsvTable> closedTables = List.copyOf(csvTables);
                workbook = SideTask.start(Workbook.FILE, false,
                        () -> Workbook.write(labels, staging, closedTables, series, request.run().asOf()));
            }
            ChartedListings charted = ChartedListings.of(in, settings.chartMaxListings());
            List<Changes.Change> changes = Changes.between(labels, previous.report(), nowRows, eventRows,
                    request.run().asOf());
            Charts chartMaker = new Charts(labels, charted.analyses(), request.run().asOf(), charted.selection());
            List<Charts.ChartFile> charts = new ArrayList<>(chartMaker.writeAll(staging));
            charts.add(chartMaker.writeDistribution(staging, summaries));
            charts.addAll(chartMaker.writeEventStudy(staging, cohorts, charted.events()));
            chartMaker.writeTiers(staging, charted.analyses()).ifPresent(charts::add);
            Map<String, String> ipoPages = IpoPages.write(labels, staging, request.run().asOf(), charted);
            Files.writeString(staging.resolve("index.html"), IndexPage.render(labels, request.run().asOf(), charted.analyses(), charted.standings(),
                    charted.selection(), cohorts, csvTables, series, charts, totalRows(in.counts), in.notices,
                    request.run().settings(), SubscriptionSection.model(labels, charted.analyses(), backtest, breakIssue), ipoPages,
                    Changes.page(previous, changes), Rankings.page(labels, ranked, ipoPages)),
                    StandardCharsets.UTF_8);
            workbook.finish();
            List<String> leftOut = in.leftOut(histories);
            List<ReportFile> written = new ArrayList<>(csvTables);
            series.forEach(s -> written.addAll(s.files()));
            Manifest.write(staging, request, request.inputSha256(), in.counts, in.notices, written, leftOut,
                    in.calendarNotes, carry.reason());
            if (stopRequested.getAsBoolean()) {
                throw new PublishStoppedException();
            }
            String name = ReportFolder.name(request.run().asOf().toString(), request.run().number());
            // Recorded first: a basis naming a folder that did not get published is never used.
            store.seriesBasis().save(basis.publishedAs(staging.toRealPath().resolveSibling(name).toString()).toBytes());
            ReportFolder.Publication publication = folders.publish(staging, name, request.keep(), hashes,
                    existing -> Manifest.isOfRun(existing, request.run().identity()));
            parts.discard();
            List<String> notes = new ArrayList<>();
            previous.warning().ifPresent(notes::add);
            carry.changed().ifPresent(changed -> notes.add("warning: " + changed));
            notes.addAll(publication.notes());
            return new Published(publication.folder(), leftOut, in.calendarNotes, notes, in.gaps);
        } catch (IOException | RuntimeException e) {
            if (workbook != null) {
                workbook.abandon(e);
            }
            folders.discard(staging);
            throw e;
        } finally {
            // Whatever stopped the assembly (an Error too), the workbook's thread never waits for tables that will not come.
            later.cancel(false);
        }
    }

    private static MarketDataStore.FileCounts totalRows(Map<String, MarketDataStore.FileCounts> counts) {
        return counts.values().stream().reduce(MarketDataStore.FileCounts.NONE, (a, b) -> new MarketDataStore.FileCounts(
                a.loaded() + b.loaded(), a.repeated() + b.repeated(), a.rejected() + b.rejected(), a.setAside() + b.setAside()));
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
}
