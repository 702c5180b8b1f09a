package io.github.ipoanalyzer.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class CsvTableTest {

    private static final List<String> HEADER = List.of("ticker", "date", "note");
    private static final List<List<String>> ROWS = List.of(
            List.of("6082.HK", "2026-01-02", ""),
            List.of("688795.SH", "2026-01-05", "a \"quoted\" word, and a comma"),
            List.of("9903.HK", "2026-01-06", "two\r\nlines"),
            List.of("9903.HK", "2026-02-02", "天数智芯 × 1"));

    @TempDir
    Path folder;

    @Test
    void rowsRenderedInAPartitionAreTheBytesTheTableWritesItself() throws Exception {
        CsvTable direct = new CsvTable(folder, "direct.csv", "", HEADER);
        ROWS.forEach(direct::add);
        direct.close();
        CsvTable appended = new CsvTable(folder, "appended.csv", "", HEADER);
        ListingRows rows = new TableSpec("appended.csv", "", HEADER).blankRows(Optional.empty());
        ROWS.forEach(rows::add);
        appended.append(rows.rendered());
        appended.close();

        String expected = "\uFEFFticker,date,note\r\n6082.HK,2026-01-02,\r\n"
                + "688795.SH,2026-01-05,\"a \"\"quoted\"\" word, and a comma\"\r\n"
                + "9903.HK,2026-01-06,\"two\r\nlines\"\r\n9903.HK,2026-02-02,天数智芯 × 1\r\n";
        assertEquals(expected, Files.readString(folder.resolve("direct.csv"), StandardCharsets.UTF_8));
        assertEquals(expected, Files.readString(folder.resolve("appended.csv"), StandardCharsets.UTF_8));
        assertEquals(direct.sha256(), appended.sha256());
        assertEquals(4, appended.rowCount());
    }

    @Test
    void rowsAddedAndRowsAppendedInTurnKeepTheirOrder() throws Exception {
        CsvTable mixed = new CsvTable(folder, "mixed.csv", "", HEADER);
        mixed.add(ROWS.get(0));
        ListingRows rendered = new TableSpec("mixed.csv", "", HEADER).blankRows(Optional.empty());
        rendered.add(ROWS.get(1));
        mixed.append(rendered.rendered());
        mixed.add(ROWS.get(3));
        mixed.close();

        assertEquals("\uFEFFticker,date,note\r\n6082.HK,2026-01-02,\r\n"
                + "688795.SH,2026-01-05,\"a \"\"quoted\"\" word, and a comma\"\r\n9903.HK,2026-02-02,天数智芯 × 1\r\n",
                Files.readString(folder.resolve("mixed.csv"), StandardCharsets.UTF_8));
        assertEquals(3, mixed.rowCount());
    }

    @Test
    void aSeriesRendersEachMonthsRowsAsItsFileWritesThem() throws Exception {
        SeriesSpec spec = new SeriesSpec("notes", "", HEADER, "date");
        ListingRows rows = spec.blankRows(Optional.empty());
        ROWS.forEach(rows::add);
        List<RenderedRows.Chunk> chunks = rows.rendered().chunks();

        assertEquals(List.of("2026-01", "2026-02"), chunks.stream().map(RenderedRows.Chunk::month).toList());
        assertEquals("6082.HK,2026-01-02,\r\n688795.SH,2026-01-05,\"a \"\"quoted\"\" word, and a comma\"\r\n"
                + "9903.HK,2026-01-06,\"two\r\nlines\"\r\n", new String(chunks.get(0).utf8(), StandardCharsets.UTF_8));
        assertEquals(3, chunks.get(0).count());
        assertEquals("9903.HK,2026-02-02,天数智芯 × 1\r\n", new String(chunks.get(1).utf8(), StandardCharsets.UTF_8));
    }

    /** Linux's /dev/full takes the file's opening and refuses its first write, as a full disk does. */
    @Test
    void aTableThatCouldNotBeWrittenWholeSaysSoAtEveryCloseAndHasNoHash() {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "no writable /dev/full on this system");
        CsvTable table = new CsvTable(full.getParent(), "full", "", HEADER);
        ROWS.forEach(table::add);

        java.io.IOException first = assertThrows(java.io.IOException.class, table::close);
        assertTrue(first.getMessage().startsWith("cannot write full: "), first.getMessage());
        assertSame(first, assertThrows(java.io.IOException.class, table::close), "closed again, still not whole");
        assertThrows(IllegalStateException.class, table::sha256);
    }
}
