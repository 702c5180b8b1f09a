package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.IpoAnalyzerApplication;
import io.github.ipoanalyzer.ingest.InputChangedException;
import io.github.ipoanalyzer.ingest.InputLayout;
import io.github.ipoanalyzer.store.InputFingerprint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reconcileInputs step alone (spring-batch-test): it fingerprints every input file for the
 * later steps, and fails naming the file when that is not what the launch fingerprinted.
 */
@SpringBootTest(classes = IpoAnalyzerApplication.class)
@SpringBatchTest
class ReconcileInputsStepTest {

    private static final Path WORK = temporaryFolder();

    @Autowired
    JobOperatorTestUtils jobs;

    @DynamicPropertySource
    static void databaseInATemporaryFolder(DynamicPropertyRegistry registry) {
        registry.add("ipo.db-dir", () -> WORK.resolve("db").toString());
        registry.add("logging.file.name", () -> WORK.resolve("db/ipo-analyzer.log").toString());
    }

    @BeforeAll
    static void copyTheShippedInput() throws Exception {
        JobRun.copyTree(Path.of("input"), WORK.resolve("input"));
    }

    @Test
    void itFingerprintsEveryInputFileForTheLaterSteps() throws Exception {
        InputLayout layout = new InputLayout(WORK.resolve("input"));
        Map<String, String> launch = layout.sha256PerFile();
        JobExecution execution = jobs.launchStep("reconcileInputs", parameters(InputFingerprint.ofAll(launch), 1));
        assertEquals(BatchStatus.COMPLETED, execution.getStatus(), execution.getAllFailureExceptions().toString());
        Map<String, InputFingerprint.FileState> files = RunContext.inputFiles(execution.getStepExecutions().iterator().next());
        assertEquals(launch.keySet(), files.keySet());
        for (var entry : files.entrySet()) {
            Path file = layout.root().resolve(entry.getKey());
            assertEquals(InputFingerprint.sha256(file), entry.getValue().sha256(), entry.getKey());
            assertEquals(Files.size(file), entry.getValue().size(), entry.getKey());
        }
    }

    @Test
    void aFileThatChangedSinceTheLaunchFailsTheStep() throws Exception {
        InputLayout layout = new InputLayout(WORK.resolve("input"));
        Map<String, String> launch = layout.sha256PerFile();
        launch.put("revenue.csv", "0".repeat(64)); // as if revenue.csv had other bytes when the launch read it
        JobExecution execution = jobs.launchStep("reconcileInputs", parameters(InputFingerprint.ofAll(launch), 2));
        assertEquals(BatchStatus.FAILED, execution.getStatus());
        Throwable failure = execution.getAllFailureExceptions().get(0);
        assertTrue(failure instanceof InputChangedException changed && changed.file().equals("the input folder")
                && failure.getMessage().contains("a file in it changed between the launch's fingerprint and the start "
                + "of the run; is a copy still in progress?"), failure.toString());
    }

    /**
     * The launch's memo of each file's hash names the file that changed since: the launch
     * remembered revenue.csv as it was, a row was appended before the run started; listings.csv,
     * written again with the same bytes, is not named.
     */
    @Test
    void aFileThatChangedSinceTheLaunchIsNamedFromTheLaunchesMemo() throws Exception {
        InputLayout layout = new InputLayout(WORK.resolve("input"));
        Path revenue = layout.root().resolve("revenue.csv");
        String before = Files.readString(revenue);
        Thread.sleep(2_100); // only files at rest for 2 s are remembered
        io.github.ipoanalyzer.store.FileHashMemo memo = io.github.ipoanalyzer.store.FileHashMemo.in(WORK.resolve("db"));
        Map<String, String> launch = layout.sha256PerFile(memo::sha256);
        memo.save();
        try {
            Files.writeString(revenue, before + "688795.SH,FY2026,2026-01-01,2026-12-31,1000,CNY,\n");
            // Touched, not changed: its state on disk differs from the memo's, its bytes do not.
            Path listings = layout.root().resolve("listings.csv");
            Files.writeString(listings, Files.readString(listings));
            JobExecution execution = jobs.launchStep("reconcileInputs", parameters(InputFingerprint.ofAll(launch), 5));
            assertEquals(BatchStatus.FAILED, execution.getStatus());
            Throwable failure = execution.getAllFailureExceptions().get(0);
            assertTrue(failure instanceof InputChangedException changed && changed.file().equals("revenue.csv")
                    && failure.getMessage().startsWith("revenue.csv: it changed between the launch's fingerprint and "
                    + "the start of the run; is a copy still in progress?"), failure.toString());
        } finally {
            Files.writeString(revenue, before);
            Files.delete(WORK.resolve("db").resolve(io.github.ipoanalyzer.store.FileHashMemo.FILE));
        }
    }

    /**
     * A file of the size the ledger recorded is hashed from the launch's memo while its state on
     * disk is the one remembered: a memo giving revenue.csv another hash is what the step finds
     * (had it read the file, the launch's fingerprint would not match and the step would fail).
     */
    @Test
    void aFileOfItsRecordedSizeIsHashedFromTheLaunchesMemoWhileItIsUnchanged() throws Exception {
        InputLayout layout = new InputLayout(WORK.resolve("input"));
        Map<String, String> hashes = layout.sha256PerFile();
        JobExecution whole = jobs.startJob(parameters(InputFingerprint.ofAll(hashes), 3));
        assertEquals(BatchStatus.COMPLETED, whole.getStatus(), whole.getAllFailureExceptions().toString());

        Path revenue = layout.root().resolve("revenue.csv").toAbsolutePath().normalize();
        Map<String, Object> stat = Files.readAttributes(revenue, "unix:size,lastModifiedTime,ctime,ino");
        String remembered = "e".repeat(64);
        Files.write(WORK.resolve("db").resolve(io.github.ipoanalyzer.store.FileHashMemo.FILE), java.util.List.of(
                String.join("\t", revenue.toString(), stat.get("size").toString(),
                        Long.toString(((java.nio.file.attribute.FileTime) stat.get("lastModifiedTime")).to(java.util.concurrent.TimeUnit.NANOSECONDS)),
                        Long.toString(((java.nio.file.attribute.FileTime) stat.get("ctime")).to(java.util.concurrent.TimeUnit.NANOSECONDS)),
                        stat.get("ino").toString(), remembered)));
        hashes.put("revenue.csv", remembered);
        JobExecution execution = jobs.launchStep("reconcileInputs", parameters(InputFingerprint.ofAll(hashes), 4));
        assertEquals(BatchStatus.COMPLETED, execution.getStatus(), execution.getAllFailureExceptions().toString());
        assertEquals(remembered, RunContext.inputFiles(execution.getStepExecutions().iterator().next())
                .get("revenue.csv").sha256());
    }

    private static org.springframework.batch.core.job.parameters.JobParameters parameters(String inputSha256, long run) {
        return new RunParameters(WORK.resolve("input"), WORK.resolve("output"), LocalDate.of(2026, 11, 28), inputSha256,
                new BigDecimal("0.05"), "", run, 30, false).toJobParameters();
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("reconcile-step");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
