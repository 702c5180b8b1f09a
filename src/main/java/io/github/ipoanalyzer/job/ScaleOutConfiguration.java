package io.github.ipoanalyzer.job;

import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;

/**
 * The broker's side of a scaled-out run, absent from the embedded default: the partitions'
 * queue, declared on first contact by a manager started with {@code --remote-workers} and by
 * every worker, and the worker's consumers.
 */
@Configuration
@ConditionalOnExpression("${ipo.remote-workers:false} or '${ipo.role:}' == 'worker'")
public class ScaleOutConfiguration {

    @Bean
    public Queue reportPartitionsQueue(@Value("${" + RemotePartitions.QUEUE_PROPERTY + ":" + RemotePartitions.DEFAULT_QUEUE
            + "}") String queue) {
        return RemotePartitions.queue(queue);
    }

    /** A worker process ({@code java -jar ipo-analyzer.jar worker}): serves partitions until it is stopped. */
    @Configuration
    @ConditionalOnProperty(name = "ipo.role", havingValue = "worker")
    static class Worker {

        @Bean
        PartitionWorker partitionWorker(JobRepository jobRepository, Step reportListingRange,
                                        @Value("${ipo.version:dev}") String version) {
            return new PartitionWorker(jobRepository, reportListingRange, version);
        }

        /** {@code ipo.worker-threads} partitions at once (0: one per core). */
        @Bean
        SimpleMessageListenerContainer partitionConsumers(ConnectionFactory broker, PartitionWorker worker, Queue queue,
                                                          @Value("${ipo.worker-threads:0}") int threads,
                                                          @Value("${ipo.worker-stop-timeout:120s}")
                                                          java.time.Duration stopTimeout) {
            SimpleMessageListenerContainer consumers = PartitionWorker.container(broker, queue.getName(), worker,
                    threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
            consumers.setShutdownTimeout(stopTimeout.toMillis());
            return consumers;
        }

        /** On SIGTERM the partitions in hand stop at their next chunk (resumed from there), before the consumers stop. */
        @Bean
        ApplicationListener<ContextClosedEvent> stopPartitionsInHand(StopSignal stopSignal) {
            return event -> stopSignal.request();
        }
    }
}
