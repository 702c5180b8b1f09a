package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.eventstudy.EventWindow;
import io.github.ipoanalyzer.eventstudy.ReturnKind;
import io.github.ipoanalyzer.report.Language;
import io.github.ipoanalyzer.subscription.PolicyBacktest;
import io.github.ipoanalyzer.subscription.SubscriptionSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every {@code ipo.*} setting, each with its one default, checked when the application starts:
 * a value that cannot be read or is out of range is refused there, naming the property and what
 * it accepts ({@link Refused}). Settings are given as {@code --ipo.name=value} after the
 * options, {@code -Dipo.name=value}, or {@code IPO_NAME=value} in the environment.
 *
 * <p>The run:
 * @param version the application's version, written by Maven into application.properties; a
 *        report's partitions are computed by processes of the same version only
 * @param dbDir the folder of the embedded database, its lock and the log file; no default here:
 *        the launcher sets it from {@code --db} (a worker from {@code --log-dir})
 * @param inputSettleSeconds the default of {@code --settle-seconds}, read by the launcher before
 *        the application starts (the tests set it to 0)
 * @param chunkSize input rows per load transaction
 * @param progressIntervalMs at most one progress line per step this often (0: one per chunk)
 * @param loadThreads price files loaded at once on local threads (0: one per core), in four
 *        partitions per thread (with {@code remoteWorkers}, the partitions go to the workers)
 * @param loadSplitBytes a price file with more bytes to read than this and than a partition's fair
 *        share is read in ranges, one per partition (see architecture.md)
 * @param checkpointLogBytes after a step of the job, the embedded database's log is written into
 *        its data files once it holds more than this (see architecture.md)
 *
 * <p>The partitions of the report, and of the price load with remote workers (see scale.md):
 * @param reportThreads partitions computed at once on local threads (0: one per core)
 * @param reportPartitions ranges the listings are split into (0: four per thread)
 * @param reportChunkSize listings computed per partition transaction
 * @param remoteWorkers the price load's and the report's partitions go to worker processes over RabbitMQ (the launcher sets it
 *        from {@code --remote-workers})
 * @param partitionTimeout a remote partition not heard of for this long has lost its worker
 * @param partitionPoll how often the manager looks at its remote partitions
 * @param partitionQueue the broker's queue of partitions (one per team database when several
 *        share a broker)
 * @param role {@code worker} in a worker process (the launcher's {@code worker} subcommand sets it)
 * @param workerThreads partitions a worker computes at once (0: one per core; from {@code --threads})
 * @param workerStopTimeout how long a stopping worker waits for the partitions in hand
 *
 * <p>The figures ({@link FigureSettings}: recorded in the manifest, sent to remote workers):
 * @param eventWindows the CAR windows in event days, {@code [from,to]} each
 * @param bharHorizons the buy-and-hold horizons, in trading days
 * @param marketModelMinDays post-listing trading days with returns needed before the market model
 *        replaces market-adjusted returns
 * @param estimationWindowStart the market model's estimation window's first day relative to the
 *        event (unset: the day after listing; e.g. -250)
 * @param estimationGapDays trading days left out between the estimation window and the event window
 * @param returns abnormal returns of simple returns (P_t / P_t-1 - 1) or of continuously
 *        compounded ones (log)
 * @param capMilestonesCny market-value milestones in CNY that count as events: 10 billion (100億),
 *        100 billion (1,000億)
 * @param partialWindows a window or horizon missing some of its days is left blank (k of h days);
 *        true shows it, marked partial
 * @param eventMinN below this many events of a cohort, event kind and window, the test statistics
 *        are left blank
 * @param maxCloseLagTradingDays the longest wait, in trading days, for a listing's first close
 * @param chartMaxListings charts and the index page show at most this many listings, the largest by
 *        gross proceeds
 * @param financedFraction the fraction of an HK application's money financed (孖展), 0 to 1
 *        (allotment-tiers.csv, policy-backtest.csv)
 * @param financingAnnualRate the financing's annual rate (0.05 for 5%)
 * @param handlingFeePerApplication the broker's handling fee per HK application, in the trading currency
 * @param aShareLots the A-share number of 签 per application (unset: the subscription cap, 顶格)
 * @param policies the policies of applying to back-test over every cohort
 *
 * <p>The words (recorded with the figures' settings, so that a run in another language publishes anew):
 * @param lang the language of the pages', charts' and workbook's words, {@code en} or {@code zh}
 *        (the launcher sets it from {@code --lang}); the CSV files are the same in both
 */
@ConfigurationProperties("ipo")
public record IpoSettings(
        @DefaultValue(UNBUILT_VERSION) String version,
        Path dbDir,
        @DefaultValue(SETTLE_SECONDS) int inputSettleSeconds,
        @DefaultValue("5000") int chunkSize,
        @DefaultValue("5000") long progressIntervalMs,
        @DefaultValue("0") int loadThreads,
        @DefaultValue("8388608") long loadSplitBytes,
        @DefaultValue("52428800") long checkpointLogBytes,
        @DefaultValue("0") int reportThreads,
        @DefaultValue("0") int reportPartitions,
        @DefaultValue("20") int reportChunkSize,
        @DefaultValue("false") boolean remoteWorkers,
        @DefaultValue("60s") Duration partitionTimeout,
        @DefaultValue("500ms") Duration partitionPoll,
        @DefaultValue("ipo-analyzer.report-partitions") String partitionQueue,
        @DefaultValue("manager") Role role,
        @DefaultValue("0") int workerThreads,
        @DefaultValue("120s") Duration workerStopTimeout,
        @DefaultValue("[0,0] [0,1] [0,5] [-1,+1] [+1,+20]") String eventWindows,
        @DefaultValue("5,20,60,250") List<Integer> bharHorizons,
        @DefaultValue("60") int marketModelMinDays,
        Integer estimationWindowStart,
        @DefaultValue("0") int estimationGapDays,
        @DefaultValue("simple") ReturnKind returns,
        @DefaultValue("10000000000,100000000000") List<BigDecimal> capMilestonesCny,
        @DefaultValue("false") boolean partialWindows,
        @DefaultValue("5") int eventMinN,
        @DefaultValue("5") int maxCloseLagTradingDays,
        @DefaultValue("12") int chartMaxListings,
        @DefaultValue("0") BigDecimal financedFraction,
        @DefaultValue("0") BigDecimal financingAnnualRate,
        @DefaultValue("0") BigDecimal handlingFeePerApplication,
        Integer aShareLots,
        @DefaultValue({"one-lot", "guaranteed-lot", "top-of-pool-A", "cap"}) List<String> policies,
        @DefaultValue("en") Language lang) {

    /** The version of a build Maven did not write one into. */
    public static final String UNBUILT_VERSION = "dev";
    /** The default of {@code ipo.input-settle-seconds}, which the launcher reads before Spring starts. */
    public static final String SETTLE_SECONDS = "5";

    /** What each setting that can be refused accepts, in words. */
    private static final Map<String, String> ACCEPTS = Map.ofEntries(
            Map.entry("ipo.version", "any text"),
            Map.entry("ipo.db-dir", "a folder"),
            Map.entry("ipo.input-settle-seconds", "a whole number of seconds, 0 or more"),
            Map.entry("ipo.chunk-size", "a whole number of rows, 1 or more"),
            Map.entry("ipo.progress-interval-ms", "a whole number of milliseconds, 0 or more"),
            Map.entry("ipo.load-threads", "a whole number, 0 (one per core) or more"),
            Map.entry("ipo.load-split-bytes", "a whole number of bytes, 1 or more"),
            Map.entry("ipo.checkpoint-log-bytes", "a whole number of bytes, 0 or more"),
            Map.entry("ipo.report-threads", "a whole number, 0 (one per core) or more"),
            Map.entry("ipo.report-partitions", "a whole number, 0 (four per thread) or more"),
            Map.entry("ipo.report-chunk-size", "a whole number of listings, 1 or more"),
            Map.entry("ipo.remote-workers", "true or false"),
            Map.entry("ipo.partition-timeout", "a duration longer than 0, such as 60s or 2m"),
            Map.entry("ipo.partition-poll", "a duration longer than 0, such as 500ms or 1s"),
            Map.entry("ipo.partition-queue", "a queue name that is not blank"),
            Map.entry("ipo.role", "manager or worker"),
            Map.entry("ipo.worker-threads", "a whole number, 0 (one per core) or more"),
            Map.entry("ipo.worker-stop-timeout", "a duration of 0 or more, such as 120s"),
            Map.entry("ipo.event-windows", "windows [from,to] with from ≤ to, separated by spaces or commas, "
                    + "such as [0,0] [-1,+1] [+1,+20]"),
            Map.entry("ipo.bhar-horizons", "whole numbers of trading days, 1 or more, separated by commas, "
                    + "such as 5,20,60"),
            Map.entry("ipo.market-model-min-days", "a whole number of days, 0 or more"),
            Map.entry("ipo.estimation-window-start", "nothing (the day after listing) or a whole number of days, 0 "
                    + "or less, such as -250"),
            Map.entry("ipo.estimation-gap-days", "a whole number of days, 0 or more"),
            Map.entry("ipo.returns", "simple or log"),
            Map.entry("ipo.cap-milestones-cny", "amounts in CNY above 0 separated by commas, such as "
                    + "10000000000,100000000000"),
            Map.entry("ipo.partial-windows", "true or false"),
            Map.entry("ipo.event-min-n", "a whole number of events, 2 or more"),
            Map.entry("ipo.max-close-lag-trading-days", "a whole number of trading days, 0 or more"),
            Map.entry("ipo.chart-max-listings", "a whole number of listings, 1 or more"),
            Map.entry("ipo.financed-fraction", "a fraction from 0 to 1, such as 0.9"),
            Map.entry("ipo.financing-annual-rate", "an annual rate of 0 or more, such as 0.05 for 5%"),
            Map.entry("ipo.handling-fee-per-application", "an amount of 0 or more in the trading currency"),
            Map.entry("ipo.a-share-lots", "nothing (the subscription cap) or a whole number of 签, 1 or more"),
            Map.entry("ipo.policies", "policies separated by commas, of " + String.join(", ", PolicyBacktest.POLICIES)),
            Map.entry("ipo.lang", "en (English) or zh (Chinese)"));

    /** One or more windows {@code [from,to]}, separated by spaces or commas. */
    private static final Pattern WINDOWS = Pattern.compile("\\s*(\\[\\s*[-+]?\\d{1,6}\\s*,\\s*[-+]?\\d{1,6}\\s*][\\s,]*)+");

    /** Whose process this is: a run's (the manager of its partitions) or a worker's. */
    public enum Role {
        MANAGER,
        WORKER
    }

    public IpoSettings {
        check(inputSettleSeconds >= 0, "ipo.input-settle-seconds", inputSettleSeconds);
        check(chunkSize >= 1, "ipo.chunk-size", chunkSize);
        check(progressIntervalMs >= 0, "ipo.progress-interval-ms", progressIntervalMs);
        check(loadThreads >= 0, "ipo.load-threads", loadThreads);
        check(loadSplitBytes >= 1, "ipo.load-split-bytes", loadSplitBytes);
        check(checkpointLogBytes >= 0, "ipo.checkpoint-log-bytes", checkpointLogBytes);
        check(reportThreads >= 0, "ipo.report-threads", reportThreads);
        check(reportPartitions >= 0, "ipo.report-partitions", reportPartitions);
        check(reportChunkSize >= 1, "ipo.report-chunk-size", reportChunkSize);
        check(partitionTimeout != null && !partitionTimeout.isNegative() && !partitionTimeout.isZero(), "ipo.partition-timeout", partitionTimeout);
        check(partitionPoll != null && !partitionPoll.isNegative() && !partitionPoll.isZero(), "ipo.partition-poll", partitionPoll);
        check(partitionQueue != null && !partitionQueue.isBlank(), "ipo.partition-queue", partitionQueue);
        check(role != null, "ipo.role", role);
        check(workerThreads >= 0, "ipo.worker-threads", workerThreads);
        check(workerStopTimeout != null && !workerStopTimeout.isNegative(), "ipo.worker-stop-timeout", workerStopTimeout);
        eventWindows = windowsText(eventWindows);
        bharHorizons = list("ipo.bhar-horizons", bharHorizons);
        check(bharHorizons.stream().allMatch(h -> h >= 1), "ipo.bhar-horizons", bharHorizons);
        check(marketModelMinDays >= 0, "ipo.market-model-min-days", marketModelMinDays);
        check(estimationWindowStart == null || estimationWindowStart <= 0, "ipo.estimation-window-start",
                estimationWindowStart);
        check(estimationGapDays >= 0, "ipo.estimation-gap-days", estimationGapDays);
        check(returns != null, "ipo.returns", returns);
        capMilestonesCny = list("ipo.cap-milestones-cny", capMilestonesCny);
        check(capMilestonesCny.stream().allMatch(m -> m.signum() > 0), "ipo.cap-milestones-cny", capMilestonesCny);
        check(eventMinN >= 2, "ipo.event-min-n", eventMinN);
        check(maxCloseLagTradingDays >= 0, "ipo.max-close-lag-trading-days", maxCloseLagTradingDays);
        check(chartMaxListings >= 1, "ipo.chart-max-listings", chartMaxListings);
        check(financedFraction != null && financedFraction.signum() >= 0 && financedFraction.compareTo(BigDecimal.ONE) <= 0,
                "ipo.financed-fraction", financedFraction);
        check(financingAnnualRate != null && financingAnnualRate.signum() >= 0, "ipo.financing-annual-rate",
                financingAnnualRate);
        check(handlingFeePerApplication != null && handlingFeePerApplication.signum() >= 0,
                "ipo.handling-fee-per-application", handlingFeePerApplication);
        check(aShareLots == null || aShareLots >= 1, "ipo.a-share-lots", aShareLots);
        policies = list("ipo.policies", policies);
        check(PolicyBacktest.POLICIES.containsAll(policies), "ipo.policies", policies);
        check(lang != null, "ipo.lang", lang);
    }

    /**
     * The settings {@code values} give by property name ({@code ipo.returns}), the defaults for
     * the rest; a value that is not accepted is a {@link Refused}.
     */
    static IpoSettings of(Map<String, String> values) {
        try {
            return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("ipo", IpoSettings.class);
        } catch (BindException e) {
            throw refusal(e).orElseThrow(() -> e);
        }
    }

    /** The settings an environment gives, bound as the application binds them. */
    public static IpoSettings bind(org.springframework.core.env.ConfigurableEnvironment environment) {
        return Binder.get(environment).bindOrCreate("ipo", IpoSettings.class);
    }

    /**
     * The setting a failure to bind the settings refused: one the record refused, or a value that
     * could not be read as the setting's type (the innermost bind failure names it).
     */
    public static Optional<Refused> refusal(Throwable failure) {
        BindException unreadable = null;
        for (Throwable c = failure; c != null; c = c.getCause()) {
            if (c instanceof Refused refused) {
                return Optional.of(refused);
            }
            if (c instanceof BindException bind && bind.getProperty() != null) {
                unreadable = bind;
            }
        }
        return unreadable == null || !unreadable.getName().toString().startsWith("ipo.") ? Optional.empty()
                : Optional.of(new Refused(unreadable.getName().toString(), String.valueOf(unreadable.getProperty().getValue())));
    }

    /** The price load's local threads: {@code ipo.load-threads}, or one per core. */
    public int loadThreadCount() {
        return loadThreads > 0 ? loadThreads : Runtime.getRuntime().availableProcessors();
    }

    /** The groups of price files the load is split into: four per thread, so that uneven files still even out. */
    public int loadPartitionCount() {
        return 4 * loadThreadCount();
    }

    /** The report's local threads: {@code ipo.report-threads}, or one per core. */
    public int reportThreadCount() {
        return reportThreads > 0 ? reportThreads : Runtime.getRuntime().availableProcessors();
    }

    /** The ranges the listings are split into: {@code ipo.report-partitions}, or four per thread. */
    public int reportPartitionCount() {
        return reportPartitions > 0 ? reportPartitions : 4 * reportThreadCount();
    }

    /** A worker's consumers: {@code ipo.worker-threads}, or one per core. */
    public int workerThreadCount() {
        return workerThreads > 0 ? workerThreads : Runtime.getRuntime().availableProcessors();
    }

    /** The subscriber's terms. */
    public SubscriptionSettings subscription() {
        return new SubscriptionSettings(financedFraction, financingAnnualRate, handlingFeePerApplication, aShareLots,
                policies);
    }

    /** The CAR windows {@link #eventWindows} names. */
    public List<EventWindow> windows() {
        return EventWindow.parseAll(eventWindows);
    }

    /** What {@code property} accepts, in words (for a value Spring could not convert as well as one refused here). */
    public static String accepts(String property) {
        return ACCEPTS.getOrDefault(property, "a value of another form");
    }

    /** {@code text}, once it is known to be a list of windows, each ending on or after the day it starts. */
    private static String windowsText(String text) {
        try {
            if (text != null && WINDOWS.matcher(text).matches()) {
                EventWindow.parseAll(text);
                return text;
            }
        } catch (IllegalArgumentException endsBeforeItStarts) {
            // refused below, in the setting's words
        }
        throw new Refused("ipo.event-windows", text);
    }

    /** {@code values}, unmodifiable (none: empty); an empty item, as in {@code 5,,20}, is refused. */
    private static <T> List<T> list(String property, List<T> values) {
        check(values == null || !values.contains(null), property, values);
        return values == null ? List.of() : List.copyOf(values);
    }

    private static void check(boolean accepted, String property, Object value) {
        if (!accepted) {
            throw new Refused(property, value instanceof List<?> list
                    ? list.stream().map(String::valueOf).collect(Collectors.joining(",")) : String.valueOf(value));
        }
    }

    /** A setting's value this application does not accept, with what it does accept. */
    public static final class Refused extends IllegalArgumentException {

        public Refused(String property, String value) {
            super(property + "=" + value + " is not accepted: " + property + " takes " + accepts(property) + ".");
        }
    }
}
