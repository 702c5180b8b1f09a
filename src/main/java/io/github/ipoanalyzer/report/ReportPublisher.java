package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.money.FxRate;
import io.github.ipoanalyzer.store.InputFileLedger;
import io.github.ipoanalyzer.store.MarketDataStore;
import io.github.ipoanalyzer.store.MarketTables;
import io.github.ipoanalyzer.store.PriceStore;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Writes one run's report folder from the analysis tables, in two phases: {@link #listing}
 * computes one listing in a partition, on any thread or machine ({@link ListingComputation});
 * {@link #assemble} puts the partitions together and publishes ({@link ReportAssembly}). Before
 * them, {@link #seriesCarry} decides which months of the series are taken over from the report
 * before ({@link SeriesCarryPolicy}). What the report is made from ({@link ReportInputs}) is read
 * once per run execution in this process, however many partitions its threads compute, and let
 * go when another execution asks.
 */
public class ReportPublisher {

    private final MarketDataStore store;
    private final InputFileLedger ledger;
    private final ReportSettings settings;
    /** Threads the assembly may write on (see {@link ReportAssembly}). */
    private final int publishThreads;
    /** The execution {@link #prepared} is of (run identity and execution id). */
    private String preparedFor;
    private Prepared prepared;
    /** What that execution's series are computed from: only asked for when choosing months and publishing. */
    private SeriesBasis basis;

    /** {@code publishThreads}: the threads the assembly may write on (a publisher that only computes listings: 1). */
    public ReportPublisher(MarketDataStore store, InputFileLedger ledger, ReportSettings settings, int publishThreads) {
        this.store = store;
        this.ledger = ledger;
        this.settings = settings;
        this.publishThreads = publishThreads;
    }

    /** The listings a report of {@code asOf} covers, in the order of its rows; partitions are ranges of it. */
    public int listingCount(LocalDate asOf) {
        return new AsOfInputs(asOf).listings(store.rows(MarketTables.LISTING)).size();
    }

    /** Computes listing {@code index} of the report's listing order for the run's execution {@code execution}. */
    public ListingPart listing(ReportRun run, long execution, int index, SeriesCarry carry) {
        return prepared(run, execution).computation().listing(index, carry);
    }

    /** Assembles the report from every partition and publishes it (see {@link ReportAssembly}). */
    public Published assemble(PublishRequest request, long execution, SeriesCarry carry, BooleanSupplier stopRequested)
            throws IOException {
        Prepared p = prepared(request.run(), execution);
        return new ReportAssembly(store, ledger, settings, publishThreads).assemble(request, p.in(), p.computation().tables(),
                basis(request.run(), execution), carry, stopRequested);
    }

    /** Which months of the series this run takes over from the latest report in {@code outputRoot} ({@link SeriesCarryPolicy}). */
    public SeriesCarry seriesCarry(ReportRun run, long execution, Path outputRoot, boolean recomputeAll) {
        return SeriesCarryPolicy.decide(run.asOf(), outputRoot, recomputeAll, store.seriesBasis().load(),
                () -> basis(run, execution));
    }

    /** What one execution's report is made from, and how a listing is computed with it. */
    private record Prepared(ReportInputs in, ListingComputation computation) {
    }

    private synchronized Prepared prepared(ReportRun run, long execution) {
        String of = run.identity() + "#" + execution;
        if (!of.equals(preparedFor)) {
            prepared = null; // let the last execution's go before reading this one's
            basis = null;
            ReportInputs in = new ReportInputs(store, run.asOf(), settings.eventStudy(),
                    settings.maxCloseLagTradingDays(), settings.feeScheduleFile(), settings.subscription());
            prepared = new Prepared(in, new ListingComputation(in, settings));
            preparedFor = of;
        }
        return prepared;
    }

    private synchronized SeriesBasis basis(ReportRun run, long execution) {
        ReportInputs in = prepared(run, execution).in();
        if (basis == null) {
            basis = basis(run, in);
        }
        return basis;
    }

    /** What the series of this run are computed from (see {@link SeriesBasis}). */
    private SeriesBasis basis(ReportRun run, ReportInputs in) {
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
}
