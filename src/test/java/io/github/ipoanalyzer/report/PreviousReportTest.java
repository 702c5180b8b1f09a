package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.store.InputFingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which report a run compares with: the one latest points to, read only when its manifest vouches for it. */
class PreviousReportTest {

    private static final String NOW = "\uFEFFticker,name_en,currency,listing_date,offer_price,latest_close,"
            + "latest_close_date,return_since_offer_fraction,below_issue_now,data_last_date\r\n"
            + "9903.HK,Iluvatar CoreX,HKD,2026-01-08,144.60,156.80,2026-01-08,0.084371,false,2026-01-08\r\n";

    @TempDir
    Path output;

    @Test
    void aReportAsOfALaterDayIsNotCompared() throws Exception {
        published("2026-02-02_run-000002", "2026-02-02", "{}", NOW, null);
        PreviousReport.Lookup lookup = PreviousReport.find(output, LocalDate.of(2026, 1, 12), Map.of());
        assertEquals(PreviousReport.Found.LATER, lookup.found());
        assertEquals("2026-02-02_run-000002", lookup.name());
        assertEquals(LocalDate.of(2026, 2, 2), lookup.asOf());
        assertNull(lookup.report());
        assertEquals(java.util.Optional.empty(), lookup.warning());
    }

    @Test
    void anEarlierReportIsReadWithTheSettingsItWasComputedWithOtherValuesOf() throws Exception {
        published("2026-01-09_run-000001", "2026-01-09", "{\"ipo.returns\":\"close\",\"ipo.keep\":\"30\"}", NOW, null);
        PreviousReport.Lookup lookup = PreviousReport.find(output, LocalDate.of(2026, 1, 12),
                Map.of("ipo.returns", "open", "ipo.keep", "30", "ipo.new", "1"));
        assertEquals(PreviousReport.Found.REPORT, lookup.found());
        assertEquals("156.80", lookup.report().now().get(0).get("latest_close"));
        assertEquals(List.of("ipo.new", "ipo.returns"), lookup.report().settingsThatDiffer());
    }

    @Test
    void anotherLanguageIsNoOtherSettingOfTheFiguresCompared() throws Exception {
        // The CSVs are the same bytes in English and Chinese: a reader is not told the figures differ in their settings.
        published("2026-01-09_run-000001", "2026-01-09", "{\"ipo.returns\":\"close\",\"ipo.lang\":\"en\"}", NOW, null);
        PreviousReport.Lookup lookup = PreviousReport.find(output, LocalDate.of(2026, 1, 12),
                Map.of("ipo.returns", "close", "ipo.lang", "zh"));
        assertEquals(List.of(), lookup.report().settingsThatDiffer());
    }

    @Test
    void aNowCsvThatIsNotWhatItsManifestListsIsNotRead() throws Exception {
        Path folder = published("2026-01-09_run-000001", "2026-01-09", "{}", NOW, "0".repeat(64));
        PreviousReport.Lookup lookup = PreviousReport.find(output, LocalDate.of(2026, 1, 12), Map.of());
        assertEquals(PreviousReport.Found.UNREADABLE, lookup.found());
        assertEquals(folder.toRealPath().resolve("now.csv") + " is not the file its report published (its SHA-256 "
                + "differs from 2026-01-09_run-000001's manifest): it was changed since", lookup.why());
        assertEquals("warning: no changes since the previous report computed: " + lookup.why(), lookup.warning().get());
    }

    /** A report folder with {@code now} as its now.csv, listed with {@code sha256} (null: its own), and latest pointing to it. */
    private Path published(String name, String asOf, String settings, String now, String sha256) throws Exception {
        Path folder = Files.createDirectories(output.resolve(name));
        Files.writeString(folder.resolve("now.csv"), now, StandardCharsets.UTF_8);
        String hash = sha256 != null ? sha256 : InputFingerprint.sha256(folder.resolve("now.csv"));
        Files.writeString(folder.resolve("manifest.json"), "{\"application\":\"ipo-analyzer\",\"asOf\":\"" + asOf
                + "\",\"runId\":1,\"settings\":" + settings + ",\"outputs\":[{\"file\":\"now.csv\",\"sha256\":\"" + hash
                + "\",\"bytes\":" + Files.size(folder.resolve("now.csv")) + ",\"rows\":1}]}", StandardCharsets.UTF_8);
        Files.createSymbolicLink(output.resolve("latest"), Path.of(name));
        return folder;
    }
}
