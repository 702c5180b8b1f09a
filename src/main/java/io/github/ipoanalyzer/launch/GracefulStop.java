package io.github.ipoanalyzer.launch;

import io.github.ipoanalyzer.job.StopSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SIGTERM (systemd stop, kill, Ctrl-C) stops the job at its next chunk boundary instead of
 * closing the database under it: the running step is flagged through {@link StopSignal}, the
 * execution ends STOPPED with everything committed, the launcher prints its summary and closes,
 * and the process exits with the launcher's code (5). The next launch resumes the run. Spring
 * Boot's own shutdown hook is off for the run's context so that it is not closed while the job
 * still uses it.
 */
final class GracefulStop extends Thread {

    private static final Logger log = LoggerFactory.getLogger(GracefulStop.class);
    private static final long MAX_WAIT_SECONDS = 110;

    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicInteger exitCode = new AtomicInteger(ExitCode.STOPPED.code());
    private volatile StopSignal signal;

    GracefulStop() {
        super("ipo-analyzer-graceful-stop");
    }

    static GracefulStop install() {
        GracefulStop hook = new GracefulStop();
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    void signal(StopSignal stopSignal) {
        this.signal = stopSignal;
    }

    /** Called by the launcher when it has closed everything; removes the hook unless the JVM is already stopping. */
    void finished(int code) {
        exitCode.set(code);
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(this);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running: it will exit with this code.
        }
    }

    @Override
    public void run() {
        log.info("Shutdown signal: stopping the job at its next chunk boundary");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_WAIT_SECONDS);
        try {
            while (!finished.await(200, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline) {
                StopSignal s = signal;
                if (s != null) {
                    s.request();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (finished.getCount() == 0) {
            // The launcher is done and closed; exit with its code rather than the signal's.
            Runtime.getRuntime().halt(exitCode.get());
        }
    }
}
