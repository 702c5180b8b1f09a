package io.github.ipoanalyzer.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The job repository keeps the runs of the reports kept (--keep), not every run since the first:
 * HSQLDB reads its whole job repository at every launch, the quick look included, and a run of a
 * 1,000-file market adds about 270 KB to it (mostly the input files' fingerprints), so a year of
 * nightly runs would make every launch read about 100 MB.
 */
class JobHistoryTest {

    @TempDir
    Path work;

    @Test
    void onlyTheRunsOfTheKeptReportsStayAndRunNumbersGoOn() throws Exception {
        Path input = work.resolve("input");
        JobRun.copyTree(Path.of("input"), input);
        for (String force : List.of("", "--force", "--force")) {
            JobRun run = run(input, force);
            assertEquals(0, run.exitCode(), run.err());
        }
        assertEquals(List.of(2L, 3L), runsInTheRepository());
        assertEquals(0, orphans(), "no step execution, context or parameter is left of a deleted run");

        JobRun again = run(input, "");
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("Nothing to do: run 3 already reported these inputs"), again.out());

        JobRun fourth = run(input, "--force");
        assertEquals(0, fourth.exitCode(), fourth.err());
        assertTrue(fourth.out().contains(io.github.ipoanalyzer.report.ReportFolder.name("2026-11-28", 4)), fourth.out());
        assertEquals(List.of(3L, 4L), runsInTheRepository());
    }

    /**
     * Forgetting old runs is housekeeping after the report is out: when it fails (here another
     * program's table refers to run 1), the run that published still ends OK, says why the old
     * runs stay, and the next completed run tries again.
     */
    @Test
    void oldRunsThatCannotBeForgottenLeaveThePublishedRunOk() throws Exception {
        Path input = work.resolve("input");
        JobRun.copyTree(Path.of("input"), input);
        JobRun first = run(input, "");
        assertEquals(0, first.exitCode(), first.err());
        try (Connection c = database(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE AUDIT_TRAIL (EXECUTION BIGINT REFERENCES BATCH_JOB_EXECUTION (JOB_EXECUTION_ID))");
            s.execute("INSERT INTO AUDIT_TRAIL SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION");
        }
        JobRun second = run(input, "--force");
        assertEquals(0, second.exitCode(), second.out() + second.err());
        JobRun third = run(input, "--force");
        assertEquals(0, third.exitCode(), third.out() + third.err());
        assertTrue(third.out().contains("Report published.") && third.out().contains("The job repository keeps its "
                + "older runs for now: HsqlException: integrity constraint violation"), third.out());
        assertEquals(List.of(1L, 2L, 3L), runsInTheRepository(), "run 1 stays whole");
        JobRun last = run(input, "");
        assertTrue(last.out().contains("Nothing to do: run 3 already reported these inputs"), last.out());
    }

    private JobRun run(Path input, String force) {
        List<String> args = new ArrayList<>(List.of("--input", input.toString(), "--output", work.resolve("output").toString(),
                "--db", work.resolve("db").toString(), "--as-of", "2026-11-28", "--keep", "2", "--settle-seconds", "0"));
        if (!force.isEmpty()) {
            args.add(force);
        }
        return JobRun.launch(args.toArray(String[]::new));
    }

    private List<Long> runsInTheRepository() throws Exception {
        List<Long> runs = new ArrayList<>();
        try (Connection c = database(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT CAST(PARAMETER_VALUE AS BIGINT) FROM BATCH_JOB_EXECUTION_PARAMS "
                     + "WHERE PARAMETER_NAME = 'run.sequence' ORDER BY 1")) {
            while (r.next()) {
                runs.add(r.getLong(1));
            }
        }
        return runs;
    }

    private long orphans() throws Exception {
        try (Connection c = database(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT "
                     + "(SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID NOT IN (SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION))"
                     + " + (SELECT COUNT(*) FROM BATCH_STEP_EXECUTION_CONTEXT WHERE STEP_EXECUTION_ID NOT IN (SELECT STEP_EXECUTION_ID FROM BATCH_STEP_EXECUTION))"
                     + " + (SELECT COUNT(*) FROM BATCH_JOB_EXECUTION_CONTEXT WHERE JOB_EXECUTION_ID NOT IN (SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION))"
                     + " + (SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE JOB_INSTANCE_ID NOT IN (SELECT JOB_INSTANCE_ID FROM BATCH_JOB_INSTANCE))"
                     + " FROM (VALUES(0))")) {
            r.next();
            return r.getLong(1);
        }
    }

    private Connection database() throws Exception {
        return DriverManager.getConnection("jdbc:hsqldb:file:" + work.resolve("db/ipo") + ";shutdown=true;ifexists=true", "SA", "");
    }
}
