package io.github.ipoanalyzer.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The report a run publishes after: the folder {@code latest} of the same output folder points
 * to before publishing. What the changes compare is read from its published now.csv, verified
 * against its manifest as a file taken over is ({@link TakenOverFile#verified}), never from the
 * database; {@code settingsThatDiffer}: the settings of the figures it was computed with other values of.
 */
record PreviousReport(String name, LocalDate asOf, List<Map<String, String>> now, List<String> settingsThatDiffer) {

    /**
     * What was found: the previous report ({@code report}), none, one as of a later day (not
     * compared: {@code name} and {@code asOf} say which), or one that could not be read ({@code why}).
     */
    record Lookup(Found found, PreviousReport report, String name, LocalDate asOf, String why) {

        /** The run's note where the previous report could not be read (a report that should be comparable is not). */
        java.util.Optional<String> warning() {
            return found == Found.UNREADABLE ? java.util.Optional.of("warning: no changes since the previous report "
                    + "computed: " + why) : java.util.Optional.empty();
        }
    }

    enum Found { REPORT, NONE, LATER, UNREADABLE }

    static Lookup find(Path outputRoot, LocalDate asOf, Map<String, String> settings) {
        Path latest = outputRoot.resolve(ReportFolder.LATEST);
        if (!Files.exists(latest, LinkOption.NOFOLLOW_LINKS)) {
            return new Lookup(Found.NONE, null, null, null, null);
        }
        try {
            Path folder = latest.toRealPath();
            String name = folder.getFileName().toString();
            LocalDate previousAsOf = Manifest.asOf(folder).orElseThrow(() ->
                    new IOException(folder.resolve("manifest.json") + " is missing or names no as-of day"));
            if (previousAsOf.isAfter(asOf)) {
                // Its figures run past this report's as-of day: comparing with them would look ahead.
                return new Lookup(Found.LATER, null, name, previousAsOf, null);
            }
            Manifest.Output listed = Manifest.outputs(folder).get("now.csv");
            if (listed == null) {
                throw new IOException(folder.resolve("manifest.json") + " lists no now.csv");
            }
            List<Map<String, String>> now = CsvRows.read(TakenOverFile.verified(folder, "now.csv", listed),
                    Changes.NOW_COLUMNS);
            Map<String, String> before = Manifest.settings(folder);
            TreeSet<String> names = new TreeSet<>(settings.keySet());
            names.addAll(before.keySet());
            // The language changes words, not figures: the CSVs compared are the same bytes in either.
            List<String> differ = names.stream().filter(s -> !s.equals(Language.SETTING))
                    .filter(s -> !Objects.equals(settings.get(s), before.get(s))).toList();
            return new Lookup(Found.REPORT, new PreviousReport(name, previousAsOf, now, differ), name, previousAsOf, null);
        } catch (IOException | UncheckedIOException e) {
            String why = e instanceof NoSuchFileException gone ? gone.getFile() + " is gone" : e.getMessage();
            return new Lookup(Found.UNREADABLE, null, latest.toString(), null, why);
        }
    }
}
