package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.report.ListingPart;
import io.github.ipoanalyzer.report.ReportPublisher;
import io.github.ipoanalyzer.store.InputFileLedger;
import io.github.ipoanalyzer.store.MarketDataStore;
import org.springframework.amqp.core.AmqpTemplate;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.partition.support.RemoteStepExecutionAggregator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.PartitionStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The report: the publisher with this process's figure settings, and the partitioned step that
 * computes the listings, {@code ipo.report-partitions} ranges on {@code ipo.report-threads} local
 * threads or on remote workers ({@code ipo.remote-workers}).
 */
@Configuration
public class ReportConfiguration {

    private final JobRepository jobRepository;
    private final IpoSettings settings;

    public ReportConfiguration(JobRepository jobRepository, IpoSettings settings) {
        this.jobRepository = jobRepository;
        this.settings = settings;
    }

    /** The settings that change the figures (see {@link FigureSettings}): this process's. */
    @Bean
    FigureSettings figureSettings() {
        return FigureSettings.of(settings);
    }

    @Bean
    public ReportPublisher reportPublisher(MarketDataStore store, InputFileLedger ledger, FigureSettings figureSettings) {
        return new ReportPublisher(store, ledger, figureSettings.publisherSettings(), settings.reportThreadCount());
    }

    /** What a partition computes with: this process's publisher, or one for the settings its manager sent. */
    @Bean
    PartitionPublishers partitionPublishers(ReportPublisher reportPublisher, FigureSettings figureSettings,
                                            MarketDataStore store, InputFileLedger ledger) {
        return new PartitionPublishers(reportPublisher, figureSettings, store, ledger);
    }

    @Bean
    ReportProgress reportProgress() {
        return new ReportProgress(settings.progressIntervalMs());
    }

    /**
     * The report's listings, computed in partitions (ranges of listings, see
     * {@link ListingRangePartitioner}), on local threads or remote workers. A restart computes
     * only the partitions that did not finish.
     */
    @Bean
    Step reportListings(ReportPublisher publisher, FigureSettings figureSettings, Step reportListingRange,
                        ThreadPoolTaskExecutor reportPartitionThreads, ReportProgress reportProgress,
                        StopSignal stopSignal, ObjectProvider<AmqpTemplate> broker) {
        ListingRangePartitioner ranges = new ListingRangePartitioner(publisher, settings.version(), figureSettings);
        PartitionStepBuilder partitioned = new StepBuilder("reportListings", jobRepository)
                .partitioner(reportListingRange.getName(), ranges);
        if (settings.remoteWorkers()) {
            partitioned.partitionHandler(new RemotePartitionHandler(broker.getObject(), settings.partitionQueue(),
                            jobRepository, reportListingRange.getName(), RemotePartitionHandler.Work.REPORT,
                            settings.reportPartitionCount(),
                            settings.partitionTimeout(), settings.partitionPoll(), settings.progressIntervalMs(),
                            stopSignal::isRequested))
                    .aggregator(new RemoteStepExecutionAggregator(jobRepository));
        } else {
            partitioned.step(reportListingRange).gridSize(settings.reportPartitionCount())
                    .taskExecutor(reportPartitionThreads);
        }
        return partitioned.listener(ranges).listener(reportProgress).listener(stopSignal).build();
    }

    /** The local threads the report's partitions run on. */
    @Bean
    public ThreadPoolTaskExecutor reportPartitionThreads() {
        ThreadPoolTaskExecutor threads = new ThreadPoolTaskExecutor();
        threads.setCorePoolSize(settings.reportThreadCount());
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
                                   StopSignal stopSignal, ReportProgress reportProgress,
                                   PlatformTransactionManager transactionManager) {
        return new StepBuilder("reportListingRange", jobRepository)
                .<Integer, ListingPart>chunk(settings.reportChunkSize())
                .transactionManager(transactionManager)
                .reader(partitionFile)
                .processor(computeListing)
                .writer(partitionFile)
                .listener(stopSignal)
                .listener(reportProgress)
                .build();
    }

    /** A listing's computation, for one partition execution (a remote worker's too). */
    @Bean
    @StepScope
    ItemProcessor<Integer, ListingPart> computeListing(PartitionPublishers partitionPublishers,
                                                                       ReportProgress reportProgress,
                                                                       @Value("#{stepExecution}") StepExecution step) {
        return new ListingRange.Compute(partitionPublishers, step, settings.version(), reportProgress);
    }

    /** The partition's file: the reader of the listings it lacks and the writer of each chunk. */
    @Bean
    @StepScope
    ListingRange.PartitionFile partitionFile(@Value("#{stepExecution}") StepExecution step) {
        return new ListingRange.PartitionFile(step, settings.version());
    }
}
