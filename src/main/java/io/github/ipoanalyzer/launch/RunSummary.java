package io.github.ipoanalyzer.launch;

import io.github.ipoanalyzer.ingest.InputLayout;
import io.github.ipoanalyzer.job.IpoReportJobConfiguration;
import io.github.ipoanalyzer.store.MarketDataStore;
import org.springframework.batch.core.job.JobExecution;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** The one-screen summary that ends every run: what was read, loaded, rejected, written, how long, where. */
final class RunSummary {

    private RunSummary() {
    }

    static void print(PrintStream out, ReportRunner.Outcome outcome, InputLayout layout, MarketDataStore store,
                      Duration elapsed) {
        outcome.notes().forEach(out::println);
        out.println();
        outcome.execution().ifPresent(execution -> {
            out.printf(Locale.ROOT, "Run %d (as of %s): %s%n", ReportRunner.runNumber(execution),
                    execution.getJobParameters().getLocalDate("as.of"), execution.getStatus());
            Map<String, MarketDataStore.FileCounts> counts = store.countsByFile();
            if (counts.isEmpty()) {
                return;
            }
            long read = 0;
            long loaded = 0;
            long rejected = 0;
            out.printf(Locale.ROOT, "  %-40s %10s %10s %10s%n", "input file", "read", "loaded", "rejected");
            for (var file : layout.existingFiles()) {
                MarketDataStore.FileCounts c = counts.getOrDefault(layout.relative(file), new MarketDataStore.FileCounts(0, 0));
                out.printf(Locale.ROOT, "  %-40s %,10d %,10d %,10d%n", layout.relative(file), c.read(), c.loaded(), c.rejected());
                read += c.read();
                loaded += c.loaded();
                rejected += c.rejected();
            }
            out.printf(Locale.ROOT, "  %-40s %,10d %,10d %,10d%n", "total", read, loaded, rejected);
            store.notices().forEach((file, messages) -> messages.forEach(m -> out.println("  note: " + file + ": " + m)));
            String folder = execution.getExecutionContext().getString(IpoReportJobConfiguration.REPORT_FOLDER_KEY, null);
            if (folder != null) {
                out.println("  report: " + folder + (rejected > 0 ? " (rejected rows: rejects.csv there)" : ""));
            }
        });
        out.printf(Locale.ROOT, "%s (%.1f s)%n", outcome.message(), elapsed.toMillis() / 1000.0);
    }
}
