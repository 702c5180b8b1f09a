package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.ingest.CsvRecord;
import io.github.ipoanalyzer.ingest.FileRanges;
import io.github.ipoanalyzer.ingest.InputKind;
import io.github.ipoanalyzer.ingest.InputKinds;
import io.github.ipoanalyzer.ingest.RejectedRowException;
import io.github.ipoanalyzer.ingest.RejectsRecorder;
import io.github.ipoanalyzer.report.ReportPublisher;
import io.github.ipoanalyzer.store.DatabaseCheckpoints;
import io.github.ipoanalyzer.store.InputFileLedger;
import io.github.ipoanalyzer.store.MarketDataStore;
import io.github.ipoanalyzer.store.Sourced;
import org.springframework.amqp.core.AmqpTemplate;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.partition.support.RemoteStepExecutionAggregator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.PartitionStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The IPO report job, in the order it runs: drop from the analysis tables what no longer
 * matches the input folder; load the new and changed files of each input kind of
 * {@link InputKinds} (rows validated, rejects recorded), listings first and their conflicts
 * settled before anything refers to them, the price files in partitions on every core (or on
 * remote workers), their duplicates settled after and a nightly append's rows merged into their
 * month's block; settle the other conflicting rows; record
 * the files loaded; stop if a file is mostly rejects; compute the listings' metrics in
 * partitions; assemble and publish the report folder. The tables are wired in {@link StoreConfiguration}, the report
 * and its partitions in {@link ReportConfiguration}.
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

    /**
     * The input files of a run, as it fingerprinted them when it started, in the input folder's
     * order; empty for a run that ended before. A file that appeared during the run is not among them.
     */
    public static java.util.Optional<List<String>> inputFilesOf(org.springframework.batch.core.job.JobExecution execution) {
        return RunContext.fileNames(execution);
    }

    /** The input files a run read from their appended rows only, the rows before kept from an earlier run. */
    public static java.util.Set<String> appendedFilesOf(org.springframework.batch.core.job.JobExecution execution) {
        return RunContext.appended(execution);
    }

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final IpoSettings settings;
    private final MarketDataStore store;
    private final InputFileLedger ledger;
    /** What every load step reads before it starts, shared by the partitions of the price load. */
    private final LoadReads loadReads;

    public IpoReportJobConfiguration(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                     IpoSettings settings, MarketDataStore store, InputFileLedger ledger) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.settings = settings;
        this.store = store;
        this.ledger = ledger;
        this.loadReads = new LoadReads(store, ledger);
    }

    /** Flags the live step to stop at its next chunk (see {@link StopSignal}); every step listens to it. */
    @Bean
    public StopSignal stopSignal() {
        return new StopSignal();
    }

    @Bean
    public Job ipoReportJob(Step reportListings, ReportPublisher reportPublisher, Step loadPriceFiles,
                            ObjectProvider<AmqpTemplate> broker, DatabaseCheckpoints checkpoints) {
        List<Step> steps = new ArrayList<>(List.of(
                tasklet("reconcileInputs", new ReconcileInputsTasklet(ledger, settings.version(), settings.chunkSize(),
                        settings.dbDir())),
                load(InputKinds.LISTINGS),
                rejectConflicts("rejectConflictingListings")));
        for (InputKind<?> kind : InputKinds.AFTER_LISTINGS) {
            if (kind == InputKinds.PRICES) {
                steps.add(loadPrices(loadPriceFiles, broker));
                steps.add(tasklet("settlePrices", new SettlePricesTasklet(InputKinds.PRICES, store, ledger,
                        settings.chunkSize())));
                steps.add(tasklet("mergeAppendedPrices", new MergeAppendedPricesTasklet(store, settings.chunkSize())));
            } else {
                steps.add(load(kind));
            }
        }
        steps.addAll(List.of(
                rejectConflicts("rejectConflictingRows"),
                tasklet("recordInputFiles", new RecordInputFilesTasklet(ledger, settings.version())),
                tasklet("checkRejectLimits", new CheckRejectLimitsTasklet(store)),
                reportListings,
                tasklet("publishReport", new PublishReportTasklet(reportPublisher, stopSignal(), settings.version()))));
        // The database is checkpointed after the job's own steps, never while their partitions run.
        CheckpointAfterStep checkpoint = new CheckpointAfterStep(checkpoints, settings.checkpointLogBytes());
        steps.forEach(step -> ((AbstractStep) step).registerStepExecutionListener(checkpoint));
        SimpleJobBuilder job = new JobBuilder(JOB_NAME, jobRepository).start(steps.get(0));
        steps.subList(1, steps.size()).forEach(job::next);
        return job.build();
    }

    /**
     * A chunk-oriented load of one input kind: every row is validated by the kind's rule; a
     * rejected row is skipped and recorded with its reason in the same transaction; anything else
     * (an unreadable file) fails the step. The reader (made from the job's parameters before the
     * step opens it) and the rule listen to the step as its reader and processor; the progress
     * lines and the stop signal are its listeners.
     */
    private <T> Step load(InputKind<T> kind) {
        return load(kind, kind.stepName(), UnaryOperator.identity(), Optional.empty(), true);
    }

    /**
     * The load of {@code share} of the kind's files to read, as the step {@code name}; of a
     * {@code range} of its one file, if given; {@code fromStart}: whether its reading starts where
     * the reading of its files starts (no range, or the first), and so judges their first rows.
     */
    private <T> Step load(InputKind<T> kind, String name, UnaryOperator<List<Path>> share,
                          Optional<FileRanges.Range> range, boolean fromStart) {
        RowRuleProcessor<T> rule = new RowRuleProcessor<>(kind, store, loadReads, fromStart);
        InputFilesReader reader = new InputFilesReader(kind, store, loadReads, rule::givenUp, share, range);
        ProgressLogger<Sourced<T>> progress = new ProgressLogger<>(kind.stepName(), settings.progressIntervalMs(),
                (layout, step) -> share.apply(loadReads.toRead(kind, layout, step)), loadReads::tails);
        progress.reading(range);
        return new StepBuilder(name, jobRepository).<CsvRecord, Sourced<T>>chunk(settings.chunkSize())
                .transactionManager(transactionManager)
                .reader(reader)
                .processor(rule)
                .writer(chunk -> rule.write(chunk.getItems()))
                .faultTolerant()
                .skipPolicy((t, skipCount) -> t instanceof RejectedRowException)
                .skipListener(new RejectsRecorder(store))
                .listener(progress)
                .listener(stopSignal())
                .build();
    }

    /**
     * The largest load, the prices, in partitions: groups of files, or ranges of the lines of a
     * large file ({@link PriceFilesPartitioner}),
     * each loaded by its own chunk-oriented step on one of {@code ipo.load-threads} local threads,
     * or by remote workers ({@code ipo.remote-workers}, which read the input folder at the same
     * path), every valid row loaded; the {@code settlePrices} step then applies the duplicate rule
     * in the order of a one-thread load ({@link SettlePricesTasklet}). A restart loads only the
     * groups that did not finish, each from its last chunk.
     */
    private Step loadPrices(Step loadPriceFiles, ObjectProvider<AmqpTemplate> broker) {
        PriceFilesPartitioner groups = new PriceFilesPartitioner(InputKinds.PRICES, ledger, settings.version(),
                // One local thread reads the ranges one after another: cutting would only add its pass over the file.
                settings.remoteWorkers() || settings.loadThreadCount() > 1 ? settings.loadSplitBytes() : Long.MAX_VALUE);
        PartitionStepBuilder partitioned = new StepBuilder(InputKinds.PRICES.stepName(), jobRepository)
                .partitioner(loadPriceFiles.getName(), groups);
        if (settings.remoteWorkers()) {
            partitioned.partitionHandler(new RemotePartitionHandler(broker.getObject(), settings.partitionQueue(),
                            jobRepository, loadPriceFiles.getName(), RemotePartitionHandler.Work.PRICE_LOAD,
                            settings.loadPartitionCount(), settings.partitionTimeout(), settings.partitionPoll(),
                            settings.progressIntervalMs(), stopSignal()::isRequested))
                    .aggregator(new RemoteStepExecutionAggregator(jobRepository));
        } else {
            partitioned.step(loadPriceFiles).gridSize(settings.loadPartitionCount()).taskExecutor(loadPartitionThreads());
        }
        return partitioned.listener(groups).listener(stopSignal()).build();
    }

    /** One group of price files, the step a local thread or a remote worker runs (found by its name). */
    @Bean
    public Step loadPriceFiles() {
        return new StepPerExecution("loadPriceFiles",
                partition -> load(InputKinds.PRICES, "loadPriceFiles", PriceFilesPartitioner.share(partition),
                        PriceFilesPartitioner.range(partition), PriceFilesPartitioner.readsFromStart(partition)));
    }

    /** The local threads the price load's partitions run on. */
    @Bean
    public ThreadPoolTaskExecutor loadPartitionThreads() {
        ThreadPoolTaskExecutor threads = new ThreadPoolTaskExecutor();
        threads.setCorePoolSize(settings.loadThreadCount());
        threads.setThreadNamePrefix("load-partition-");
        return threads;
    }

    /**
     * Two rows with one key and different values: the load rejected the later one; this step
     * rejects the earlier one too.
     */
    private Step rejectConflicts(String name) {
        return tasklet(name, (contribution, context) -> {
            store.rejectConflictingRows();
            return RepeatStatus.FINISHED;
        });
    }

    private Step tasklet(String name, Tasklet tasklet) {
        return new StepBuilder(name, jobRepository).tasklet(tasklet, transactionManager).listener(stopSignal()).build();
    }
}
