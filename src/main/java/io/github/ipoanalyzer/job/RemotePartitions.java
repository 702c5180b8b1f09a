package io.github.ipoanalyzer.job;

import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.Queue;

/**
 * Where the report's partitions travel to remote workers: one durable queue on the broker,
 * {@code ipo.partition-queue} (one per team database when several share a broker).
 */
public final class RemotePartitions {

    public static final String QUEUE_PROPERTY = "ipo.partition-queue";
    public static final String DEFAULT_QUEUE = "ipo-analyzer.report-partitions";

    private RemotePartitions() {
    }

    static Queue queue(String name) {
        return new Queue(name, true);
    }

    /** A request: the worker step's name and the partition's step execution id, as text a person can read in the queue. */
    static String request(String stepName, long stepExecutionId) {
        return stepName + " " + stepExecutionId;
    }

    static MessageDeliveryMode deliveryMode() {
        return MessageDeliveryMode.PERSISTENT; // a partition sent survives a broker restart
    }
}
