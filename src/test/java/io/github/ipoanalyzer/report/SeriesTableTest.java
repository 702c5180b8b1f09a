package io.github.ipoanalyzer.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SeriesTableTest {

    @TempDir
    Path report;

    @Test
    void rowsGoToTheFileOfTheirMonthInListingOrderAndAFullMonthGoesOnInAPart() throws Exception {
        SeriesTable series = new SeriesTable(report, "market-value", "Market value", List.of("ticker", "date", "cap"),
                "date", 3);
        SeriesSpec spec = new SeriesSpec("market-value", "Market value", List.of("ticker", "date", "cap"), "date");
        ListingRows first = spec.blankRows("");   // one listing's rows, rendered elsewhere
        first.add(List.of("A", "2025-12-30", "1"));
        first.add(List.of("A", "2025-12-31", "2"));
        first.add(List.of("A", "2026-01-02", "3"));
        ListingRows second = spec.blankRows("");
        second.add(List.of("B", "2025-12-31", "4"));
        second.add(List.of("B", "2026-01-02", "5"));
        series.append(first.rendered());
        series.append(second.rendered());
        ListingRows third = spec.blankRows("");
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

    private String read(String file) throws Exception {
        return Files.readString(report.resolve("series/market-value").resolve(file), StandardCharsets.UTF_8);
    }
}
