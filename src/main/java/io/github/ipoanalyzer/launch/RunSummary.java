package io.github.ipoanalyzer.launch;

import io.github.ipoanalyzer.ingest.InputLayout;
import io.github.ipoanalyzer.job.IpoReportJobConfiguration;
import io.github.ipoanalyzer.store.InputFileLedger;
import io.github.ipoanalyzer.store.MarketDataStore;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.Map;

/** The one-screen summary that ends every run: what was read, loaded, rejected, written, how long, where. */
final class RunSummary {

    private static final int MAX_FILES_LISTED = 30;
    /** The files a note names before "and N more". */
    private static final int MAX_NAMED = 10;
    /** How many rejected rows, and how many repeats, the summary names before counting the rest. */
    private static final int MAX_ROWS_LISTED = 10;

    private RunSummary() {
    }

    static void print(PrintStream out, ReportRunner.Outcome outcome, InputLayout layout, MarketDataStore store,
                      InputFileLedger ledger, Duration elapsed) {
        outcome.notes().forEach(out::println);
        out.println();
        outcome.execution().ifPresent(execution -> {
            out.printf(Locale.ROOT, "Run %d (as of %s): %s%n", ReportRunner.runNumber(execution),
                    execution.getJobParameters().getLocalDate("as.of"), execution.getStatus());
            out.println("  time per step (steps of 0.1 s or more): " + stepTimes(execution));
            @SuppressWarnings("unchecked")
            List<String> leftOut = (List<String>) execution.getExecutionContext()
                    .get(IpoReportJobConfiguration.LEFT_OUT_KEY);
            if (leftOut != null) {
                leftOut.forEach(line -> out.println("  left out (no look-ahead): " + line));
            }
            @SuppressWarnings("unchecked")
            List<String> calendars = (List<String>) execution.getExecutionContext()
                    .get(IpoReportJobConfiguration.CALENDAR_NOTES_KEY);
            if (calendars != null) {
                calendars.forEach(line -> out.println("  trading days: " + line));
            }
            @SuppressWarnings("unchecked")
            List<String> gaps = (List<String>) execution.getExecutionContext().get(IpoReportJobConfiguration.GAPS_KEY);
            if (gaps != null) {
                gaps.forEach(line -> out.println("  to fill a gap: " + line));
            }
            Map<String, MarketDataStore.FileCounts> counts = store.countsByFile();
            if (counts.isEmpty()) {
                return;
            }
            long read = 0;
            long loaded = 0;
            long repeated = 0;
            long rejected = 0;
            long setAside = 0;
            long thisRun = ReportRunner.runNumber(execution);
            Map<String, Long> parsedIn = ledger.parsedInRun();
            // Every row read is loaded, a repeat (it says what a row already loaded says), rejected or set aside.
            out.printf(Locale.ROOT, "  %-40s %10s %10s %10s %10s %10s  %s%n", "input file", "read", "loaded", "repeats",
                    "rejected", "set aside", "parsed");
            // The run's files as it fingerprinted them: one that appeared during the run is not the run's.
            List<String> present = layout.existingFiles().stream().map(layout::relative).toList();
            List<String> files = IpoReportJobConfiguration.inputFilesOf(execution).orElse(present);
            // A market of thousands of price files still fits a screen: those without repeats or
            // rejects are summed on one line (every file is in the report's input-files.csv).
            boolean many = files.size() > MAX_FILES_LISTED;
            java.util.Set<String> appended = IpoReportJobConfiguration.appendedFilesOf(execution);
            long quiet = 0;
            long quietNow = 0;
            long quietAppended = 0;
            long quietRows = 0; // without repeats and rejects, rows read = rows loaded
            for (String name : files) {
                MarketDataStore.FileCounts c = counts.getOrDefault(name, MarketDataStore.FileCounts.NONE);
                Long parsed = parsedIn.get(name);
                boolean now = parsed == null || parsed == thisRun;
                if (many && c.rejected() == 0 && c.repeated() == 0 && c.setAside() == 0
                        && name.startsWith(InputLayout.PRICES + "/")) {
                    quiet++;
                    quietNow += now ? 1 : 0;
                    quietAppended += now && appended.contains(name) ? 1 : 0;
                    quietRows += c.loaded();
                } else {
                    out.printf(Locale.ROOT, "  %-40s %,10d %,10d %,10d %,10d %,10d  %s%n", name, c.read(), c.loaded(),
                            c.repeated(), c.rejected(), c.setAside(), !now ? "unchanged since run " + parsed
                                    : appended.contains(name) ? "now: its new rows" : "now");
                }
                read += c.read();
                loaded += c.loaded();
                repeated += c.repeated();
                rejected += c.rejected();
                setAside += c.setAside();
            }
            if (quiet > 0) {
                out.printf(Locale.ROOT, "  %-40s %,10d %,10d %,10d %,10d %,10d  %s%n", String.format(Locale.ROOT,
                        "%,d price files, every row loaded", quiet), quietRows, quietRows, 0, 0, 0,
                        quietAppended == 0 ? String.format(Locale.ROOT, "%,d now, %,d unchanged", quietNow, quiet - quietNow)
                                : String.format(Locale.ROOT, "%,d now (%,d of them their new rows), %,d unchanged", quietNow,
                                quietAppended, quiet - quietNow));
            }
            out.printf(Locale.ROOT, "  %-40s %,10d %,10d %,10d %,10d %,10d%n", "total", read, loaded, repeated, rejected,
                    setAside);
            java.util.Set<String> ofTheRun = java.util.Set.copyOf(files);
            List<String> appeared = present.stream().filter(f -> !ofTheRun.contains(f)).toList();
            if (!appeared.isEmpty()) {
                out.println("  not read by this run, which started without " + (appeared.size() == 1 ? "it" : "them")
                        + " (the next run reads " + (appeared.size() == 1 ? "it" : "them") + "): "
                        + io.github.ipoanalyzer.text.ShortList.of(appeared, MAX_NAMED));
            }
            printRejects(out, store.firstRejects(MAX_ROWS_LISTED));
            printRepeats(out, store.firstRepeats(MAX_ROWS_LISTED));
            printNotices(out, store.notices());
            String folder = execution.getExecutionContext().getString(IpoReportJobConfiguration.REPORT_FOLDER_KEY, null);
            if (folder != null) {
                out.println("  report: " + folder + (rejected > 0 ? " (rejected rows: rejects.csv there)" : ""));
            }
            @SuppressWarnings("unchecked")
            List<String> published = (List<String>) execution.getExecutionContext()
                    .get(IpoReportJobConfiguration.PUBLISH_NOTES_KEY);
            if (published != null) {
                published.forEach(line -> out.println("  " + line));
            }
        });
        printEnd(out, outcome.message(), elapsed);
    }

    /** When the run of a process that stays up (--watch) started; null: the run is the process's own. */
    private static volatile Instant runStarted;

    /** The last line: how the launch ended, and how long it took. */
    static void printEnd(PrintStream out, String message, Duration elapsed) {
        out.printf(Locale.ROOT, "%s (%.1f s since the %s started, %.1f s of it the job)%n", message,
                sinceStart().toMillis() / 1000.0, runStarted == null ? "program" : "run", elapsed.toMillis() / 1000.0);
    }

    /** A process that stays up starts a run: its last line counts from now, not from the JVM's start. */
    static void startClock() {
        runStarted = Instant.now();
    }

    /** A launch that is the process's own: its last line counts from the JVM's start. */
    static void programClock() {
        runStarted = null;
    }

    /** Wall time since the JVM started (or the run, see {@link #startClock}): what a person waited, the JVM's and Spring's start included. */
    static Duration sinceStart() {
        Instant started = runStarted;
        return started != null ? Duration.between(started, Instant.now())
                : Duration.ofMillis(System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    /**
     * The rows rejected and why, the first few named (a conflict of a corrected close with one
     * loaded before takes a published close away: a person must see it here, not only in
     * rejects.csv), the rest counted.
     */
    static void printRejects(PrintStream out, MarketDataStore.Listed rejects) {
        printFirst(out, "rejected", rejects, "more rows (rejects.csv in the report has every one)");
    }

    /**
     * Which rows were repeats and of what: a few named, the rest counted (every one is in the
     * manifest's counts, file by file).
     */
    static void printRepeats(PrintStream out, MarketDataStore.Listed repeats) {
        printFirst(out, "repeat", repeats, "more rows that repeat a row loaded from another line");
    }

    private static void printFirst(PrintStream out, String what, MarketDataStore.Listed rows, String more) {
        rows.first().forEach(r -> out.println("  " + what + ": " + r.file() + " line " + r.line() + ": " + r.reason()));
        if (rows.total() > rows.first().size()) {
            out.printf(Locale.ROOT, "  %s: … and %,d %s%n", what, rows.total() - rows.first().size(), more);
        }
    }

    /**
     * Each notice once per file; a notice that many files share (5,000 Tushare files are each
     * "read as Tushare") once, with how many files and the first of them; every one is in
     * input-files.csv.
     */
    static void printNotices(PrintStream out, Map<String, List<String>> notices) {
        Map<String, List<String>> filesByMessage = new java.util.LinkedHashMap<>();
        notices.forEach((file, messages) -> messages.forEach(m ->
                filesByMessage.computeIfAbsent(m, k -> new java.util.ArrayList<>()).add(file)));
        Map<String, List<String>> shared = new java.util.LinkedHashMap<>();
        filesByMessage.forEach((message, files) -> {
            if (files.size() > MAX_FILES_LISTED) {
                shared.put(message, files);
            }
        });
        List<String> own = new ArrayList<>();
        notices.forEach((file, messages) -> messages.stream().filter(m -> !shared.containsKey(m))
                .forEach(m -> own.add("  note: " + file + ": " + m)));
        // Notes that differ file by file (each names its file's last line) still fit a screen: the first named, the rest counted.
        own.stream().limit(MAX_FILES_LISTED).forEach(out::println);
        if (own.size() > MAX_FILES_LISTED) {
            out.printf(Locale.ROOT, "  note: … and %,d more notes (input-files.csv has every one)%n", own.size() - MAX_FILES_LISTED);
        }
        shared.forEach((message, files) -> out.printf(Locale.ROOT, "  note: %,d files (%s, %s, …; all in input-files.csv): %s%n",
                files.size(), files.get(0), files.get(1), message));
    }

    /**
     * Where a long run's time went: the steps of this execution that took a tenth of a second or
     * more; the partitions of a partitioned step ({@code worker:partition}) counted, with the
     * longest one's time, where that took a tenth of a second or more too.
     */
    static String stepTimes(JobExecution execution) {
        StringJoiner steps = new StringJoiner(", ");
        Map<String, List<StepExecution>> partitions = new java.util.LinkedHashMap<>();
        execution.getStepExecutions().stream()
                .filter(s -> s.getStartTime() != null && s.getEndTime() != null)
                .sorted(Comparator.comparing(StepExecution::getStartTime))
                .forEach(s -> {
                    int colon = s.getStepName().indexOf(':');
                    if (colon > 0) {
                        partitions.computeIfAbsent(s.getStepName().substring(0, colon), k -> new ArrayList<>()).add(s);
                    } else if (seconds(s) >= 0.1) {
                        steps.add(String.format(Locale.ROOT, "%s %.1f s", s.getStepName(), seconds(s)));
                    }
                });
        partitions.forEach((worker, runs) -> {
            double longest = runs.stream().mapToDouble(RunSummary::seconds).max().orElse(0);
            if (longest >= 0.1) {
                steps.add(runs.size() == 1 ? String.format(Locale.ROOT, "%s 1 partition, %.1f s", worker, longest)
                        : String.format(Locale.ROOT, "%s %d partitions, the longest %.1f s", worker, runs.size(), longest));
            }
        });
        return steps.length() == 0 ? "none, each took under 0.1 s" : steps.toString();
    }

    private static double seconds(StepExecution s) {
        return Duration.between(s.getStartTime(), s.getEndTime()).toMillis() / 1000.0;
    }
}
