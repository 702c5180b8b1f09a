package io.github.ipoanalyzer.launch;

import io.github.ipoanalyzer.ingest.InputLayout;
import io.github.ipoanalyzer.job.JobRun;
import io.github.ipoanalyzer.job.RunParameters;
import io.github.ipoanalyzer.store.InputFingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * "Nothing to do" decided before Spring starts says what the whole launch would say, and only
 * when the latest run completed the same work with the same settings and its report is there.
 */
class NothingToDoTest {

    @TempDir
    Path work;

    @Test
    void theLatestCompletedRunOfTheSameWorkIsFoundWithoutSpring() throws Exception {
        Path db = work.resolve("db");
        JobRun first = JobRun.launch("--input", "input", "--output", work.resolve("out").toString(), "--db",
                db.toString(), "--as-of", "2026-11-28");
        assertEquals(0, first.exitCode(), first.err());
        RunParameters same = requested(LocalDate.of(2026, 11, 28));
        String expected = "Nothing to do: run 1 already reported these inputs as of 2026-11-28 in "
                + work.resolve("out/2026-11-28_run-000001") + " (a launch with --force recomputes).";

        assertEquals(Optional.of(expected), NothingToDo.message(db, List.of(), same));
        assertEquals(Optional.empty(), NothingToDo.message(db, List.of("--ipo.returns=log"), same),
                "a setting that changes a figure is other work");
        assertEquals(Optional.empty(), NothingToDo.message(db, List.of("--ipo.lang=zh"), same),
                "a report in another language is other work");
        Options chinese = new Options();
        new picocli.CommandLine(chinese).parseArgs("--lang=zh", "--ipo.lang=en");
        assertEquals(List.of("--ipo.lang=zh"), chinese.settingArguments(), "--lang replaces an --ipo.lang given too");
        assertEquals(Optional.empty(), NothingToDo.message(db, chinese.settingArguments(), same),
                "--lang reaches the quick look");
        assertEquals(Optional.of(expected), NothingToDo.message(db, List.of("--ipo.chunk-size=100"), same),
                "a setting that changes no figure is the same work");
        assertEquals(Optional.empty(), NothingToDo.message(db, List.of("--spring.datasource.url=jdbc:hsqldb:mem:x"),
                same), "another database: only the whole launch knows");
        assertEquals(Optional.empty(), NothingToDo.message(db, List.of(), requested(LocalDate.of(2026, 11, 29))),
                "another as-of day");
        assertEquals(Optional.empty(), NothingToDo.message(work.resolve("no-db"), List.of(), same), "no database");

        Files.move(work.resolve("out/2026-11-28_run-000001"), work.resolve("elsewhere"));
        assertEquals(Optional.empty(), NothingToDo.message(db, List.of(), same), "the report folder is gone");
    }

    @Test
    void aLaunchWithNothingToDoDoesNotStartTheApplication() throws Exception {
        Path db = work.resolve("db");
        List<String> args = List.of("--input", "input", "--output", work.resolve("out").toString(), "--db", db.toString(),
                "--as-of", "2026-11-28");
        assertEquals(0, JobRun.launch(args.toArray(String[]::new)).exitCode());
        // The application logs to this file from its start; a launch answered before it starts writes nothing there.
        Path log = db.resolve("ipo-analyzer.log");
        long logged = Files.size(log);
        JobRun again = JobRun.launch(args.toArray(String[]::new));
        assertEquals(0, again.exitCode(), again.err());
        assertEquals("Nothing to do: run 1 already reported these inputs as of 2026-11-28 in "
                + work.resolve("out/2026-11-28_run-000001") + " (a launch with --force recomputes).",
                again.out().lines().filter(l -> l.startsWith("Nothing to do")).findFirst().orElseThrow()
                        .replaceAll(" \\(\\d+\\.\\d s since the program started.*", ""));
        assertEquals(logged, Files.size(log), "the application did not start: its log did not grow");

        // With a spring.* setting the whole launch decides, and says the same.
        List<String> withSpring = new java.util.ArrayList<>(args);
        withSpring.add("--spring.main.banner-mode=off");
        JobRun whole = JobRun.launch(withSpring.toArray(String[]::new));
        assertEquals(0, whole.exitCode(), whole.err());
        assertEquals(true, whole.out().contains("Nothing to do: run 1 already reported"), whole.out());
        assertEquals(true, Files.size(log) > logged, "the application started and logged");
    }

    private RunParameters requested(LocalDate asOf) {
        InputLayout layout = new InputLayout(Path.of("input").toAbsolutePath().normalize());
        return new RunParameters(layout.root(), work.resolve("out"), asOf, InputFingerprint.ofAll(layout.sha256PerFile()),
                new BigDecimal("0.05"), "", 0, 30, false);
    }
}
