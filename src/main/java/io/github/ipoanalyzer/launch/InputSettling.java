package io.github.ipoanalyzer.launch;

import io.github.ipoanalyzer.ingest.InputLayout;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A file changed moments ago may still be written by a copy or a feed. The launch waits until
 * every input file has rested {@code --settle-seconds}, for at most {@link #BOUND_FACTOR} times
 * that; only a file still changing then ends the run (exit 6), so a file dropped in just before
 * the launch is read by that launch.
 */
final class InputSettling {

    /** How many settle windows a launch waits before it gives up on a file that keeps changing. */
    static final int BOUND_FACTOR = 10;
    /** Files named one by one; past that, how many more. */
    private static final int MAX_NAMED = 10;
    private static final int NAMED_WHILE_WAITING = 3;

    private InputSettling() {
    }

    /**
     * Waits for the input files to settle, saying once on {@code out} which and for how long at
     * most; returns the files still changing when the wait ran out, each with its age (empty when
     * every file settled).
     */
    static List<Changing> await(InputLayout layout, Duration window, PrintStream out, Refusals refusals)
            throws InterruptedException {
        Instant started = Instant.now();
        Instant giveUp = started.plus(window.multipliedBy(BOUND_FACTOR));
        Map<String, Instant> young = unsettled(layout, window, started);
        if (young.isEmpty()) {
            return List.of();
        }
        List<String> names = new ArrayList<>(young.keySet());
        refusals.say(out, "waiting for " + names, String.format(Locale.ROOT, "Waiting for %s, changed less than %d s ago, "
                        + "to stop changing (at most %d s; --settle-seconds sets the rest a file needs).",
                names.size() == 1 ? names.get(0) : names.size() + " input files (" + io.github.ipoanalyzer.text.ShortList.of(names, NAMED_WHILE_WAITING) + ")",
                window.toSeconds(), window.multipliedBy(BOUND_FACTOR).toSeconds()));
        while (!young.isEmpty()) {
            Instant now = Instant.now();
            if (!now.isBefore(giveUp)) {
                List<Changing> changing = new ArrayList<>();
                young.forEach((file, modified) -> changing.add(new Changing(file, Duration.between(modified, now))));
                return changing;
            }
            Instant settles = Collections.max(young.values()).plus(window);
            Instant wake = settles.isBefore(giveUp) ? settles : giveUp;
            Thread.sleep(Math.max(50, Duration.between(now, wake).toMillis() + 1));
            young = unsettled(layout, window, Instant.now());
        }
        return List.of();
    }

    /** A file still changing when the wait ran out, and how long before that it was last written. */
    record Changing(String file, Duration age) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s (modified %.1f s ago)", file, age.toMillis() / 1000.0);
        }
    }

    /** The message of a launch that gave up: the files one per line, past {@link #MAX_NAMED} how many more. */
    static String gaveUp(List<Changing> changing, Duration window) {
        StringBuilder message = new StringBuilder(String.format(Locale.ROOT, "Not yet: %s still changing after "
                        + "%d s of waiting (a copy or feed still writing?). Nothing was read; run again once %s stopped "
                        + "(--settle-seconds sets the rest a file needs):",
                changing.size() == 1 ? "an input file was" : changing.size() + " input files were",
                window.multipliedBy(BOUND_FACTOR).toSeconds(), changing.size() == 1 ? "it has" : "they have"));
        changing.stream().limit(MAX_NAMED).forEach(file -> message.append("\n  ").append(file));
        if (changing.size() > MAX_NAMED) {
            message.append(String.format(Locale.ROOT, "%n  … and %,d more", changing.size() - MAX_NAMED));
        }
        return message.toString();
    }

    /** Input files modified within {@code window} of {@code now} (either way: a clock ahead counts), with when. */
    static Map<String, Instant> unsettled(InputLayout layout, Duration window, Instant now) {
        Map<String, Instant> young = new LinkedHashMap<>();
        for (Path file : layout.existingFiles()) {
            Instant modified;
            try {
                modified = Files.getLastModifiedTime(file).toInstant();
            } catch (IOException e) {
                modified = now; // gone or replaced while listed: still changing
            }
            if (Duration.between(modified, now).abs().compareTo(window) < 0) {
                young.put(layout.relative(file), modified);
            }
        }
        return young;
    }
}
