package io.github.ipoanalyzer.launch;

import io.github.ipoanalyzer.IpoAnalyzerApplication;
import io.github.ipoanalyzer.store.FileHashMemo;
import io.github.ipoanalyzer.store.InputFingerprint;
import io.github.ipoanalyzer.ingest.InputLayout;
import io.github.ipoanalyzer.job.FigureSettings;
import io.github.ipoanalyzer.job.RunParameters;
import io.github.ipoanalyzer.job.StopSignal;
import io.github.ipoanalyzer.report.ReportFolder;
import io.github.ipoanalyzer.store.InputFileLedger;
import io.github.ipoanalyzer.store.MarketDataStore;
import io.github.ipoanalyzer.store.Dialect;
import io.github.ipoanalyzer.store.SharedRunLock;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.OnConsoleStatusListener;
import ch.qos.logback.core.status.StatusManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses the command line before Spring starts (so --help and usage errors answer at once),
 * checks the input folder, takes the run lock, then starts Spring and runs the job.
 */
public final class Launcher {

    private static final Logger log = LoggerFactory.getLogger(Launcher.class);
    /** Held in the output folder while a run may publish there. */
    static final String OUTPUT_LOCK = ".ipo-analyzer.lock";

    private Launcher() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        quietUntilSpringConfiguresLogging();
        if (!FullCompiler.launchThatStartedThisIsThere(err)) {
            return ExitCode.STOPPED.code();
        }
        RunSummary.programClock(); // a launch in a JVM that watched before (tests launch many in one) is its own
        Options options = new Options();
        CommandLine cli = new CommandLine(options);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        CommandLine.ParseResult parsed;
        try {
            parsed = cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            err.println(usageMessage(e));
            err.println("Try --help for the options.");
            return ExitCode.USAGE.code();
        }
        if (parsed.subcommand() != null) {
            CommandLine sub = parsed.subcommand().commandSpec().commandLine();
            if (sub.isUsageHelpRequested()) {
                sub.usage(out);
                return ExitCode.OK.code();
            }
            Object command = sub.getCommand();
            if (command instanceof CheckInputCommand check) {
                Optional<FullCompiler.Limits> quick = FullCompiler.quickLimits();
                long inputBytes = quick.isEmpty() ? 0 : FullCompiler.sizeOf(
                        new InputLayout(check.input.toAbsolutePath().normalize()).existingFiles());
                if (quick.isPresent() && quick.get().exceededBy(inputBytes, 0)) {
                    out.println(FullCompiler.startingAgain(FullCompiler.describe(quick.get(), inputBytes, 0)));
                    return FullCompiler.startAgain(args, out, err);
                }
                return check.run(out, err);
            }
            if (command instanceof WorkerCommand worker) {
                if (FullCompiler.quickLimits().isPresent()) {
                    out.println(FullCompiler.startingAgain("a worker stays up"));
                    return FullCompiler.startAgain(args, out, err);
                }
                return Worker.serve(worker, out, err);
            }
            return generateMarket((GenerateMarketCommand) command, out, err);
        }
        if (cli.isUsageHelpRequested()) {
            cli.usage(out);
            return ExitCode.OK.code();
        }
        if (cli.isVersionHelpRequested()) {
            cli.printVersionHelp(out);
            return ExitCode.OK.code();
        }
        Optional<String> usageProblem = usageProblem(options, cli);
        if (usageProblem.isPresent()) {
            err.println(usageProblem.get());
            return ExitCode.USAGE.code();
        }
        InputLayout layout = new InputLayout(options.input.toAbsolutePath().normalize());
        Optional<FullCompiler.Limits> quick = FullCompiler.quickLimits();
        if (options.watchSeconds != null) {
            if (quick.isPresent()) {
                out.println(FullCompiler.startingAgain("a process that stays up"));
                return FullCompiler.startAgain(args, out, err);
            }
            Refusals refusals = Refusals.onceEach();
            return Watch.serve(layout, Duration.ofSeconds(options.watchSeconds), options::asOfOrToday,
                    options.asOf == null, () -> {
                quietUntilSpringConfiguresLogging(); // each run's context leaves logging as it found it
                RunSummary.startClock();
                int code = launch(options, layout, out, err, refusals, Optional.empty());
                if (!Watch.triedAgainAtEveryLook(code)) {
                    refusals.forget();
                }
                return code;
            }, out, err);
        }
        int code = launch(options, layout, out, err, Refusals.everyTime(), quick);
        return code == FullCompiler.START_AGAIN ? FullCompiler.startAgain(args, out, err) : code;
    }

    /**
     * One launch's work after the command line: the input folder checked and settled, the run
     * locked and run. {@code quick}: where this JVM runs the quick compiler only, the work it does
     * itself ({@link FullCompiler}); with more, the launch returns {@link FullCompiler#START_AGAIN}.
     */
    private static int launch(Options options, InputLayout layout, PrintStream out, PrintStream err,
                              Refusals refusals, Optional<FullCompiler.Limits> quick) {
        Optional<String> inputProblem = layout.problem();
        if (inputProblem.isPresent()) {
            err.println("Bad input: " + inputProblem.get());
            return ExitCode.BAD_INPUT.code();
        }
        List<InputSettling.Changing> changing;
        try {
            changing = InputSettling.await(layout, Duration.ofSeconds(options.settleSeconds), out, refusals);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.STOPPED.code();
        }
        if (!changing.isEmpty()) {
            // The reason is which files, not their ages, which differ at every look.
            refusals.say(err, "still changing: " + changing.stream().map(InputSettling.Changing::file).toList(),
                    InputSettling.gaveUp(changing, Duration.ofSeconds(options.settleSeconds)));
            return ExitCode.INPUT_NOT_SETTLED.code();
        }
        try {
            return runLocked(options, layout, out, err, refusals, quick);
        } catch (Exception e) {
            log.error("Run failed", e);
            err.println("Failed: " + FailureMessage.of(e, db(options), output(options), true)
                    + (Files.exists(logFile(options)) ? " (details in " + logFile(options) + ")" : ""));
            return ExitCode.FAILED.code();
        }
    }

    /**
     * Until Spring Boot applies logback-spring.xml (console: progress only; file: everything),
     * Logback's default would print every logged failure with its stack trace on the console.
     */
    private static void quietUntilSpringConfiguresLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.reset();
        }
    }

    /**
     * Spring Boot adds a Logback status listener that prints Logback's own errors, with stack
     * traces, on the console (a log file on a full disk fails every write). The launcher says
     * what went wrong instead, so it is removed as soon as logging is configured.
     */
    static final class QuietLogbackStatus implements ApplicationListener<ApplicationEnvironmentPreparedEvent>,
            Ordered {
        @Override
        public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
            if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
                StatusManager statuses = logback.getStatusManager();
                statuses.getCopyOfStatusListenerList().stream().filter(l -> l instanceof OnConsoleStatusListener)
                        .forEach(statuses::remove);
            }
        }

        @Override
        public int getOrder() {
            return LoggingApplicationListener.DEFAULT_ORDER + 1;
        }
    }

    private static int generateMarket(GenerateMarketCommand options, PrintStream out, PrintStream err) {
        try {
            Instant started = Instant.now();
            options.generator().writeTo(options.out);
            out.printf(java.util.Locale.ROOT, "Wrote %,d listings × %,d trading days (%,d price rows) to %s in %.1f s%n",
                    options.listings, options.days, (long) options.listings * options.days, options.out,
                    Duration.between(started, Instant.now()).toMillis() / 1000.0);
            return ExitCode.OK.code();
        } catch (java.io.IOException e) {
            err.println("Failed: cannot write " + options.out + ": " + e.getMessage());
            return ExitCode.FAILED.code();
        }
    }

    private static int runLocked(Options options, InputLayout layout, PrintStream out, PrintStream err,
                                 Refusals refusals, Optional<FullCompiler.Limits> quick) throws Exception {
        Path db = db(options);
        Files.createDirectories(db);
        Path lockFile = db.resolve("ipo-analyzer.lock");
        Optional<RunLock> lock = RunLock.tryAcquire(lockFile, "database " + db);
        if (lock.isEmpty()) {
            refusals.say(err, "Another ipo-analyzer run is in progress on " + db + " (" + RunLock.holder(lockFile)
                    + "); this one does nothing.");
            return ExitCode.ALREADY_RUNNING.code();
        }
        try (RunLock heldDb = lock.get()) {
            awaitStaleDatabaseLock(db.resolve("ipo.lck"), out);
            // Two databases may publish into one output folder, but never at the same time.
            Path output = output(options);
            Files.createDirectories(output);
            Path outputLockFile = output.resolve(OUTPUT_LOCK);
            Optional<RunLock> outputLock = RunLock.tryAcquire(outputLockFile, "database " + db);
            if (outputLock.isEmpty()) {
                refusals.say(err, "Another ipo-analyzer run is publishing into " + output + " ("
                        + RunLock.holder(outputLockFile) + "); this one does nothing.");
                return ExitCode.ALREADY_RUNNING.code();
            }
            try (RunLock heldOutput = outputLock.get()) {
                return runJob(options, layout, out, err, refusals, quick);
            }
        }
    }

    /** HSQLDB refuses a database whose lock file's heartbeat is younger than 10 s (plus its margin). */
    static final Duration DATABASE_LOCK_STALE_AFTER = Duration.ofSeconds(11);
    private static final Duration DATABASE_LOCK_MAX_WAIT = Duration.ofSeconds(20);

    /**
     * HSQLDB's own lock file keeps a heartbeat; a run killed with -9 leaves it, and for ten
     * seconds HSQLDB refuses the database as if another program had it open, which would read as
     * a damaged database. Holding the run lock, no run of ours has it open: a lock file whose
     * heartbeat has stopped is waited out (a program that keeps it beating still gets HSQLDB's
     * refusal after {@link #DATABASE_LOCK_MAX_WAIT}).
     */
    static void awaitStaleDatabaseLock(Path lockFile, PrintStream out) throws java.io.IOException, InterruptedException {
        Instant giveUp = Instant.now().plus(DATABASE_LOCK_MAX_WAIT);
        boolean said = false;
        while (Files.exists(lockFile) && Instant.now().isBefore(giveUp)) {
            Duration age;
            try {
                age = Duration.between(Files.getLastModifiedTime(lockFile).toInstant(), Instant.now());
            } catch (java.nio.file.NoSuchFileException gone) {
                return;
            }
            if (age.compareTo(DATABASE_LOCK_STALE_AFTER) >= 0) {
                return;
            }
            if (!said) {
                out.println("Waiting a few seconds for the database lock a stopped run left to expire");
                said = true;
            }
            Thread.sleep(250);
        }
    }

    private static int runJob(Options options, InputLayout layout, PrintStream out, PrintStream err,
                              Refusals refusals, Optional<FullCompiler.Limits> quick) throws Exception {
        List<String> recovered = new ReportFolder(output(options)).recoverLeftovers();
        Instant checked = Instant.now();
        // Hashed once per launch: the quick look and the run compare the same fingerprint. Only the
        // files changed since the last launch are read (the memo beside the database).
        FileHashMemo memo = FileHashMemo.in(db(options));
        List<Path> inputFiles = quick.isEmpty() ? List.of() : layout.existingFiles();
        long inputBytes = FullCompiler.sizeOf(inputFiles);
        long workbook = quick.isEmpty() ? 0 : FullCompiler.previousWorkbook(output(options));
        boolean full = quick.isPresent() && quick.get().exceededBy(inputBytes, workbook);
        // Before the files are read (the full compiler hashes them many times faster), where there is work.
        if (full && (options.force || !inputFiles.stream().allMatch(memo::holds))) {
            return sayStartingAgain(recovered, FullCompiler.describe(quick.get(), inputBytes, workbook), out);
        }
        String inputSha256 = InputFingerprint.ofAll(layout.sha256PerFile(memo::sha256));
        memo.save();
        // A file with other bytes than the last launch hashed (a nightly append): there is work, unless
        // the files went back to an earlier run's, which the application tells as the quick look would.
        // The database is then not opened here only for the application to open it again.
        Optional<String> nothingToDo = options.force || options.remoteWorkers || memo.hashedOtherBytes() ? Optional.empty()
                : NothingToDo.message(db(options), options.settingArguments(), requested(options, layout, inputSha256, ""));
        if (nothingToDo.isPresent()) {
            printHeader(options, layout, recovered, out);
            out.println();
            RunSummary.printEnd(out, nothingToDo.get(), Duration.between(checked, Instant.now()));
            return ExitCode.OK.code();
        }
        if (full) {
            return sayStartingAgain(recovered, FullCompiler.describe(quick.get(), inputBytes, workbook), out);
        }
        GracefulStop stop;
        try {
            stop = GracefulStop.install();
        } catch (IllegalStateException shuttingDown) {
            // A stop signal came before the run started (a process that stays up, --watch, waits for this launch).
            out.println("Stopped before the run started; the next launch runs it.");
            return ExitCode.STOPPED.code();
        }
        int code = ExitCode.FAILED.code();
        ConfigurableApplicationContext context;
        try {
            context = startSpring(options);
        } catch (RuntimeException e) {
            Optional<String> badSetting = FailureMessage.badSetting(e);
            if (badSetting.isPresent()) {
                log.info("A setting was refused", e);
                err.println(badSetting.get());
                code = ExitCode.USAGE.code();
                stop.finished(code);
                return code;
            }
            log.error("The application could not start", e);
            err.println("Failed: " + FailureMessage.of(e, db(options), output(options), true)
                    + " (details in " + logFile(options) + ")");
            stop.finished(code);
            return code;
        }
        try (context) {
            if (options.remoteWorkers && Dialect.of(context.getBean(DataSource.class)) != Dialect.POSTGRESQL) {
                err.println("--remote-workers needs the shared PostgreSQL database that the workers use too "
                        + "(--spring.datasource.url=jdbc:postgresql://HOST:5432/DB); the embedded one is this "
                        + "machine's only.");
                code = ExitCode.USAGE.code();
                return code;
            }
            SharedRunLock.Result shared = SharedRunLock.tryAcquire(context.getBean(DataSource.class), holder(), out::println);
            if (shared.lock().isEmpty()) {
                refusals.say(err, "Another ipo-analyzer run is in progress on the shared database " + databaseName(context)
                        + " (" + shared.holder() + "); this one does nothing.");
                code = ExitCode.ALREADY_RUNNING.code();
                return code;
            }
            try (SharedRunLock held = shared.lock().get()) {
                held.watch(lost -> stopAtOnce(lost, databaseName(context), err));
                try {
                    code = report(context, options, layout, inputSha256, recovered, stop, held, out, err);
                } catch (Exception e) {
                    settle(held);
                    throw e;
                }
                return code;
            }
        } finally {
            stop.finished(code);
        }
    }

    /**
     * Prints what this launch recovered (the launch started again finds nothing left to recover)
     * and that it starts again with the full compiler, and why; its caller lets the locks go.
     */
    private static int sayStartingAgain(List<String> recovered, String why, PrintStream out) {
        recovered.forEach(out::println);
        out.println(FullCompiler.startingAgain(why));
        return FullCompiler.START_AGAIN;
    }

    /**
     * The shared database's lock was lost while this run lived (its connection ended): another
     * run may take it, so this one stops at once, as a killed run would (the next launch resumes
     * it), after saying so. No other run starts before this one has stopped (see SharedRunLock).
     */
    private static void stopAtOnce(Exception lost, String database, PrintStream err) {
        try {
            log.error("Lost the shared database's run lock", lost);
            err.println("Failed: the shared PostgreSQL database cannot be used (the connection holding this run's lock "
                    + "on " + database + " ended: " + FailureMessage.rootMessage(lost) + "): this run stopped at once, "
                    + "so that no other run works beside it. Check the server; the next run resumes where this one "
                    + "stopped.");
            err.flush();
        } finally {
            Runtime.getRuntime().halt(ExitCode.FAILED.code());
        }
    }

    /** The run has ended and says how, unless the lock was lost first: its watch is then saying so and halting. */
    private static void settle(SharedRunLock lock) throws InterruptedException {
        if (!lock.settle()) {
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    /** Who this run is, as a run refused the shared database's lock reads it. */
    static String holder() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "unknown host";
        }
        return "pid " + ProcessHandle.current().pid() + " on " + host + " since "
                + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    private static String databaseName(ConfigurableApplicationContext context) {
        return context.getEnvironment().getProperty("spring.datasource.url", "?");
    }

    private static int report(ConfigurableApplicationContext context, Options options, InputLayout layout,
                              String inputSha256, List<String> recovered, GracefulStop stop, SharedRunLock lock,
                              PrintStream out, PrintStream err) throws Exception {
        stop.signal(context.getBean(StopSignal.class));
        Instant jobStarted = Instant.now();
        printHeader(options, layout, recovered, out);
        RunParameters requested = requested(options, layout, inputSha256, context.getBean(FigureSettings.class).text());
        ReportRunner.Outcome outcome = context.getBean(ReportRunner.class).run(requested, options.force, out::println);
        settle(lock);
        if (outcome.exitCode() == ExitCode.FAILED) {
            outcome = outcome.withMessage("Failed: " + outcome.failure()
                    .map(f -> FailureMessage.of(f, db(options), output(options), false)).orElse(outcome.message()));
        }
        RunSummary.print(outcome.exitCode() == ExitCode.OK ? out : err, outcome, layout,
                context.getBean(MarketDataStore.class), context.getBean(InputFileLedger.class),
                Duration.between(jobStarted, Instant.now()));
        context.getBean(ReportRunner.class).discardFilesOverLimit(outcome);
        if (outcome.exitCode() == ExitCode.FAILED) {
            err.println("Details in " + logFile(options));
        }
        return outcome.exitCode().code();
    }

    private static void printHeader(Options options, InputLayout layout, List<String> recovered, PrintStream out) {
        out.println("ipo-analyzer: input " + layout.root() + ", as of " + options.asOfOrToday());
        recovered.forEach(out::println);
        layout.unreadFiles().forEach(line -> out.println("Not read: " + line + "."));
    }

    /** The work the options ask for, with {@code figureSettings}; its run sequence is decided later. */
    private static RunParameters requested(Options options, InputLayout layout, String inputSha256,
                                           String figureSettings) {
        return new RunParameters(layout.root(), output(options), options.asOfOrToday(), inputSha256,
                options.maxRejectFraction, figureSettings, 0, options.keep, options.force);
    }

    private static Path db(Options options) {
        return options.db.toAbsolutePath().normalize();
    }

    private static Path output(Options options) {
        return options.output.toAbsolutePath().normalize();
    }

    /** Options reach Spring as command-line properties, which outrank application.properties. */
    private static ConfigurableApplicationContext startSpring(Options options) {
        Path db = options.db.toAbsolutePath().normalize();
        List<String> args = new ArrayList<>(List.of("--ipo.db-dir=" + db, "--logging.file.name=" + logFile(options),
                "--ipo.remote-workers=" + options.remoteWorkers));
        args.addAll(options.settingArguments());
        return new SpringApplicationBuilder(IpoAnalyzerApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .listeners(new QuietLogbackStatus())
                .run(args.toArray(String[]::new));
    }

    private static Path logFile(Options options) {
        return options.db.toAbsolutePath().normalize().resolve("ipo-analyzer.log");
    }

    /**
     * picocli's message, but for a value it could not convert (a Java exception's name and text)
     * the form expected, and for an unknown option the nearest known one.
     */
    static String usageMessage(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            return e.getMessage() + didYouMean(unmatched.getSuggestions());
        }
        if (e.getArgSpec() instanceof CommandLine.Model.OptionSpec option && e.getValue() != null
                && e.getMessage().startsWith("Invalid value")) {
            return "Invalid value for " + option.longestName() + ": '" + e.getValue() + "' is not "
                    + expectedForm(option.type()) + ".";
        }
        return e.getMessage();
    }

    private static String expectedForm(Class<?> type) {
        if (type == java.time.LocalDate.class) {
            return "a date written YYYY-MM-DD (for example 2026-01-05)";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number (for example 5)";
        }
        if (type == BigDecimal.class) {
            return "a decimal number written with a point (for example 0.05)";
        }
        return "a " + type.getSimpleName();
    }

    private static String didYouMean(List<String> suggestions) {
        return suggestions.isEmpty() ? "" : " Did you mean " + String.join(" or ", suggestions) + "?";
    }

    private static Optional<String> usageProblem(Options options, CommandLine cli) {
        Optional<String> bad = options.badProperty();
        if (bad.isPresent()) {
            List<String> suggestions = new CommandLine.UnmatchedArgumentException(cli, List.of(bad.get())).getSuggestions();
            return Optional.of("Unknown option: '" + bad.get() + "'" + (suggestions.isEmpty()
                    ? " (Spring Boot properties are given as --spring.name=value)" : "." + didYouMean(suggestions)));
        }
        if (options.keep < 1) {
            return Optional.of("--keep must be at least 1");
        }
        if (options.watchSeconds != null && options.watchSeconds < 1) {
            return Optional.of("--watch must be at least 1 (seconds between looks at the input folder)");
        }
        if (options.watchSeconds != null && options.force) {
            return Optional.of("--force cannot go with --watch: every run would recompute everything, whether the "
                    + "input changed or not; run once with --force, then watch");
        }
        if (options.maxRejectFraction.signum() < 0 || options.maxRejectFraction.compareTo(BigDecimal.ONE) > 0) {
            return Optional.of("--max-reject-fraction must be between 0 and 1");
        }
        for (String option : List.of("--output", "--db")) {
            Path folder = option.equals("--output") ? options.output : options.db;
            if (Files.exists(folder) && !Files.isDirectory(folder)) {
                return Optional.of(option + " " + folder + " is a file, not a folder: give a folder (it is created if "
                        + "missing)");
            }
        }
        Path in = options.input.toAbsolutePath().normalize();
        Path outDir = options.output.toAbsolutePath().normalize();
        if (outDir.startsWith(in) || in.startsWith(outDir)) {
            return Optional.of("--output must not be inside --input (or the other way round)");
        }
        // The same check where the file system leads: a link may put one inside the other.
        Path realIn = resolved(in);
        Path realOut = resolved(outDir);
        if (realOut.startsWith(realIn) || realIn.startsWith(realOut)) {
            return Optional.of("--output must not be inside --input (or the other way round): " + outDir + " is " + realOut
                    + (realIn.equals(in) ? "" : ", " + in + " is " + realIn));
        }
        return Optional.empty();
    }

    /**
     * Where a path leads with every link followed, also when its last parts do not exist yet
     * (an output folder created by the run): the real path of its nearest existing ancestor,
     * with the rest appended.
     */
    static Path resolved(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        for (Path existing = absolute; existing != null; existing = existing.getParent()) {
            try {
                return existing.toRealPath().resolve(existing.relativize(absolute).toString()).normalize();
            } catch (java.io.IOException e) {
                // not there (or not readable): try its parent
            }
        }
        return absolute;
    }
}
