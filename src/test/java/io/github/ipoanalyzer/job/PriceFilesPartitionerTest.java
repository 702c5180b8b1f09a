package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.ingest.InputKinds;
import io.github.ipoanalyzer.store.InputFileLedger;
import io.github.ipoanalyzer.store.MarketDataStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A remote worker loads a group of price files only where it finds the files its manager found,
 * at the same path, and only of the manager's version: otherwise it refuses the group, saying
 * why, rather than loading nothing and calling the group done.
 */
class PriceFilesPartitionerTest {

    @TempDir
    Path work;

    @Test
    void aWorkerRefusesAGroupOfAnotherVersionOrOfFilesItDoesNotFindAtThatPath() throws Exception {
        Path input = work.resolve("input");
        Files.createDirectories(input.resolve("prices"));
        for (String name : List.of("a", "b", "c", "d")) {
            Files.writeString(input.resolve("prices/" + name + ".csv"), "ticker,date,close\nX,2020-01-02,1\n");
        }
        SimpleDriverDataSource db = new SimpleDriverDataSource(new org.hsqldb.jdbc.JDBCDriver(),
                "jdbc:hsqldb:mem:partitioner", "SA", "");
        new MarketDataStore(db, InputKinds.tables()).createTablesIfMissing();
        InputFileLedger ledger = new InputFileLedger(db, InputKinds.tables(), List.of());
        JobExecution run = new JobExecution(1, new JobInstance(1, "ipoReportJob"), new RunParameters(input,
                work.resolve("out"), LocalDate.of(2026, 11, 28), "", new BigDecimal("0.05"), "", 1, 30, false)
                .toJobParameters());
        PriceFilesPartitioner partitioner = new PriceFilesPartitioner(InputKinds.PRICES, ledger, "1.0");
        partitioner.beforeStep(new StepExecution(1, "loadPrices", run));
        List<StepExecution> groups = new ArrayList<>();
        for (Map.Entry<String, ExecutionContext> group : partitioner.partition(2).entrySet()) {
            StepExecution partition = new StepExecution(groups.size() + 2, "loadPriceFiles:" + group.getKey(), run);
            partition.setExecutionContext(group.getValue());
            groups.add(partition);
        }
        // Four files of equal size in two groups: a and b, c and d.
        assertEquals(List.of(0, 2), groups.stream().map(g -> g.getExecutionContext().getInt(PriceFilesPartitioner.FROM)).toList());

        for (StepExecution group : groups) {
            assertEquals(Optional.empty(), PriceFilesPartitioner.cannotLoad(group, "1.0", InputKinds.PRICES, ledger));
        }
        assertEquals(Optional.of("the run's manager is ipo-analyzer 1.0 and this worker is 1.1: run workers of the "
                + "manager's version"), PriceFilesPartitioner.cannotLoad(groups.get(1), "1.1", InputKinds.PRICES, ledger));

        Files.delete(input.resolve("prices/a.csv")); // the worker's folder at that path is another copy
        assertEquals(Optional.of("this worker does not find in " + input + " the price files the manager found there "
                        + "(4 to read, this group from prices/c.csv; here 3, from prices/d.csv): mount the input folder "
                        + "at the same path on every worker"),
                PriceFilesPartitioner.cannotLoad(groups.get(1), "1.0", InputKinds.PRICES, ledger));

        try (var files = Files.list(input.resolve("prices"))) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(input.resolve("prices"));
        Files.delete(input); // nothing mounted at that path
        assertEquals(Optional.of("this worker does not find in " + input + " the price files the manager found there "
                        + "(4 to read, this group from prices/a.csv; here 0, from none): mount the input folder "
                        + "at the same path on every worker"),
                PriceFilesPartitioner.cannotLoad(groups.get(0), "1.0", InputKinds.PRICES, ledger));
        new JdbcTemplate(db).execute("SHUTDOWN");
    }
}
