package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.ingest.InputKinds;
import io.github.ipoanalyzer.store.InputFileLedger;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;

import java.util.List;

/**
 * The broker's side of a scaled-out run, absent from the embedded default: the partitions'
 * queue (the price load's and the report's), declared on first contact by a manager started with {@code --remote-workers} and by
 * every worker, and the worker's consumers. (The conditions read the properties themselves:
 * they are decided before {@link IpoSettings} is bound; both are unset by default.)
 */
@Configuration
@Conditional(ScaleOutConfiguration.ManagerOrWorker.class)
public class ScaleOutConfiguration {

    @Bean
    public Queue reportPartitionsQueue(IpoSettings settings) {
        return RemotePartitions.queue(settings.partitionQueue());
    }

    /** A manager with {@code ipo.remote-workers=true}, or a worker. */
    static final class ManagerOrWorker extends AnyNestedCondition {

        ManagerOrWorker() {
            super(ConfigurationPhase.PARSE_CONFIGURATION);
        }

        @ConditionalOnProperty(name = "ipo.remote-workers", havingValue = "true")
        static final class RemoteWorkers {
        }

        @ConditionalOnProperty(name = "ipo.role", havingValue = "worker")
        static final class AWorker {
        }
    }

    /** A worker process ({@code java -jar ipo-analyzer.jar worker}): serves partitions until it is stopped. */
    @Configuration
    @ConditionalOnProperty(name = "ipo.role", havingValue = "worker")
    static class Worker {

        /** The price load's groups of files and the report's ranges of listings. */
        @Bean
        PartitionWorker partitionWorker(JobRepository jobRepository, Step loadPriceFiles, Step reportListingRange,
                                        IpoSettings settings, InputFileLedger ledger) {
            String version = settings.version();
            return new PartitionWorker(jobRepository, List.of(
                    new PartitionWorker.Served(loadPriceFiles, "Loading",
                            p -> PriceFilesPartitioner.cannotLoad(p, version, InputKinds.PRICES, ledger)),
                    new PartitionWorker.Served(reportListingRange, "Computing",
                            p -> ListingRangePartitioner.cannotCompute(p, version))));
        }

        /** {@code ipo.worker-threads} partitions at once. */
        @Bean
        SimpleMessageListenerContainer partitionConsumers(ConnectionFactory broker, PartitionWorker worker, Queue queue,
                                                          IpoSettings settings) {
            SimpleMessageListenerContainer consumers = PartitionWorker.container(broker, queue.getName(), worker,
                    settings.workerThreadCount());
            consumers.setShutdownTimeout(settings.workerStopTimeout().toMillis());
            return consumers;
        }

        /** On SIGTERM the partitions in hand stop at their next chunk (resumed from there), before the consumers stop. */
        @Bean
        ApplicationListener<ContextClosedEvent> stopPartitionsInHand(StopSignal stopSignal) {
            return event -> stopSignal.request();
        }
    }
}
