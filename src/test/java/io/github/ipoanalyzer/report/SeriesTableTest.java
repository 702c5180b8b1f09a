package io.github.ipoanalyzer.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeriesTableTest {

    @TempDir
    Path report;

    @Test
    void rowsGoToTheFileOfTheirMonthInListingOrderAndAFullMonthGoesOnInAPart() throws Exception {
        SeriesTable series = new SeriesTable(report, "market-value", "Market value", List.of("ticker", "date", "cap"),
                "date", 3);
        SeriesSpec spec = new SeriesSpec("market-value", "Market value", List.of("ticker", "date", "cap"), "date");
        ListingRows first = spec.blankRows(Optional.empty());   // one listing's rows, rendered elsewhere
        first.add(List.of("A", "2025-12-30", "1"));
        first.add(List.of("A", "2025-12-31", "2"));
        first.add(List.of("A", "2026-01-02", "3"));
        ListingRows second = spec.blankRows(Optional.empty());
        second.add(List.of("B", "2025-12-31", "4"));
        second.add(List.of("B", "2026-01-02", "5"));
        series.append(first.rendered());
        series.append(second.rendered());
        ListingRows third = spec.blankRows(Optional.empty());
        third.add(List.of("C", "2025-12-31", "6"));
        series.append(third.rendered());
        series.close();

        assertEquals(List.of("series/market-value/2025-12.csv", "series/market-value/2025-12_part2.csv",
                "series/market-value/2026-01.csv"), series.files().stream().map(ReportFile::fileName).toList());
        assertEquals(6, series.rowCount());
        assertEquals("\uFEFFticker,date,cap\r\nA,2025-12-30,1\r\nA,2025-12-31,2\r\nB,2025-12-31,4\r\n",
                read("2025-12.csv"), "at most 3 data rows a file (a sheet holds 1,048,576 rows with the header)");
        assertEquals("\uFEFFticker,date,cap\r\nC,2025-12-31,6\r\n", read("2025-12_part2.csv"));
        assertEquals("\uFEFFticker,date,cap\r\nA,2026-01-02,3\r\nB,2026-01-02,5\r\n", read("2026-01.csv"));
        assertEquals(1_048_575, SeriesTable.MAX_DATA_ROWS);
    }

    @Test
    void aRowOfAMonthTakenOverIsLeftOutEvenAfterARowOfAComputedMonth() {
        SeriesSpec spec = new SeriesSpec("market-value", "Market value", List.of("ticker", "date", "cap"), "date");
        ListingRows rows = spec.blankRows(Optional.of(YearMonth.of(2026, 1)));
        rows.add(List.of("A", "2026-01-05", "1"));
        rows.add(List.of("A", "2025-12-31", "2")); // out of date order, in a month taken over
        rows.add(List.of("A", "2026-01-06", "3"));
        rows.add(List.of("A", "2026-02-02", "4"));

        List<RenderedRows.Chunk> chunks = rows.rendered().chunks();
        assertEquals(List.of("2026-01", "2026-02"), chunks.stream().map(RenderedRows.Chunk::month).toList());
        assertEquals("A,2026-01-05,1\r\nA,2026-01-06,3\r\n", new String(chunks.get(0).utf8(), StandardCharsets.UTF_8));
        assertEquals(List.of(2L, 1L), chunks.stream().map(RenderedRows.Chunk::count).toList());
    }

    @Test
    void monthsBeforeTheFirstComputedOneAreTakenOverFromTheReportBeforeAndNotRendered() throws Exception {
        Path before = report.resolve("before");
        Files.createDirectories(before.resolve("series/market-value"));
        Files.writeString(before.resolve("series/market-value/2025-12.csv"), "\uFEFFticker,date,cap\r\nA,2025-12-31,2\r\n");
        Files.writeString(before.resolve("series/market-value/2025-12_part2.csv"), "\uFEFFticker,date,cap\r\nB,2025-12-31,4\r\n");
        Files.writeString(before.resolve("series/market-value/2026-01.csv"), "\uFEFFticker,date,cap\r\nA,2026-01-02,3\r\n");
        String h1 = io.github.ipoanalyzer.store.InputFingerprint.sha256(before.resolve("series/market-value/2025-12.csv"));
        String h2 = io.github.ipoanalyzer.store.InputFingerprint.sha256(before.resolve("series/market-value/2025-12_part2.csv"));
        Map<String, Manifest.Output> listed = Map.of("series/market-value/2025-12.csv", new Manifest.Output(h1, 1, -1),
                "series/market-value/2025-12_part2.csv", new Manifest.Output(h2, 1, -1),
                "series/market-value/2026-01.csv", new Manifest.Output("h3", 1, -1),
                "series/lot-gains/2025-12.csv", new Manifest.Output("h4", 7, -1));
        PublishedHashes hashes = PublishedHashes.in(report);
        Path now = report.resolve("now");
        SeriesTable series = new SeriesTable(now, "market-value", "Market value", List.of("ticker", "date", "cap"), "date");
        series.carry(before, listed, "2026-01", hashes);
        SeriesSpec spec = new SeriesSpec("market-value", "Market value", List.of("ticker", "date", "cap"), "date");
        ListingRows rows = spec.blankRows(Optional.of(YearMonth.of(2026, 1)));
        assertFalse(rows.keeps(java.time.LocalDate.of(2025, 12, 31)), "a taken-over month is not rendered");
        assertTrue(rows.keeps(java.time.LocalDate.of(2026, 1, 2)));
        rows.add(List.of("A", "2025-12-31", "2"));
        rows.add(List.of("A", "2026-01-05", "9"));
        series.append(rows.rendered());
        series.close();

        assertEquals(List.of("series/market-value/2025-12.csv", "series/market-value/2025-12_part2.csv",
                "series/market-value/2026-01.csv"), series.files().stream().map(ReportFile::fileName).toList());
        assertEquals(List.of(h1, h2), series.files().stream().limit(2).map(ReportFile::sha256).toList(),
                "a taken-over file keeps the hash its manifest lists");
        assertEquals(3, series.rowCount());
        assertEquals(Files.getAttribute(before.resolve("series/market-value/2025-12.csv"), "unix:ino"),
                Files.getAttribute(now.resolve("series/market-value/2025-12.csv"), "unix:ino"), "linked, not copied");
        assertEquals("\uFEFFticker,date,cap\r\nA,2026-01-05,9\r\n",
                Files.readString(now.resolve("series/market-value/2026-01.csv"), StandardCharsets.UTF_8));

        SeriesTable again = new SeriesTable(report.resolve("again"), "market-value", "Market value",
                List.of("ticker", "date", "cap"), "date");
        again.carry(before, listed, "2026-01", hashes);
        ListingRows late = spec.blankRows(Optional.empty());
        late.add(List.of("C", "2025-12-31", "6"));
        assertThrows(IllegalStateException.class, () -> again.append(late.rendered()),
                "rows of a month taken over mean the partitions were computed for other months");

        Files.delete(before.resolve("series/market-value/2025-12_part2.csv"));
        IOException gone = assertThrows(IOException.class, () -> new SeriesTable(report.resolve("gone"), "market-value",
                "Market value", List.of("ticker", "date", "cap"), "date").carry(before, listed, "2026-01", hashes));
        assertTrue(gone.getMessage().contains("run again with --force"), gone.getMessage());
        IOException outside = assertThrows(IOException.class, () -> new SeriesTable(report.resolve("outside"),
                "market-value", "Market value", List.of("ticker", "date", "cap"), "date").carry(before,
                Map.of("series/market-value/../../../etc/2025-01.csv", new Manifest.Output("h", 1, -1)), "2026-01", hashes));
        assertTrue(outside.getMessage().contains("outside its folder"), outside.getMessage());

        // A month whose bytes are not those listed (changed after the months were chosen) is refused, even with
        // its size and modification time as they were.
        IOException changed = assertThrows(IOException.class, () -> new SeriesTable(report.resolve("changed"),
                "market-value", "Market value", List.of("ticker", "date", "cap"), "date").carry(before,
                Map.of("series/market-value/2025-12.csv", new Manifest.Output("0".repeat(64), 1, -1)), "2026-01", hashes));
        assertTrue(changed.getMessage().contains("is not the file its report published") 
                && changed.getMessage().contains("run again with --force"), changed.getMessage());
    }

    private String read(String file) throws Exception {
        return Files.readString(report.resolve("series/market-value").resolve(file), StandardCharsets.UTF_8);
    }
}
