package io.github.ipoanalyzer.job;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.integration.partition.StepExecutionRequest;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * How the partitions of the price load and of the report travel to remote workers: one durable queue on the broker,
 * {@code ipo.partition-queue} (one per team database when several share a broker), and one
 * persistent message per partition: the worker step's name and the partition's step execution
 * id, as text a person can read in the queue. What the partition computes, and with which
 * settings, is in that step execution, which the manager recorded in the shared job repository
 * (see {@link PriceFilesPartitioner}, {@link ListingRangePartitioner}), with the manager's
 * version. A worker that cannot run a partition as its manager would ends it failed with the
 * exit code {@link #REFUSED} and says why in its description.
 */
public final class RemotePartitions {

    static final String REFUSED = "REFUSED";
    /** The version of the manager that made a partition, in the partition's execution context. */
    static final String VERSION = "ipo.version";

    private RemotePartitions() {
    }

    static Queue queue(String name) {
        return new Queue(name, true);
    }

    /** The request for one partition; it survives a broker restart. */
    static Message request(String stepName, long stepExecutionId) {
        MessageProperties properties = new MessageProperties();
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        properties.setContentType(MessageProperties.CONTENT_TYPE_TEXT_PLAIN);
        return MessageBuilder.withBody((stepName + " " + stepExecutionId).getBytes(StandardCharsets.UTF_8))
                .andProperties(properties).build();
    }

    /** Why a worker of {@code version} cannot run a partition its manager made, if it cannot: another version. */
    static Optional<String> otherVersion(ExecutionContext partition, String version) {
        String made = partition.getString(VERSION, "an unknown version");
        if (made.equals(version)) {
            return Optional.empty();
        }
        return Optional.of("the run's manager is ipo-analyzer " + made + " and this worker is " + version
                + ": run workers of the manager's version");
    }

    /** The request a message carries, if it is one. */
    static Optional<StepExecutionRequest> parse(Message message) {
        String[] words = new String(message.getBody(), StandardCharsets.UTF_8).trim().split(" ");
        if (words.length != 2 || !words[1].matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(new StepExecutionRequest(words[0], Long.parseLong(words[1])));
    }
}
