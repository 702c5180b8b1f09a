package io.github.ipoanalyzer.launch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The build's training run goes the ways a launch goes, in the folder it is given: a generated
 * market, a whole run that starts the application, then a launch answered before it starts.
 */
class TrainingRunTest {

    @TempDir
    Path work;

    @Test
    void aWholeRunThenALaunchWithNothingToDoInTheGivenFolder() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = TrainingRun.train(work, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String console = out.toString(StandardCharsets.UTF_8);

        assertEquals(0, code, console + err.toString(StandardCharsets.UTF_8));
        // 4 listings × 60 days.
        assertEquals(true, console.contains("(240 price rows) to " + work.resolve("input")), console);
        assertEquals(true, console.contains("Report published."), console);
        assertEquals(true, console.contains("Nothing to do: run 1 already reported these inputs as of 2016-12-30 in "
                + work.resolve("output/2016-12-30_run-000001")), console);
        // Every file it wrote is in the folder it was given: the market, the report, the database.
        try (Stream<Path> entries = Files.list(work)) {
            assertEquals(List.of("db", "input", "output"), entries.map(p -> p.getFileName().toString()).sorted().toList());
        }
        // The application started once, for the whole run: the second launch took the quick way.
        String log = Files.readString(work.resolve("db/ipo-analyzer.log"), StandardCharsets.UTF_8);
        assertEquals(1, Pattern.compile("HikariPool-\\d+ - Start completed").matcher(log).results().count(), log);
    }
}
