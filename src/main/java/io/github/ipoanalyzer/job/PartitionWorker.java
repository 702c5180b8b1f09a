package io.github.ipoanalyzer.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A remote worker: takes the partitions of the price load and of the report from the broker's
 * queue, one at a time per consumer thread, and executes each (Spring Batch Integration's request
 * handler, by the step execution the manager recorded in the shared job repository). A request is
 * acknowledged when taken, so a worker killed mid-partition never has it delivered twice: the
 * manager notices the silence, and the next launch resumes the partition from its last chunk. A
 * request for a partition no longer waiting to start (a late delivery) is dropped with a line in
 * the log. The partition is run as the manager that made it would (a report partition with its
 * settings); one this worker cannot run so (another version, another input folder) is refused
 * (ended failed, saying why, which the manager reports).
 */
public final class PartitionWorker implements ChannelAwareMessageListener {

    private static final Logger log = LoggerFactory.getLogger("io.github.ipoanalyzer.progress");

    private final JobRepository jobRepository;
    private final Map<String, Served> served = new LinkedHashMap<>();
    private final StepExecutionRequestHandler handler = new StepExecutionRequestHandler();

    /**
     * A step whose partitions a worker runs: what it does to one ("Loading", "Computing"), and why
     * this worker cannot run a partition as its manager would, if it cannot.
     */
    record Served(Step step, String doing, Function<StepExecution, Optional<String>> cannotRun) {
    }

    PartitionWorker(JobRepository jobRepository, List<Served> steps) {
        this.jobRepository = jobRepository;
        steps.forEach(s -> served.put(s.step().getName(), s));
        handler.setJobRepository(jobRepository);
        handler.setStepLocator(name -> {
            if (!served.containsKey(name)) {
                throw new IllegalArgumentException("this worker runs " + served.keySet() + ", not " + name);
            }
            return served.get(name).step();
        });
    }

    /** Consumers on the partitions' queue, {@code threads} partitions at a time, each taking one at a time. */
    static SimpleMessageListenerContainer container(ConnectionFactory broker, String queue, PartitionWorker worker,
                                                    int threads) {
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(broker);
        container.setQueueNames(queue);
        container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
        container.setPrefetchCount(1);
        container.setConcurrentConsumers(threads);
        container.setDefaultRequeueRejected(false);
        container.setMessageListener(worker);
        return container;
    }

    @Override
    public void onMessage(Message message, com.rabbitmq.client.Channel channel) throws Exception {
        channel.basicAck(message.getMessageProperties().getDeliveryTag(), false);
        Optional<StepExecutionRequest> request = RemotePartitions.parse(message)
                .filter(r -> served.containsKey(r.getStepName()));
        if (request.isEmpty()) {
            log.warn("Dropped a message that is no partition this worker runs: {}",
                    new String(message.getBody(), StandardCharsets.UTF_8));
            return;
        }
        long id = request.get().getStepExecutionId();
        StepExecution partition = jobRepository.getStepExecution(id);
        if (partition == null || partition.getStatus() != BatchStatus.STARTING
                || !partition.getJobExecution().getStatus().isRunning()) {
            log.info("Dropped the request for partition {}: it is {} (a late delivery)", id,
                    partition == null ? "unknown" : partition.getStatus());
            return;
        }
        Served step = served.get(request.get().getStepName());
        Optional<String> cannot = step.cannotRun().apply(partition);
        if (cannot.isPresent()) {
            refuse(partition, cannot.get());
            return;
        }
        log.info("{} partition {} of run execution {}", step.doing(), partition.getStepName(),
                partition.getJobExecutionId());
        StepExecution done = handler.handle(request.get());
        log.info("Partition {}: {}", partition.getStepName(), done.getStatus());
    }

    /** Ends the partition failed, saying why, for the manager to report: it is not started here. */
    private void refuse(StepExecution partition, String why) throws UnknownHostException {
        String said = "partition " + partition.getStepName() + " was refused by the worker pid "
                + ProcessHandle.current().pid() + " on " + InetAddress.getLocalHost().getHostName() + ": " + why;
        log.warn("Refused: {}", said);
        partition.setStatus(BatchStatus.FAILED);
        partition.setExitStatus(new ExitStatus(RemotePartitions.REFUSED, said));
        partition.setEndTime(LocalDateTime.now());
        jobRepository.update(partition);
    }
}
