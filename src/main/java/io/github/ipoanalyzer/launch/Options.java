package io.github.ipoanalyzer.launch;

import io.github.ipoanalyzer.job.IpoSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The command line. Defaults run the main job on ./input into ./output with the database in ./data. */
@Command(name = "ipo-analyzer", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = {CheckInputCommand.class, GenerateMarketCommand.class, WorkerCommand.class},
        sortOptions = false, usageHelpAutoWidth = true,
        description = {
                "Reports what each IPO did on its first day and after: first-day returns, the gain of one winning "
                        + "lot at the open, high, low and every close, market value, price-to-sales, reported caps "
                        + "reconciled.",
                "",
                "Reads listings.csv, prices/ (the project's CSV or the exports of Tushare, AKShare, baostock, "
                        + "Yahoo Finance, TDX and the trading clients, as they come) and the other input files (see "
                        + "the README) from the input folder and publishes a report folder <as-of>_run-<n> (CSV, PNG, index.html, manifest.json) "
                        + "in the output folder. A run over the same inputs and options as the last completed one "
                        + "does nothing. check-input shows how each file would be read, writing nothing.",
                "",
                "Spring Boot properties may follow, e.g. a shared PostgreSQL database for the job repository and "
                        + "the tables: --spring.datasource.url=jdbc:postgresql://HOST:5432/DB "
                        + "--spring.datasource.username=USER (see the README, \"Scale out\").",
                ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:report published, or nothing to do",
                "1:failed (see the log file)",
                "2:wrong command line",
                "3:bad input (unreadable file, missing columns, too many rejected rows)",
                "4:another run is in progress",
                "5:stopped (SIGTERM); the next launch resumes (with --watch: stopped during a run)",
                "6:an input file kept changing while the run waited for it to settle (still being copied?); nothing done, "
                        + "run again later"})
public class Options {

    @Option(names = "--input", paramLabel = "DIR", description = "Input folder (default: ${DEFAULT-VALUE}).")
    Path input = Path.of("input");

    @Option(names = "--output", paramLabel = "DIR", description = "Where report folders are published (default: ${DEFAULT-VALUE}).")
    Path output = Path.of("output");

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
            description = "Use data dated on or before this day; names the report folder (default: today).")
    LocalDate asOf;

    @Option(names = "--db", paramLabel = "DIR",
            description = "Folder of the embedded HSQLDB database, lock, log file and memo of the input files' hashes (default: ${DEFAULT-VALUE}).")
    Path db = Path.of("data");

    @Option(names = "--force", description = "Parse every input file again and recompute, even if the same inputs "
            + "were already reported.")
    boolean force;

    @Option(names = "--max-reject-fraction", paramLabel = "F",
            description = "Fail when a file has more rejected rows than this fraction of its rows loaded or rejected (default: ${DEFAULT-VALUE}; one rejected row per file is always allowed).")
    BigDecimal maxRejectFraction = new BigDecimal("0.05");

    @Option(names = "--settle-seconds", paramLabel = "S", defaultValue = "${sys:ipo.input-settle-seconds:-" + IpoSettings.SETTLE_SECONDS + "}",
            description = "Input files modified less than S seconds ago are waited for until they have rested S "
                    + "seconds, for at most 10×S; a file still changing then ends the run with code 6 "
                    + "(default: ${DEFAULT-VALUE}; 0 reads them at once).")
    int settleSeconds;

    @Option(names = "--lang", paramLabel = "en|zh", description = "The language of the report's pages, charts and "
            + "workbook headers: en (English) or zh (Chinese, money in 万 and 亿); the CSV files are the same in both "
            + "(default: en, or the setting ipo.lang).")
    String lang;

    @Option(names = "--keep", paramLabel = "N", description = "Report folders, and runs in the job repository, to keep (default: ${DEFAULT-VALUE}).")
    int keep = 30;

    @Option(names = "--watch", paramLabel = "S", description = "Stay up and run whenever the input folder has "
            + "changed (a file added, replaced or appended to) or, without --as-of, when the day has changed: a look "
            + "every S seconds. Runs after the first reuse this process's compiled code (a one-day rerun of a 2M-row "
            + "market on 2 cores: 13 s instead of 21 s). A run that failed is tried again when the input changes; a "
            + "refused setting ends the watch (exit 2). SIGTERM or Ctrl-C stops it: exit 0 between runs; during a "
            + "launch, the run stops at its next chunk, or before it starts, as a launch does (exit 5).")
    Integer watchSeconds;

    /** Spring Boot's own properties, e.g. the shared database: --spring.datasource.url=jdbc:postgresql://host:5432/db. */
    @Unmatched
    List<String> springProperties = new ArrayList<>();

    @Option(names = "--remote-workers", description = "Send the price load's and the report's partitions to worker "
            + "processes over RabbitMQ (java -jar ipo-analyzer.jar worker) instead of running them here; needs the "
            + "shared PostgreSQL database and the input folder at the same path on the workers (see the README, "
            + "\"Scale out\").")
    boolean remoteWorkers;

    /**
     * The settings the application starts with from the command line: {@link #springProperties} and
     * the ones options set ({@code --lang}, which replaces an {@code --ipo.lang} given too).
     */
    List<String> settingArguments() {
        List<String> arguments = new ArrayList<>(springProperties);
        if (lang != null) {
            arguments.removeIf(a -> a.startsWith("--ipo.lang="));
            arguments.add("--ipo.lang=" + lang);
        }
        return arguments;
    }

    /** Any of {@link #springProperties} that is not a --spring.* or --ipo.* property with a value. */
    Optional<String> badProperty() {
        return badProperty(springProperties);
    }

    static Optional<String> badProperty(List<String> properties) {
        return properties.stream().filter(p -> !p.matches("--(spring|ipo)\\.[\\w.-]+=.*")).findFirst();
    }

    public LocalDate asOfOrToday() {
        return asOf == null ? LocalDate.now() : asOf;
    }
}
