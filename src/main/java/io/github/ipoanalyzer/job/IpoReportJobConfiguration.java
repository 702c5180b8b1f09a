package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.eventstudy.EventStudySettings;
import io.github.ipoanalyzer.eventstudy.EventWindow;
import io.github.ipoanalyzer.ingest.BenchmarkLevelValidator;
import io.github.ipoanalyzer.ingest.BenchmarkMapValidator;
import io.github.ipoanalyzer.ingest.CohortValidator;
import io.github.ipoanalyzer.ingest.CsvFormat;
import io.github.ipoanalyzer.ingest.EventValidator;
import io.github.ipoanalyzer.ingest.LockupValidator;
import io.github.ipoanalyzer.ingest.CsvRecord;
import io.github.ipoanalyzer.ingest.CsvRecordReader;
import io.github.ipoanalyzer.store.FileTail;
import io.github.ipoanalyzer.ingest.FxRateValidator;
import io.github.ipoanalyzer.ingest.InputChangedException;
import io.github.ipoanalyzer.store.InputFingerprint;
import io.github.ipoanalyzer.ingest.InputLayout;
import io.github.ipoanalyzer.ingest.ListingValidator;
import io.github.ipoanalyzer.ingest.PriceValidator;
import io.github.ipoanalyzer.ingest.RejectedRowException;
import io.github.ipoanalyzer.ingest.RejectsRecorder;
import io.github.ipoanalyzer.ingest.ReportedCapValidator;
import io.github.ipoanalyzer.ingest.RevenueValidator;
import io.github.ipoanalyzer.ingest.RowValidator;
import io.github.ipoanalyzer.store.Sourced;
import io.github.ipoanalyzer.report.ReportFolder;
import io.github.ipoanalyzer.report.ReportPublisher;
import io.github.ipoanalyzer.report.ReportTables;
import io.github.ipoanalyzer.store.InputFileLedger;
import io.github.ipoanalyzer.store.MarketDataStore;
import io.github.ipoanalyzer.store.MarketTables;
import io.github.ipoanalyzer.store.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.ItemReadListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.batch.infrastructure.item.database.builder.JdbcBatchItemWriterBuilder;
import org.springframework.batch.infrastructure.item.file.MultiResourceItemReader;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The IPO report job: drop from the analysis tables what no longer matches the input folder,
 * load the new and changed files of each input kind (rows validated, rejects recorded), settle
 * conflicting rows, record the files loaded, stop if a file is mostly rejects, then compute the
 * metrics and publish the report folder.
 */
@Configuration
public class IpoReportJobConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IpoReportJobConfiguration.class);

    public static final String JOB_NAME = "ipoReportJob";
    public static final String REPORT_FOLDER_KEY = "report.folder";
    /** What the as-of date left out of the report, one line per kind (a list of strings). */
    public static final String LEFT_OUT_KEY = "left.out.after.as.of";
    static final String INPUT_FILES_KEY = "input.files";
    private static final String PURGE_KEY = "files.to.purge";
    private static final int PURGE_BATCH = 50_000;

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final MarketDataStore store;
    private final InputFileLedger ledger;
    private final String version;
    private final DataSource dataSource;
    private final int chunkSize;
    private final long progressIntervalMillis;
    private final StopSignal stopSignal = new StopSignal();

    public IpoReportJobConfiguration(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                     DataSource dataSource, @Value("${ipo.chunk-size:1000}") int chunkSize,
                                     @Value("${ipo.progress-interval-ms:5000}") long progressIntervalMillis,
                                     @Value("${ipo.version:dev}") String version) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.dataSource = dataSource;
        this.store = new MarketDataStore(dataSource);
        this.store.createTablesIfMissing();
        this.ledger = new InputFileLedger(dataSource);
        this.version = version;
        this.chunkSize = chunkSize;
        this.progressIntervalMillis = progressIntervalMillis;
    }

    @Bean
    public MarketDataStore marketDataStore() {
        return store;
    }

    @Bean
    public InputFileLedger inputFileLedger() {
        return ledger;
    }

    @Bean
    public StopSignal stopSignal() {
        return stopSignal;
    }

    @Bean
    public Job ipoReportJob(Step reconcileInputs, Step loadListings, Step rejectConflictingListings,
                            Step loadPrices, Step loadRevenue, Step loadFxRates, Step loadReportedCaps,
                            Step loadBenchmarks, Step loadBenchmarkMap, Step loadEvents, Step loadLockups,
                            Step loadCohorts, Step rejectConflictingRows, Step recordInputFiles,
                            Step checkRejectLimits, Step publishReport) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(reconcileInputs)
                .next(loadListings)
                .next(rejectConflictingListings)
                .next(loadPrices)
                .next(loadRevenue)
                .next(loadFxRates)
                .next(loadReportedCaps)
                .next(loadBenchmarks)
                .next(loadBenchmarkMap)
                .next(loadEvents)
                .next(loadLockups)
                .next(loadCohorts)
                .next(rejectConflictingRows)
                .next(recordInputFiles)
                .next(checkRejectLimits)
                .next(publishReport)
                .build();
    }

    /**
     * The tables keep the rows of unchanged input files and lose the rest (see InputFileLedger),
     * so that they mirror exactly one input folder and only new or changed files are parsed.
     */
    @Bean
    public Step reconcileInputs() {
        return new StepBuilder("reconcileInputs", jobRepository).tasklet((contribution, context) -> {
            StepExecution step = context.getStepContext().getStepExecution();
            ExecutionContext progress = step.getExecutionContext();
            if (!progress.containsKey(PURGE_KEY)) {
                RunParameters run = RunParameters.from(step.getJobParameters());
                // In the layout's order (listings first), which the report's input-files.csv and manifest keep.
                InputLayout layout = new InputLayout(run.inputDir());
                Map<String, Long> recordedSizes = ledger.recordedSizes();
                LinkedHashMap<String, InputFingerprint.FileState> files = new LinkedHashMap<>();
                for (Path file : layout.existingFiles()) {
                    String name = layout.relative(file);
                    files.put(name, InputFingerprint.state(file, recordedSizes.getOrDefault(name, -1L)));
                }
                Map<String, String> hashes = new LinkedHashMap<>();
                files.forEach((name, state) -> hashes.put(name, state.sha256()));
                if (!InputFingerprint.ofAll(hashes).equals(run.inputSha256())) {
                    throw new InputChangedException(changedSinceLaunch(layout, hashes),
                            "it changed between the launch's fingerprint and the start of the run");
                }
                step.getJobExecution().getExecutionContext().put(INPUT_FILES_KEY, files);
                InputFileLedger.Reconciliation r = ledger.reconcile(files, version, run.reloadAll());
                if (r.fullReload()) {
                    log.info("Parsing every input file");
                } else {
                    log.info("Files to parse again: {}; files read from their appended rows only: {}",
                            r.dropped().isEmpty() ? "none" : r.dropped(), r.appended().size());
                }
                progress.put(PURGE_KEY, new ArrayList<>(r.toPurge()));
                return RepeatStatus.CONTINUABLE;
            }
            // One batch per call, each call its own transaction; the list of files left is saved with it.
            @SuppressWarnings("unchecked")
            ArrayList<String> toPurge = (ArrayList<String>) progress.get(PURGE_KEY);
            if (toPurge.isEmpty()) {
                return RepeatStatus.FINISHED;
            }
            if (ledger.purge(toPurge.get(0), PURGE_BATCH, chunkSize) == 0) {
                toPurge.remove(0);
                progress.put(PURGE_KEY, toPurge);
            }
            return RepeatStatus.CONTINUABLE;
        }, transactionManager).listener(stopSignal).build();
    }

    /** Of the files the launch fingerprinted, those whose hash differs now (or all of them, if none does: a rename). */
    private static String changedSinceLaunch(InputLayout layout, Map<String, String> hashes) {
        Map<String, String> now = layout.sha256PerFile();
        List<String> changed = hashes.keySet().stream().filter(f -> !hashes.get(f).equals(now.get(f))).toList();
        return changed.isEmpty() ? "the input folder" : String.join(", ", changed);
    }

    /**
     * After the loads: every input file must still be as the run fingerprinted it (size and
     * modification time); then the files now in the tables are recorded, so that the next run
     * does not parse them again. A file that changed is not recorded, so the next run reloads it.
     */
    @Bean
    public Step recordInputFiles() {
        return new StepBuilder("recordInputFiles", jobRepository).tasklet((contribution, context) -> {
            StepExecution step = context.getStepContext().getStepExecution();
            InputLayout layout = new InputLayout(RunParameters.from(step.getJobParameters()).inputDir());
            Map<String, Path> paths = new HashMap<>();
            inputFiles(step).keySet().forEach(name -> paths.put(name, layout.root().resolve(name)));
            List<String> changed = inputFiles(step).entrySet().stream()
                    .filter(e -> !e.getValue().stillMatches(paths.get(e.getKey()))).map(Map.Entry::getKey).toList();
            if (!changed.isEmpty()) {
                throw new InputChangedException(String.join(", ", changed), "it changed while the run loaded its inputs");
            }
            ledger.record(inputFiles(step), paths, version, RunParameters.from(step.getJobParameters()).runSequence());
            return RepeatStatus.FINISHED;
        }, transactionManager).listener(stopSignal).build();
    }

    /** Each input file as reconcileInputs found it, in the layout's order. */
    @SuppressWarnings("unchecked")
    private static Map<String, InputFingerprint.FileState> inputFiles(StepExecution step) {
        return new LinkedHashMap<>((Map<String, InputFingerprint.FileState>)
                step.getJobExecution().getExecutionContext().get(INPUT_FILES_KEY));
    }

    /** Each input file's SHA-256 as reconcileInputs found it, in the layout's order. */
    private static Map<String, String> inputHashes(StepExecution step) {
        Map<String, String> hashes = new LinkedHashMap<>();
        inputFiles(step).forEach((file, state) -> hashes.put(file, state.sha256()));
        return hashes;
    }

    @Bean
    public Step loadListings(MultiResourceItemReader<CsvRecord> listingsReader) {
        return loadStep("loadListings", listingsReader, new ListingValidator(store), tableWriter(MarketTables.LISTING),
                l -> List.of(l.listings()));
    }

    @Bean
    public Step loadPrices(MultiResourceItemReader<CsvRecord> pricesReader) {
        return loadStep("loadPrices", pricesReader, new PriceValidator(store),
                chunk -> store.prices().write(chunk.getItems()), InputLayout::prices);
    }

    @Bean
    public Step loadRevenue(MultiResourceItemReader<CsvRecord> revenueReader) {
        return loadStep("loadRevenue", revenueReader, new RevenueValidator(store), tableWriter(MarketTables.REVENUE),
                l -> List.of(l.revenue()));
    }

    @Bean
    public Step loadFxRates(MultiResourceItemReader<CsvRecord> fxRatesReader) {
        return loadStep("loadFxRates", fxRatesReader, new FxRateValidator(store), tableWriter(MarketTables.FX_RATE),
                l -> List.of(l.fxRates()));
    }

    @Bean
    public Step loadReportedCaps(MultiResourceItemReader<CsvRecord> reportedCapsReader) {
        return loadStep("loadReportedCaps", reportedCapsReader, new ReportedCapValidator(store),
                tableWriter(MarketTables.REPORTED_CAP), l -> List.of(l.reportedCaps()));
    }

    @Bean
    public Step loadBenchmarks(MultiResourceItemReader<CsvRecord> benchmarksReader) {
        return loadStep("loadBenchmarks", benchmarksReader, new BenchmarkLevelValidator(store), tableWriter(MarketTables.BENCHMARK_LEVEL),
                l -> List.of(l.benchmarks()));
    }

    @Bean
    public Step loadBenchmarkMap(MultiResourceItemReader<CsvRecord> benchmarkMapReader) {
        return loadStep("loadBenchmarkMap", benchmarkMapReader, new BenchmarkMapValidator(store), tableWriter(MarketTables.BENCHMARK_MAP),
                l -> List.of(l.benchmarkMap()));
    }

    @Bean
    public Step loadEvents(MultiResourceItemReader<CsvRecord> eventsReader) {
        return loadStep("loadEvents", eventsReader, new EventValidator(store), tableWriter(MarketTables.LISTING_EVENT),
                l -> List.of(l.events()));
    }

    @Bean
    public Step loadLockups(MultiResourceItemReader<CsvRecord> lockupsReader) {
        return loadStep("loadLockups", lockupsReader, new LockupValidator(store), tableWriter(MarketTables.LOCKUP),
                l -> List.of(l.lockups()));
    }

    @Bean
    public Step loadCohorts(MultiResourceItemReader<CsvRecord> cohortsReader) {
        return loadStep("loadCohorts", cohortsReader, new CohortValidator(store), tableWriter(MarketTables.COHORT_MEMBER),
                l -> List.of(l.cohorts()));
    }

    /**
     * Two rows with one key and different values: the load rejected the later one; these steps
     * reject the earlier one too. Listings are settled before anything refers to them.
     */
    @Bean
    public Step rejectConflictingListings() {
        return rejectConflictsStep("rejectConflictingListings");
    }

    @Bean
    public Step rejectConflictingRows() {
        return rejectConflictsStep("rejectConflictingRows");
    }

    private Step rejectConflictsStep(String name) {
        return new StepBuilder(name, jobRepository).tasklet((contribution, context) -> {
            store.rejectConflictingRows();
            return RepeatStatus.FINISHED;
        }, transactionManager).listener(stopSignal).build();
    }

    @Bean
    public Step checkRejectLimits() {
        return new StepBuilder("checkRejectLimits", jobRepository).tasklet((contribution, context) -> {
            RunParameters run = RunParameters.from(context.getStepContext().getStepExecution().getJobParameters());
            List<String> over = RejectLimit.filesOverLimit(store.countsByFile(), run.maxRejectFraction());
            if (!over.isEmpty()) {
                // No report is published, so the rejects go where a person can open them.
                Path folder = new ReportFolder(run.outputDir()).publishFailed(
                        ReportFolder.name(run.asOf().toString(), run.runSequence()),
                        staging -> ReportTables.rejects(staging, store.rejects()).close());
                throw RejectLimit.failure(over, folder.resolve("rejects.csv"));
            }
            return RepeatStatus.FINISHED;
        }, transactionManager).listener(stopSignal).build();
    }

    @Bean
    public Step publishReport(ReportPublisher reportPublisher, @Value("${ipo.version:dev}") String version,
                              @Value("${ipo.max-close-lag-trading-days:5}") int maxCloseLag,
                              @Value("${ipo.chart-max-listings:12}") int chartMaxListings) {
        return new StepBuilder("publishReport", jobRepository).tasklet((contribution, context) -> {
            StepExecution step = context.getStepContext().getStepExecution();
            RunParameters run = RunParameters.from(step.getJobParameters());
            Map<String, Object> parameters = new TreeMap<>();
            step.getJobParameters().forEach(p -> parameters.put(p.name(), String.valueOf(p.value())));
            ReportPublisher.Published published;
            try {
                published = reportPublisher.publish(new ReportPublisher.Request(inputHashes(step),
                        run.outputDir(), run.asOf(), run.runSequence(),
                        run.keepReports(), maxCloseLag, chartMaxListings, parameters, version,
                        step.getJobExecution().getStartTime().atZone(java.time.ZoneId.systemDefault()).toInstant(),
                        run.identity()), stopSignal::isRequested);
            } catch (ReportPublisher.PublishStoppedException e) {
                throw new JobInterruptedException(e.getMessage());
            }
            ExecutionContext job = step.getJobExecution().getExecutionContext();
            job.putString(REPORT_FOLDER_KEY, published.folder().toString());
            job.put(LEFT_OUT_KEY, new ArrayList<>(published.leftOutAfterAsOf()));
            return RepeatStatus.FINISHED;
        }, transactionManager).listener(stopSignal).build();
    }

    @Bean
    public ReportPublisher reportPublisher(@Value("${ipo.event-windows}") String windows,
                                           @Value("${ipo.bhar-horizons}") List<Integer> horizons,
                                           @Value("${ipo.market-model-min-days}") int marketModelMinDays,
                                           @Value("${ipo.cap-milestones-cny}") List<java.math.BigDecimal> milestones,
                                           @Value("${ipo.report-threads:0}") int reportThreads) {
        int threads = reportThreads > 0 ? reportThreads : Runtime.getRuntime().availableProcessors();
        return new ReportPublisher(store, ledger, new EventStudySettings(EventWindow.parseAll(windows), horizons,
                marketModelMinDays, milestones), threads, progressIntervalMillis);
    }

    @Bean
    @StepScope
    public MultiResourceItemReader<CsvRecord> listingsReader(@Value("#{jobParameters['input.dir']}") String inputDir) {
        InputLayout layout = new InputLayout(Path.of(inputDir));
        return filesReader("listings", layout, List.of(layout.listings()), ListingValidator.FORMAT);
    }

    @Bean
    @StepScope
    public MultiResourceItemReader<CsvRecord> pricesReader(@Value("#{jobParameters['input.dir']}") String inputDir) {
        InputLayout layout = new InputLayout(Path.of(inputDir));
        return filesReader("prices", layout, layout.prices(), PriceValidator.FORMAT);
    }

    @Bean
    @StepScope
    public MultiResourceItemReader<CsvRecord> revenueReader(@Value("#{jobParameters['input.dir']}") String inputDir) {
        InputLayout layout = new InputLayout(Path.of(inputDir));
        return filesReader("revenue", layout, List.of(layout.revenue()), RevenueValidator.FORMAT);
    }

    @Bean
    @StepScope
    public MultiResourceItemReader<CsvRecord> fxRatesReader(@Value("#{jobParameters['input.dir']}") String inputDir) {
        InputLayout layout = new InputLayout(Path.of(inputDir));
        return filesReader("fxRates", layout, List.of(layout.fxRates()), FxRateValidator.FORMAT);
    }

    @Bean
    @StepScope
    public MultiResourceItemReader<CsvRecord> reportedCapsReader(@Value("#{jobParameters['input.dir']}") String inputDir) {
        InputLayout layout = new InputLayout(Path.of(inputDir));
        return filesReader("reportedCaps", layout, List.of(layout.reportedCaps()), ReportedCapValidator.FORMAT);
    }

    @Bean
    @StepScope
    public MultiResourceItemReader<CsvRecord> benchmarksReader(@Value("#{jobParameters['input.dir']}") String inputDir) {
        InputLayout layout = new InputLayout(Path.of(inputDir));
        return filesReader("benchmarks", layout, List.of(layout.benchmarks()), BenchmarkLevelValidator.FORMAT);
    }

    @Bean
    @StepScope
    public MultiResourceItemReader<CsvRecord> benchmarkMapReader(@Value("#{jobParameters['input.dir']}") String inputDir) {
        InputLayout layout = new InputLayout(Path.of(inputDir));
        return filesReader("benchmarkMap", layout, List.of(layout.benchmarkMap()), BenchmarkMapValidator.FORMAT);
    }

    @Bean
    @StepScope
    public MultiResourceItemReader<CsvRecord> eventsReader(@Value("#{jobParameters['input.dir']}") String inputDir) {
        InputLayout layout = new InputLayout(Path.of(inputDir));
        return filesReader("events", layout, List.of(layout.events()), EventValidator.FORMAT);
    }

    @Bean
    @StepScope
    public MultiResourceItemReader<CsvRecord> lockupsReader(@Value("#{jobParameters['input.dir']}") String inputDir) {
        InputLayout layout = new InputLayout(Path.of(inputDir));
        return filesReader("lockups", layout, List.of(layout.lockups()), LockupValidator.FORMAT);
    }

    @Bean
    @StepScope
    public MultiResourceItemReader<CsvRecord> cohortsReader(@Value("#{jobParameters['input.dir']}") String inputDir) {
        InputLayout layout = new InputLayout(Path.of(inputDir));
        return filesReader("cohorts", layout, List.of(layout.cohorts()), CohortValidator.FORMAT);
    }

    /**
     * A chunk-oriented load: every row is validated; a rejected row is skipped and recorded with
     * its reason in the same transaction; anything else (an unreadable file) fails the step.
     */
    private <T> Step loadStep(String name, MultiResourceItemReader<CsvRecord> reader, RowValidator<T> validator,
                              ItemWriter<Sourced<T>> writer, Function<InputLayout, List<Path>> candidates) {
        ProgressLogger<Sourced<T>> progress = new ProgressLogger<>(progressIntervalMillis,
                layout -> filesToRead(layout, candidates.apply(layout)), ledger::tails);
        return new StepBuilder(name, jobRepository).<CsvRecord, Sourced<T>>chunk(chunkSize)
                .transactionManager(transactionManager)
                .reader(reader)
                .processor(validator)
                .writer(writer)
                .faultTolerant()
                .skipPolicy((t, skipCount) -> t instanceof RejectedRowException)
                .skipListener(new RejectsRecorder(store))
                .listener((StepExecutionListener) progress)
                .listener((StepExecutionListener) stopSignal)
                .listener((ChunkListener<CsvRecord, Sourced<T>>) progress)
                .listener((ItemReadListener<CsvRecord>) progress)
                .build();
    }

    private <T> JdbcBatchItemWriter<Sourced<T>> tableWriter(Table<T> table) {
        JdbcBatchItemWriter<Sourced<T>> writer = new JdbcBatchItemWriterBuilder<Sourced<T>>()
                .dataSource(dataSource)
                .sql(table.insertSql())
                .itemSqlParameterSourceProvider(item -> new MapSqlParameterSource(table.parameters(item)))
                .assertUpdates(true)
                .build();
        writer.afterPropertiesSet();
        return writer;
    }

    /**
     * Reads the files of one input kind that exist and are not already in the tables. The list is
     * the same when a failed step restarts, because files are recorded only after all loads.
     */
    private MultiResourceItemReader<CsvRecord> filesReader(String name, InputLayout layout, List<Path> files,
                                                           CsvFormat format) {
        // Read once per step (the reader is step-scoped): thousands of files, one query.
        Map<String, FileTail> tails = ledger.tails();
        Map<String, InputFingerprint.FileState> fingerprinted = inputFiles(
                StepSynchronizationManager.getContext().getStepExecution());
        MultiResourceItemReader<CsvRecord> reader = new MultiResourceItemReader<>(
                new CsvRecordReader(name + "File", layout.root(), format, store::recordNotice,
                        file -> Optional.ofNullable(tails.get(file)),
                        file -> Optional.ofNullable(fingerprinted.get(file))
                                .map(state -> state.sha256Read(tails.containsKey(file)))));
        reader.setName(name + "Files");
        reader.setResources(filesToRead(layout, files).stream().map(FileSystemResource::new).toArray(Resource[]::new));
        reader.setStrict(false);
        return reader;
    }

    /** Of the candidate files of one input kind, those that exist and are not already in the tables. */
    private List<Path> filesToRead(InputLayout layout, List<Path> candidates) {
        Set<String> recorded = ledger.recordedPaths();
        return candidates.stream().filter(p -> p.toFile().exists() && !recorded.contains(layout.relative(p))).toList();
    }
}
