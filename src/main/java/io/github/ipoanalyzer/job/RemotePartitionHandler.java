package io.github.ipoanalyzer.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AmqpTemplate;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.partition.support.AbstractPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Sends a step's partitions (the price load's groups of files, the report's ranges of listings)
 * to remote workers over the broker and follows them in the job repository they share: a
 * partition is done when its step execution ends there. A worker commits every chunk, so a
 * running partition not updated for {@code partitionTimeout} has lost its worker, and partitions
 * left waiting while none made progress for that long have none: the run fails saying which, and
 * marks every unfinished partition failed, so that a late delivery of a request is ignored and
 * the next launch runs them again, each from its last committed chunk (a report partition after
 * the listings its file holds); so does a partition a worker refused (another version than the
 * manager's, or an input folder other than the manager's). A stop
 * request stops the partitions not taken yet, asks those in hand to stop at their next chunk and
 * waits {@link #STOP_WAIT} at most for them.
 */
final class RemotePartitionHandler extends AbstractPartitionHandler {

    private static final Logger log = LoggerFactory.getLogger(RemotePartitionHandler.class);
    private static final Logger progress = LoggerFactory.getLogger("io.github.ipoanalyzer.progress");

    private final AmqpTemplate broker;
    private final String queue;
    private final JobRepository jobRepository;
    private final String workerStep;
    private final Work work;
    private final Duration partitionTimeout;
    private final Duration pollInterval;
    private final long progressIntervalNanos;
    private final BooleanSupplier stopRequested;
    /**
     * How long a stop waits for the partitions in hand to stop at their next chunk: a stopping run
     * ends within seconds (before a service manager's stop timeout kills it) even when their
     * workers were killed; one still running then is marked stopped and resumed from its last
     * committed chunk (its worker, if alive, fails that chunk's commit: its rows roll back; a
     * report partition's listings already appended to its file are whole records, which the
     * resumed partition keeps and goes on after).
     */
    static final Duration STOP_WAIT = Duration.ofSeconds(5);

    /**
     * What the partitions are, in the run's messages: {@code partition} as in "no worker took a
     * report partition", {@code itemsDone} as in "1,000 listings computed by workers".
     */
    record Work(String managerStep, String partition, String itemsDone) {
        static final Work PRICE_LOAD = new Work("loadPrices", "price-load partition", "rows read");
        static final Work REPORT = new Work("reportListings", "report partition", "listings computed");
    }

    RemotePartitionHandler(AmqpTemplate broker, String queue, JobRepository jobRepository, String workerStep, Work work,
                           int gridSize, Duration partitionTimeout, Duration pollInterval, long progressIntervalMillis,
                           BooleanSupplier stopRequested) {
        this.broker = broker;
        this.queue = queue;
        this.jobRepository = jobRepository;
        this.workerStep = workerStep;
        this.work = work;
        this.partitionTimeout = partitionTimeout;
        this.pollInterval = pollInterval;
        this.progressIntervalNanos = progressIntervalMillis * 1_000_000L;
        this.stopRequested = stopRequested;
        setGridSize(gridSize);
    }

    @Override
    protected Set<StepExecution> doHandle(StepExecution manager, Set<StepExecution> partitions) throws Exception {
        try {
            for (StepExecution partition : partitions) {
                broker.send("", queue, RemotePartitions.request(workerStep, partition.getId()));
            }
        } catch (RuntimeException e) {
            partitions.forEach(p -> end(p, BatchStatus.FAILED)); // what was sent is dropped as a late delivery
            throw e;
        }
        log.info("Sent {} {}s to queue {}", partitions.size(), work.partition(), queue);
        LocalDateTime sent = LocalDateTime.now();
        long lastLine = System.nanoTime();
        boolean stopping = false;
        long stopSeen = 0;
        while (true) {
            Thread.sleep(pollInterval.toMillis());
            Set<StepExecution> now = new HashSet<>();
            for (StepExecution p : partitions) {
                now.add(jobRepository.getStepExecution(p.getId()));
            }
            List<StepExecution> running = now.stream().filter(p -> p.getStatus().isRunning()).toList();
            Optional<String> lost = lost(now, running, sent);
            if (running.isEmpty() && lost.isEmpty()) {
                return now;
            }
            if (stopRequested.getAsBoolean()) {
                if (!stopping) {
                    stopping = true;
                    stopSeen = System.nanoTime();
                    askWorkersToStop(manager);
                }
                // Partitions not taken yet are stopped; those in hand stop at their next chunk, and are
                // waited for STOP_WAIT at most: a worker killed, or a chunk that long, is not waited out.
                running.stream().filter(p -> p.getStatus() == BatchStatus.STARTING).forEach(p -> end(p, BatchStatus.STOPPED));
                List<StepExecution> inHand = running.stream().filter(p -> p.getStatus() == BatchStatus.STARTED).toList();
                if (!inHand.isEmpty() && System.nanoTime() - stopSeen >= STOP_WAIT.toNanos()) {
                    log.warn("Stopping: {} not stopped by their workers within {} s, marked stopped (resumed from "
                            + "their last committed chunk): {}", inHand.size(), STOP_WAIT.toSeconds(),
                            inHand.stream().map(StepExecution::getStepName).toList());
                    inHand.forEach(p -> end(p, BatchStatus.STOPPED));
                    inHand = List.of();
                }
                if (inHand.isEmpty()) {
                    throw new JobInterruptedException("stopped while workers ran the " + work.partition() + "s");
                }
                continue; // a stop is not a failure: a partition's silence while stopping is not reported lost
            }
            if (lost.isPresent()) {
                running.forEach(p -> end(p, BatchStatus.FAILED));
                throw new PartitionLostException(lost.get());
            }
            if (System.nanoTime() - lastLine >= progressIntervalNanos) {
                lastLine = System.nanoTime();
                long items = now.stream().mapToLong(StepExecution::getReadCount).sum();
                progress.info(String.format(Locale.ROOT, "  %-18s %,10d %s by workers; %d of %d partitions done",
                        work.managerStep(), items, work.itemsDone(), now.size() - running.size(), now.size()));
            }
        }
    }

    /**
     * Why the run cannot finish, if it cannot: a partition a worker refused, a running partition
     * whose worker stopped committing, or partitions waiting in the queue while no partition made
     * progress (no worker).
     */
    private Optional<String> lost(Set<StepExecution> all, List<StepExecution> running, LocalDateTime sent) {
        Optional<StepExecution> refused = all.stream()
                .filter(p -> RemotePartitions.REFUSED.equals(p.getExitStatus().getExitCode())).findFirst();
        if (refused.isPresent()) {
            return Optional.of(refused.get().getExitStatus().getExitDescription()
                    + ". The next launch computes the unfinished partitions");
        }
        LocalDateTime deadline = LocalDateTime.now().minus(partitionTimeout);
        Optional<StepExecution> silent = running.stream().filter(p -> p.getStatus() == BatchStatus.STARTED)
                .filter(p -> lastSeen(p).isBefore(deadline)).findFirst();
        if (silent.isPresent()) {
            return Optional.of(String.format(Locale.ROOT, "partition %s has not been heard of for %d s "
                    + "(ipo.partition-timeout): its worker stopped committing (killed, or cut off from the database). "
                    + "The next launch computes the unfinished partitions", silent.get().getStepName(),
                    partitionTimeout.toSeconds()));
        }
        boolean progress = sent.isAfter(deadline) || all.stream()
                .anyMatch(p -> p.getStatus() != BatchStatus.STARTING && !lastSeen(p).isBefore(deadline));
        if (!progress && running.stream().anyMatch(p -> p.getStatus() == BatchStatus.STARTING)) {
            return Optional.of(String.format(Locale.ROOT, "no worker took a %s for %d s "
                    + "(ipo.partition-timeout): start workers (java -jar ipo-analyzer.jar worker) on the same broker "
                    + "and database. The next launch computes the unfinished partitions", work.partition(),
                    partitionTimeout.toSeconds()));
        }
        return Optional.empty();
    }

    private static LocalDateTime lastSeen(StepExecution p) {
        return p.getLastUpdated() != null ? p.getLastUpdated()
                : p.getStartTime() != null ? p.getStartTime() : p.getCreateTime();
    }

    /**
     * Marks the run stopping in the job repository: a worker's partition sees it at its next chunk
     * commit (Spring Batch's own check) and stops there, as it does on the worker's own SIGTERM.
     */
    private void askWorkersToStop(StepExecution manager) {
        JobExecution run = manager.getJobExecution();
        try {
            run.setStatus(BatchStatus.STOPPING);
            jobRepository.update(run);
            log.info("Stopping: the {}s in hand were asked to stop at their next chunk", work.partition());
        } catch (RuntimeException e) {
            log.warn("Could not ask the workers to stop their {}s", work.partition(), e);
        }
    }

    /**
     * A partition the run gives up on is ended in the repository (failed, or stopped), so that a
     * worker that gets its request late leaves it alone and the next launch computes it again.
     */
    private void end(StepExecution partition, BatchStatus status) {
        partition.setStatus(status);
        partition.setEndTime(LocalDateTime.now());
        try {
            jobRepository.update(partition);
        } catch (RuntimeException e) {
            log.warn("Could not mark the partition {} {}", partition.getStepName(), status, e);
        }
    }

    /** A partition's worker is gone (or none took it) for longer than the partition timeout, or a worker refused it. */
    static final class PartitionLostException extends RuntimeException {
        PartitionLostException(String message) {
            super(message);
        }
    }
}
