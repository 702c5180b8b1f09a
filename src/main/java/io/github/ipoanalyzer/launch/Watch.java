package io.github.ipoanalyzer.launch;

import io.github.ipoanalyzer.ingest.InputLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code --watch S}: one process that stays up and launches the job whenever the input folder has
 * changed, or the day has (a report as of today). Every run is a whole launch as a new process
 * would make it (locks, settling, the quick look, the summary), but the code it runs has been
 * compiled by the runs before: on a small machine, most of a one-day rerun's CPU in a new JVM is
 * the JIT compiling it. What changed is judged by each input file's name, size, modification time
 * and identity; the launch then decides by the files' hashes, as always.
 */
final class Watch {

    private static final Logger log = LoggerFactory.getLogger(Watch.class);
    /** How long a stop signal waits for the loop to end before the process halts anyway. */
    private static final long MAX_STOP_WAIT_SECONDS = 120;

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile int exitCode = ExitCode.OK.code();

    private Watch() {
    }

    /**
     * Launches at once, then whenever {@code input}'s files or {@code asOf} have changed since the
     * last launch, looking every {@code every}; until SIGTERM or Ctrl-C. A launch refused for a
     * passing reason (another run, a file still being written) is tried at the next look; one that
     * failed waits for a change. Returns the exit code: 0, or the code of the run a stop cut short.
     */
    static int serve(InputLayout input, Duration every, Supplier<LocalDate> asOf, boolean today, IntSupplier launch,
                     PrintStream out, PrintStream err) {
        Watch watch = new Watch();
        Thread hook = new Thread(watch::stopAndWait, "ipo-analyzer-watch-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        String change = "a file in " + input.root() + " changes" + (today ? " or the day does" : "");
        out.println("Watching every " + every.toSeconds() + " s: a run starts when " + change
                + " (SIGTERM or Ctrl-C stops).");
        try {
            watch.loop(input, every, asOf, launch, change, out);
            return watch.exitCode;
        } catch (RuntimeException | Error e) {
            log.error("The watch failed", e);
            err.println("Failed: the watch stopped: " + FailureMessage.rootMessage(e));
            watch.exitCode = ExitCode.FAILED.code();
            return watch.exitCode;
        } finally {
            watch.ended.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it halts with the exit code.
            }
        }
    }

    private void loop(InputLayout input, Duration every, Supplier<LocalDate> asOf, IntSupplier launch, String change,
                      PrintStream out) {
        Seen launched = null;
        boolean waitForChange = false;
        boolean retrying = false;
        while (stopRequested.getCount() > 0) {
            Seen now = new Seen(state(input), asOf.get());
            if (launched == null || !waitForChange || !now.equals(launched)) {
                // A stop that cannot wait for this launch to end (see stopAndWait) leaves it stopped, not done.
                exitCode = ExitCode.STOPPED.code();
                int code = launch.getAsInt();
                exitCode = code;
                launched = now;
                if (stopRequested.getCount() == 0) {
                    return; // stopped during the run: exit with the run's code
                }
                if (code == ExitCode.USAGE.code()) {
                    return; // a setting refused when the application started: no change of input mends it
                }
                waitForChange = !triedAgainAtEveryLook(code);
                if (code != ExitCode.OK.code() && waitForChange) {
                    out.println("Watching: the next run when " + change + ".");
                } else if (!waitForChange && !retrying) {
                    out.println("Watching: tried again at every look, every " + every.toSeconds() + " s.");
                }
                retrying = !waitForChange;
                exitCode = ExitCode.OK.code();
            }
            try {
                stopRequested.await(every.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                out.println("Stopped: the watch was interrupted.");
                exitCode = ExitCode.STOPPED.code();
                return;
            }
        }
        out.println("Stopped watching (between runs: nothing was cut short).");
    }

    /** A launch refused for a passing reason (another run, a file still being written): no change of input is needed. */
    static boolean triedAgainAtEveryLook(int code) {
        return code == ExitCode.ALREADY_RUNNING.code() || code == ExitCode.INPUT_NOT_SETTLED.code();
    }

    /**
     * The shutdown hook: ends the loop (a run in progress stops through its own hook), then halts
     * with its code; with 5 when a launch has not ended in time (killed mid-way, it is resumed as
     * a crashed run is).
     */
    private void stopAndWait() {
        stopRequested.countDown();
        try {
            ended.await(MAX_STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().halt(exitCode); // 5 while a launch is still under way (set before each)
    }

    /** What a look at the input saw: its files, and the day a run would be as of. */
    private record Seen(String files, LocalDate asOf) {
    }

    /**
     * Every input file a run would read (links followed, as a run follows them) with its size,
     * modification time and identity (a file replaced by another), in the layout's order: equal
     * when nothing a run reads was written.
     */
    static String state(InputLayout input) {
        try {
            return input.existingFiles().stream().map(p -> {
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    return p + "\t" + a.size() + "\t" + a.lastModifiedTime().toInstant() + "\t" + a.fileKey();
                } catch (IOException e) {
                    return p + "\tunreadable";
                }
            }).collect(Collectors.joining("\n"));
        } catch (UncheckedIOException | SecurityException e) {
            return "unreadable: " + Objects.toString(e.getMessage());
        }
    }
}
