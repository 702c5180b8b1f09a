package io.github.ipoanalyzer.launch;

import io.github.ipoanalyzer.ingest.InputLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The watch's loop alone, with the day it would run as of and the launch given by the test: a
 * new day is a run, a look at the same day and the same files is not.
 */
class WatchLoopTest {

    @TempDir
    Path input;

    @Test
    @Timeout(30)
    void aNewDayIsARunAndLooksAtTheSameDayAreNot() {
        LocalDate first = LocalDate.of(2026, 1, 5);
        AtomicInteger looks = new AtomicInteger();
        // Looks 1 to 5 see 2026-01-05, 6 to 10 the day after, and the rest the day after that.
        java.util.function.IntFunction<LocalDate> dayOfLook = look -> first.plusDays(Math.min(2, (look - 1) / 5));
        java.util.function.Supplier<LocalDate> today = () -> dayOfLook.apply(looks.incrementAndGet());
        List<LocalDate> launchedAsOf = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Watch.serve(new InputLayout(input), Duration.ofMillis(20), today, true, () -> {
            launchedAsOf.add(dayOfLook.apply(looks.get()));
            // The third day's launch ends the watch as a refused setting does (exit 2), so that the test ends.
            return launchedAsOf.size() < 3 ? ExitCode.OK.code() : ExitCode.USAGE.code();
        }, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertEquals(ExitCode.USAGE.code(), code);
        assertEquals(List.of(first, first.plusDays(1), first.plusDays(2)), launchedAsOf,
                "one launch per day, however many looks saw it");
        assertEquals(11, looks.get(), "the third day was first seen at look 11");
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("a run starts when a file in " + input
                + " changes or the day does"), out.toString(StandardCharsets.UTF_8));
    }
}
