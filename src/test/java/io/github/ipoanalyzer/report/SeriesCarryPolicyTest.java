package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.store.InputFingerprint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which months of the series a run takes over from the latest report: those before the earliest
 * change, and none from the first file that is not what that report's manifest lists.
 */
class SeriesCarryPolicyTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);

    @TempDir
    Path output;
    private Path previous;

    /** The latest report: a month file each of January, February and March 2026, as its manifest lists them. */
    @BeforeEach
    void aPublishedReport() throws Exception {
        previous = Files.createDirectories(output.resolve("2026-03-30_run-000001"));
        Path months = Files.createDirectories(previous.resolve("series/lot-gains"));
        StringBuilder outputs = new StringBuilder();
        for (String month : new String[]{"2026-01", "2026-02", "2026-03"}) {
            Path file = Files.writeString(months.resolve(month + ".csv"), "ticker,date\r\nA," + month + "-02\r\n",
                    StandardCharsets.UTF_8);
            outputs.append(outputs.isEmpty() ? "" : ",").append("{\"file\":\"series/lot-gains/").append(month)
                    .append(".csv\",\"sha256\":\"").append(InputFingerprint.sha256(file)).append("\",\"rows\":1,\"bytes\":")
                    .append(Files.size(file)).append('}');
        }
        Files.writeString(previous.resolve("manifest.json"), "{\"outputs\":[" + outputs + "]}");
        Files.createSymbolicLink(output.resolve(ReportFolder.LATEST), previous.getFileName());
    }

    @Test
    void theMonthsBeforeTheEarliestChangeAreTakenOver() throws Exception {
        SeriesCarry carry = decide(false, saved(previous), basisChangedOn(LocalDate.of(2026, 2, 10)));
        assertEquals(Optional.of(new SeriesTakeOver(previous.toRealPath(), YearMonth.of(2026, 2))), carry.takeOver());
        assertEquals("months before 2026-02 taken over from 2026-03-30_run-000001 (the earliest change is dated "
                + "2026-02-10)", carry.reason());
        assertEquals(Optional.empty(), carry.changed());
    }

    @Test
    void fromAFileThatIsNotWhatTheManifestListsEveryMonthIsComputed() throws Exception {
        // Same size, other bytes: found by its SHA-256.
        Files.writeString(previous.resolve("series/lot-gains/2026-01.csv"), "ticker,date\r\nB,2026-01-02\r\n");
        SeriesCarry carry = decide(false, saved(previous), basisChangedOn(LocalDate.of(2026, 3, 10)));
        assertEquals(Optional.of(YearMonth.of(2026, 1)), carry.fromMonth());
        assertTrue(carry.changed().orElseThrow().endsWith("not taken over: months from 2026-01 on are computed again"),
                carry.changed().toString());
    }

    @Test
    void nothingIsTakenOverWithForceWithoutABasisOrFromAReportThisDatabaseDidNotPublish() throws Exception {
        assertEquals(SeriesCarry.none("--force: every month of the series is computed"),
                decide(true, saved(previous), basisChangedOn(LocalDate.of(2026, 3, 10))));
        assertEquals(SeriesCarry.none("no earlier report to take months of the series over from"),
                decide(false, Optional.empty(), basisChangedOn(LocalDate.of(2026, 3, 10))));
        SeriesCarry other = decide(false, saved(output.resolve("elsewhere")), basisChangedOn(LocalDate.of(2026, 3, 10)));
        assertEquals(Optional.empty(), other.takeOver());
        assertTrue(other.reason().startsWith("the latest report " + previous.toRealPath() + " is not the one"), other.reason());
    }

    private SeriesCarry decide(boolean force, Optional<byte[]> saved, SeriesBasis now) {
        return SeriesCarryPolicy.decide(AS_OF, output, force, saved, () -> now);
    }

    /** The basis recorded when {@code folder} was published: one price block from 2026-01-02. */
    private static Optional<byte[]> saved(Path folder) throws Exception {
        String name = Files.exists(folder) ? folder.toRealPath().toString() : folder.toString();
        return Optional.of(new SeriesBasis(name, AS_OF.minusDays(1), "v1",
                Map.of("prices 1 60", LocalDate.of(2026, 1, 2))).toBytes());
    }

    /** What this run's series are computed from: the same block, and one more dated {@code day}. */
    private static SeriesBasis basisChangedOn(LocalDate day) {
        return new SeriesBasis("", AS_OF, "v1", Map.of("prices 1 60", LocalDate.of(2026, 1, 2), "prices 2 1", day));
    }
}
