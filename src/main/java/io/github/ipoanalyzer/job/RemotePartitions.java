package io.github.ipoanalyzer.job;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.batch.integration.partition.StepExecutionRequest;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * How the report's partitions travel to remote workers: one durable queue on the broker,
 * {@code ipo.partition-queue} (one per team database when several share a broker), and one
 * persistent message per partition: the worker step's name and the partition's step execution
 * id, as text a person can read in the queue. What the partition computes, and with which
 * settings, is in that step execution, which the manager recorded in the shared job repository
 * (see {@link ListingRangePartitioner}). A worker that cannot compute a partition as its manager
 * would ends it failed with the exit code {@link #REFUSED} and says why in its description.
 */
public final class RemotePartitions {

    static final String REFUSED = "REFUSED";

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

    /** The request a message carries, if it is one. */
    static Optional<StepExecutionRequest> parse(Message message) {
        String[] words = new String(message.getBody(), StandardCharsets.UTF_8).trim().split(" ");
        if (words.length != 2 || !words[1].matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(new StepExecutionRequest(words[0], Long.parseLong(words[1])));
    }
}
