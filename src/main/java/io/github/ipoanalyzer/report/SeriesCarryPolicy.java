package io.github.ipoanalyzer.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Which months of the per-close series a run takes over from the latest published report in
 * its output folder: those before the earliest date from which anything they depend on differs
 * from what that report's series were computed from ({@link SeriesBasis}). A nightly run that
 * appended a day takes over every month before the new day's. Nothing is taken over with
 * --force, or without an earlier report or its basis. Every file to be taken over is verified
 * against that report's manifest first ({@link TakenOverFile}): from the month of the first that
 * is not what it lists (edited, gone, reached through a link), every month is computed, and the
 * carry says which file it was. A file whose state on disk is the one the run that published it
 * remembered is not read again ({@link PublishedHashes}).
 */
final class SeriesCarryPolicy {

    private SeriesCarryPolicy() {
    }

    /**
     * {@code saved}: the basis recorded when this database last published; {@code current}:
     * what this run's series are computed from (asked for only when an earlier report exists).
     */
    static SeriesCarry decide(LocalDate asOf, Path outputRoot, boolean recomputeAll, Optional<byte[]> saved,
                              Supplier<SeriesBasis> current) {
        if (recomputeAll) {
            return SeriesCarry.none("--force: every month of the series is computed");
        }
        Path latest = outputRoot.resolve(ReportFolder.LATEST);
        if (!Files.isDirectory(latest) || saved.isEmpty()) {
            return SeriesCarry.none("no earlier report to take months of the series over from");
        }
        try {
            Path previous = latest.toRealPath();
            SeriesBasis before;
            try {
                before = SeriesBasis.fromBytes(saved.get());
            } catch (IOException e) {
                throw new IOException("the basis of the latest report cannot be read (" + e.getMessage() + ")", e);
            }
            if (!before.folder().equals(previous.toString())) {
                return SeriesCarry.none("the latest report " + previous + " is not the one this database last "
                        + "published (" + before.folder() + "): every month of the series is computed");
            }
            Optional<LocalDate> change = before.firstChange(current.get());
            if (change.isPresent() && change.get().equals(LocalDate.MIN)) {
                return SeriesCarry.none("version, settings or fee schedule differ from " + previous.getFileName()
                        + "'s: every month of the series is computed");
            }
            // Nothing changed at all (other options): every month is taken over.
            YearMonth from = change.map(YearMonth::from).orElse(YearMonth.from(asOf).plusMonths(1));
            String why = change.map(d -> " (the earliest change is dated " + d + ")").orElse(" (nothing they depend on changed)");
            // Month by month, so that the first file that is not what the manifest lists sets where computing starts.
            Map<String, Map.Entry<String, Manifest.Output>> byMonth = new TreeMap<>();
            for (Map.Entry<String, Manifest.Output> output : Manifest.outputs(previous).entrySet()) {
                String file = output.getKey();
                if (file.startsWith(SeriesTable.FOLDER + "/") && file.endsWith(".csv")) {
                    Optional<String> month = SeriesTable.monthOf(file);
                    if (output.getValue().rows() < 0 || month.isEmpty()) {
                        return SeriesCarry.none(previous.getFileName() + "'s manifest does not list the rows of " + file
                                + ": every month of the series is computed");
                    }
                    byMonth.put(month.get() + " " + file, output);
                }
            }
            Optional<String> changed = Optional.empty();
            PublishedHashes hashes = PublishedHashes.in(outputRoot);
            for (Map.Entry<String, Map.Entry<String, Manifest.Output>> taken : byMonth.entrySet()) {
                YearMonth month = YearMonth.parse(taken.getKey().substring(0, 7));
                if (!month.isBefore(from)) {
                    break;
                }
                try {
                    TakenOverFile.verified(previous, taken.getValue().getKey(), taken.getValue().getValue(), hashes::sha256);
                } catch (IOException e) {
                    from = month;
                    why = " (" + taken.getValue().getKey() + " there is not what its manifest lists)";
                    changed = Optional.of(e.getMessage() + "; not taken over: months from " + month
                            + " on are computed again");
                }
            }
            hashes.save(); // each file's state when verified: the assembly checks it is still that before linking it
            return new SeriesCarry(Optional.of(new SeriesTakeOver(previous, from)), "months before " + from
                    + " taken over from " + previous.getFileName() + why, changed);
        } catch (IOException e) {
            return SeriesCarry.none(e.getMessage() + ": every month of the series is computed");
        }
    }
}
