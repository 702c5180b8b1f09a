package io.github.ipoanalyzer.launch;

import io.github.ipoanalyzer.store.MarketDataStore;

import io.github.ipoanalyzer.ingest.InputCheck;
import io.github.ipoanalyzer.ingest.InputLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code check-input}: how every input file would be read, and which rows rejected, touching nothing. */
@Command(name = "check-input", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Reads every input file as a run would and prints, for each, the recognised format, the column "
                + "mapping, the conversions and the rows that would be rejected (line, column, value, reason). Touches "
                + "neither the database nor the output folder. Duplicates between rows are checked by the run only.",
                "Exit code: 0 when every file can be read and no row would be rejected, 3 otherwise.", ""})
public class CheckInputCommand {

    @Option(names = "--input", paramLabel = "DIR", description = "Input folder (default: ${DEFAULT-VALUE}).")
    Path input = Path.of("input");

    @Option(names = "--rejects", paramLabel = "N", description = "Rejected rows shown per file (default: ${DEFAULT-VALUE}).")
    int rejectsShown = 20;

    int run(PrintStream out, PrintStream err) {
        InputLayout layout = new InputLayout(input.toAbsolutePath().normalize());
        Optional<String> problem = layout.problem();
        if (problem.isPresent()) {
            err.println("Bad input: " + problem.get());
            return ExitCode.BAD_INPUT.code();
        }
        List<InputCheck.FileCheck> checks = InputCheck.check(layout.root());
        long rows = 0;
        long rejected = 0;
        long unreadable = 0;
        for (InputCheck.FileCheck c : checks) {
            // A row of a ticker not in listings.csv is set aside by a run, not rejected: it does not fail the check.
            List<InputCheck.Reject> setAside = c.rejects().stream()
                    .filter(r -> MarketDataStore.SET_ASIDE_RULE.equals(r.rule())).toList();
            List<InputCheck.Reject> rejects = c.rejects().stream()
                    .filter(r -> !MarketDataStore.SET_ASIDE_RULE.equals(r.rule())).toList();
            rows += c.rowsRead();
            rejected += rejects.size();
            if (c.failure() != null) {
                unreadable++;
                out.println(c.file() + ": cannot be read: " + c.failure());
                continue;
            }
            out.printf(Locale.ROOT, "%s: %,d rows, %,d valid, %,d would be rejected%s%n", c.file(), c.rowsRead(),
                    c.rowsRead() - c.rejects().size(), rejects.size(), setAside.isEmpty() ? ""
                            : String.format(Locale.ROOT, ", %,d set aside (tickers not in listings.csv: %s)",
                            setAside.size(), String.join(", ", setAside.stream().map(InputCheck.Reject::rawValue)
                                    .distinct().toList())));
            c.notices().forEach(n -> out.println("  " + n));
            rejects.stream().limit(rejectsShown).forEach(r -> out.printf(Locale.ROOT, "  line %d, %s '%s': %s (%s)%n",
                    r.line(), r.column(), r.rawValue(), r.reason(), r.rule()));
            if (rejects.size() > rejectsShown) {
                out.printf(Locale.ROOT, "  … and %,d more rejected rows (--rejects shows more)%n",
                        rejects.size() - rejectsShown);
            }
        }
        layout.unreadFiles().forEach(f -> out.println("Not read: " + f));
        out.printf(Locale.ROOT, "Checked %,d files in %s: %,d rows, %,d would be rejected, %,d files cannot be read. "
                + "Duplicates between rows are checked by the run. Nothing was written.%n", checks.size(), input, rows, rejected, unreadable);
        return rejected == 0 && unreadable == 0 ? ExitCode.OK.code() : ExitCode.BAD_INPUT.code();
    }
}
