package io.github.ipoanalyzer.report;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A part of the report written on a thread of its own while the caller writes others (the
 * parts write different files), or at once on the caller's thread where the report has one
 * thread. {@link #finish} returns when it is written, throwing what it threw; {@link #abandon},
 * on the way out of a failure elsewhere, interrupts it and waits for it to end, so that nothing
 * still writes into a staging folder that is being removed.
 */
final class SideTask {

    private static final Logger log = LoggerFactory.getLogger(SideTask.class);

    /** The part's writing. */
    interface Work {
        void write() throws IOException;
    }

    private final FutureTask<Void> task;
    private final Thread thread;
    private final String name;

    private SideTask(FutureTask<Void> task, Thread thread, String name) {
        this.task = task;
        this.thread = thread;
        this.name = name;
    }

    /** Starts {@code work} on a thread named {@code name}, or runs it now if {@code ownThread} is false. */
    static SideTask start(String name, boolean ownThread, Work work) {
        FutureTask<Void> task = new FutureTask<>(() -> {
            long started = System.nanoTime();
            work.write();
            log.info("{} written {} ms after it was begun", name, (System.nanoTime() - started) / 1_000_000);
            return null;
        });
        if (!ownThread) {
            task.run();
            return new SideTask(task, null, name);
        }
        Thread thread = new Thread(task, name);
        thread.setDaemon(true); // a JVM stopped in the middle of a report does not wait for it
        thread.start();
        return new SideTask(task, thread, name);
    }

    /** Waits for the part to be written; throws what its writing threw. */
    void finish() throws IOException {
        try {
            long waiting = System.nanoTime();
            task.get();
            if (thread != null) {
                // What the part's own thread saved shows here: the wait is what was not done beside it.
                log.info("waited {} ms for {}", (System.nanoTime() - waiting) / 1_000_000, name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException stopped = new InterruptedIOException("stopped while waiting for a part of the report to be written");
            abandon(stopped);
            throw stopped;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /**
     * After {@code failure} elsewhere: interrupts the part's thread (a file channel it writes to
     * closes at once), waits for it to end, and adds what the part threw, other than being
     * interrupted, to {@code failure} as suppressed.
     */
    void abandon(Exception failure) {
        if (thread != null) {
            thread.interrupt();
            boolean interrupted = false;
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (task.isDone() && !task.isCancelled()) {
            try {
                task.get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause != failure && !(cause instanceof InterruptedIOException || cause instanceof ClosedByInterruptException)) {
                    failure.addSuppressed(cause); // not when it is the failure itself (finish threw it)
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
