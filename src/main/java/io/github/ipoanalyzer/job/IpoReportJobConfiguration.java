package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.ingest.CsvRecord;
import io.github.ipoanalyzer.ingest.InputKind;
import io.github.ipoanalyzer.ingest.InputKinds;
import io.github.ipoanalyzer.ingest.RejectedRowException;
import io.github.ipoanalyzer.ingest.RejectsRecorder;
import io.github.ipoanalyzer.report.ListingPart;
import io.github.ipoanalyzer.report.ReportPublisher;
import io.github.ipoanalyzer.store.InputFileLedger;
import io.github.ipoanalyzer.store.MarketDataStore;
import io.github.ipoanalyzer.store.Sourced;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.partition.support.RemoteStepExecutionAggregator;
import org.springframework.batch.core.step.builder.PartitionStepBuilder;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.ItemReadListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.amqp.core.AmqpTemplate;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;

/**
 * The IPO report job, in the order it runs: drop from the analysis tables what no longer
 * matches the input folder; load the new and changed files of each input kind of
 * {@link InputKinds} (rows validated, rejects recorded), listings first and their conflicts
 * settled before anything refers to them; settle the other conflicting rows; record the files
 * loaded; stop if a file is mostly rejects; compute the listings' metrics in partitions; assemble
 * and publish the report folder.
 */
@Configuration
public class IpoReportJobConfiguration {

    public static final String JOB_NAME = "ipoReportJob";
    public static final String REPORT_FOLDER_KEY = "report.folder";
    /** What the as-of date left out of the report, one line per kind (a list of strings). */
    public static final String LEFT_OUT_KEY = "left.out.after.as.of";
    /** Where day counts do not come from a trading calendar, one line per exchange (a list of strings). */
    public static final String CALENDAR_NOTES_KEY = "calendar.notes";
    /**
     * What publishing says, one line each (a list of strings): where {@code latest} points when
     * not at this report, what was taken over again, what could not be pruned.
     */
    public static final String PUBLISH_NOTES_KEY = "publish.notes";
    /** Figures unknown for want of an input, with the file and row that would fill each (a list of strings). */
    public static final String GAPS_KEY = "input.gaps";

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final int chunkSize;
    private final long progressIntervalMillis;
    private final String version;
    private final int reportThreads;
    private final int reportPartitions;
    private final ReportProgress reportProgress;
    private final boolean remoteWorkers;
    private final Duration partitionTimeout;
    private final Duration partitionPoll;
    private final String partitionQueue;
    private final ObjectProvider<AmqpTemplate> broker;

    /**
     * {@code reportThreads}: partitions computed at once here (0: one per core);
     * {@code reportPartitions}: how many ranges the listings are split into (0: four per thread);
     * {@code remoteWorkers}: the partitions go to worker processes over the broker instead, and a
     * partition not heard of for {@code partitionTimeout} has lost its worker.
     */
    public IpoReportJobConfiguration(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                     @Value("${ipo.chunk-size:1000}") int chunkSize,
                                     @Value("${ipo.progress-interval-ms:5000}") long progressIntervalMillis,
                                     @Value("${ipo.version:dev}") String version,
                                     @Value("${ipo.report-threads:0}") int reportThreads,
                                     @Value("${ipo.report-partitions:0}") int reportPartitions,
                                     @Value("${ipo.remote-workers:false}") boolean remoteWorkers,
                                     @Value("${ipo.partition-timeout:60s}") Duration partitionTimeout,
                                     @Value("${ipo.partition-poll:500ms}") Duration partitionPoll,
                                     @Value("${" + RemotePartitions.QUEUE_PROPERTY + ":" + RemotePartitions.DEFAULT_QUEUE
                                             + "}") String partitionQueue,
                                     ObjectProvider<AmqpTemplate> broker) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.chunkSize = chunkSize;
        this.progressIntervalMillis = progressIntervalMillis;
        this.version = version;
        this.reportThreads = reportThreads > 0 ? reportThreads : Runtime.getRuntime().availableProcessors();
        this.reportPartitions = reportPartitions > 0 ? reportPartitions : 4 * this.reportThreads;
        this.reportProgress = new ReportProgress(progressIntervalMillis);
        this.remoteWorkers = remoteWorkers;
        this.partitionTimeout = partitionTimeout;
        this.partitionPoll = partitionPoll;
        this.partitionQueue = partitionQueue;
        this.broker = broker;
    }

    @Bean
    public Job ipoReportJob(MarketDataStore store, InputFileLedger ledger, ReportPublisher reportPublisher,
                            Step reportListingRange, TaskExecutor reportPartitionThreads, StopSignal stopSignal,
                            FigureSettings figureSettings) {
        SimpleJobBuilder job = new JobBuilder(JOB_NAME, jobRepository)
                .start(tasklet("reconcileInputs", new ReconcileInputsTasklet(ledger, version, chunkSize), stopSignal))
                .next(load(InputKinds.LISTINGS, store, ledger, stopSignal))
                .next(rejectConflicts("rejectConflictingListings", store, stopSignal));
        for (InputKind<?> kind : InputKinds.ALL.subList(1, InputKinds.ALL.size())) {
            job.next(load(kind, store, ledger, stopSignal));
        }
        return job.next(rejectConflicts("rejectConflictingRows", store, stopSignal))
                .next(tasklet("recordInputFiles", new RecordInputFilesTasklet(ledger, version), stopSignal))
                .next(tasklet("checkRejectLimits", new CheckRejectLimitsTasklet(store), stopSignal))
                .next(reportListings(reportPublisher, figureSettings, reportListingRange, reportPartitionThreads, stopSignal))
                .next(tasklet("publishReport", new PublishReportTasklet(reportPublisher, stopSignal, version), stopSignal))
                .build();
    }

    /**
     * The report's listings, computed in partitions (ranges of listings, see
     * {@link ListingRangePartitioner}), {@code ipo.report-threads} at once on local threads.
     * A restart computes only the partitions that did not finish.
     */
    private Step reportListings(ReportPublisher publisher, FigureSettings settings, Step reportListingRange,
                                TaskExecutor threads, StopSignal stopSignal) {
        ListingRangePartitioner ranges = new ListingRangePartitioner(publisher, version, settings);
        PartitionStepBuilder partitioned = new StepBuilder("reportListings", jobRepository)
                .partitioner(reportListingRange.getName(), ranges);
        if (remoteWorkers) {
            partitioned.partitionHandler(new RemotePartitionHandler(broker.getObject(), partitionQueue, jobRepository,
                            reportListingRange.getName(), reportPartitions, partitionTimeout, partitionPoll,
                            progressIntervalMillis, stopSignal::isRequested))
                    .aggregator(new RemoteStepExecutionAggregator(jobRepository));
        } else {
            partitioned.step(reportListingRange).gridSize(reportPartitions).taskExecutor(threads);
        }
        return partitioned.listener(ranges).listener(reportProgress).listener(stopSignal).build();
    }

    /** The local threads the report's partitions run on. */
    @Bean
    public ThreadPoolTaskExecutor reportPartitionThreads() {
        ThreadPoolTaskExecutor threads = new ThreadPoolTaskExecutor();
        threads.setCorePoolSize(reportThreads);
        threads.setThreadNamePrefix("report-partition-");
        return threads;
    }

    /**
     * One partition of the report's listings, the step a local thread or a remote worker runs:
     * chunks of {@code ipo.report-chunk-size} listings computed and appended to its file.
     */
    @Bean
    public Step reportListingRange(ListingRange.PartitionFile partitionFile,
                                   ItemProcessor<Integer, ListingPart> computeListing,
                                   StopSignal stopSignal, @Value("${ipo.report-chunk-size:20}") int reportChunkSize) {
        return new StepBuilder("reportListingRange", jobRepository)
                .<Integer, ListingPart>chunk(reportChunkSize)
                .transactionManager(transactionManager)
                .reader(partitionFile)
                .processor(computeListing)
                .writer(partitionFile)
                .listener(stopSignal)
                .build();
    }

    @Bean
    @StepScope
    ItemProcessor<Integer, ListingPart> computeListing(PartitionPublishers partitionPublishers,
                                                       @Value("#{stepExecution}") StepExecution step) {
        return new ListingRange.Compute(partitionPublishers, step, version, reportProgress);
    }

    /** The partition's file: the reader of the listings it lacks and the writer of each chunk. */
    @Bean
    @StepScope
    ListingRange.PartitionFile partitionFile(@Value("#{stepExecution}") StepExecution step) {
        return new ListingRange.PartitionFile(step, version);
    }

    /** The analysis tables, with the tables of loaded rows as the input kinds declare them. */
    @Bean
    public MarketDataStore marketDataStore(DataSource dataSource) {
        return new MarketDataStore(dataSource, InputKinds.tables());
    }

    @Bean
    public InputFileLedger inputFileLedger(DataSource dataSource) {
        return new InputFileLedger(dataSource, InputKinds.tables(),
                List.of(InputKinds.LISTINGS.path(), InputKinds.CALENDARS.path()));
    }

    /** Creates the analysis tables on first use (the job repository's schema is Spring Batch's). */
    @Bean
    public InitializingBean analysisSchema(MarketDataStore store) {
        return store::createTablesIfMissing;
    }

    @Bean
    public StopSignal stopSignal() {
        return new StopSignal();
    }

    /** The settings that change the figures (see {@link FigureSettings}): this process's. */
    @Bean
    FigureSettings figureSettings(Environment environment) {
        return FigureSettings.of(environment);
    }

    @Bean
    public ReportPublisher reportPublisher(MarketDataStore store, InputFileLedger ledger, FigureSettings figureSettings) {
        return new ReportPublisher(store, ledger, figureSettings.publisherSettings());
    }

    /** What a partition computes with: this process's publisher, or one for the settings its manager sent. */
    @Bean
    PartitionPublishers partitionPublishers(ReportPublisher reportPublisher, FigureSettings figureSettings,
                                            MarketDataStore store, InputFileLedger ledger) {
        return new PartitionPublishers(reportPublisher, figureSettings, store, ledger);
    }

    /**
     * A chunk-oriented load of one input kind: every row is validated by the kind's rule; a
     * rejected row is skipped and recorded with its reason in the same transaction; anything else
     * (an unreadable file) fails the step.
     */
    private <T> Step load(InputKind<T> kind, MarketDataStore store, InputFileLedger ledger, StopSignal stopSignal) {
        RowRuleProcessor<T> rule = new RowRuleProcessor<>(kind, store);
        InputFilesReader reader = new InputFilesReader(kind, store, ledger, rule::givenUp);
        ProgressLogger<Sourced<T>> progress = new ProgressLogger<>(progressIntervalMillis,
                layout -> InputFilesReader.toRead(kind, layout, ledger), ledger::tails);
        return new StepBuilder(kind.stepName(), jobRepository).<CsvRecord, Sourced<T>>chunk(chunkSize)
                .transactionManager(transactionManager)
                .reader(reader)
                .processor(rule)
                .writer(chunk -> rule.write(chunk.getItems()))
                .faultTolerant()
                .skipPolicy((t, skipCount) -> t instanceof RejectedRowException)
                .skipListener(new RejectsRecorder(store))
                // The reader is made from the job's parameters before the step opens it.
                .listener((StepExecutionListener) reader)
                .listener((StepExecutionListener) rule)
                .listener((ChunkListener<CsvRecord, Sourced<T>>) rule)
                .listener((StepExecutionListener) progress)
                .listener((StepExecutionListener) stopSignal)
                .listener((ChunkListener<CsvRecord, Sourced<T>>) progress)
                .listener((ItemReadListener<CsvRecord>) progress)
                .build();
    }

    /**
     * Two rows with one key and different values: the load rejected the later one; this step
     * rejects the earlier one too.
     */
    private Step rejectConflicts(String name, MarketDataStore store, StopSignal stopSignal) {
        return tasklet(name, (contribution, context) -> {
            store.rejectConflictingRows();
            return RepeatStatus.FINISHED;
        }, stopSignal);
    }

    private Step tasklet(String name, Tasklet tasklet, StopSignal stopSignal) {
        return new StepBuilder(name, jobRepository).tasklet(tasklet, transactionManager).listener(stopSignal).build();
    }
}
