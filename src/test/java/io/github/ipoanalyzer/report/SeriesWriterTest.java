package io.github.ipoanalyzer.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The series written from the partitions' files: in listing order across the files, on a thread or not, and what stops it. */
class SeriesWriterTest {

    private static final List<String> HEADER = List.of("ticker", "date", "cap");
    private static final SeriesSpec SPEC = new SeriesSpec("market-value", "Market value", HEADER, "date");
    private static final String WORK = "1.0|run-7|0|3|series from the first month";
    private static final int PER_PARTITION = 300;

    @TempDir
    Path folder;

    @Test
    void theSeriesRowsOfEveryPartitionAreWrittenInListingOrderOnAThreadAsOnTheCallersOwn() throws Exception {
        ReportParts parts = twoPartitions();
        SeriesTable threaded = write(parts, folder.resolve("threaded"), true);
        SeriesTable here = write(parts, folder.resolve("here"), false);

        assertEquals(List.of("series/market-value/2025-12.csv", "series/market-value/2026-01.csv"),
                threaded.files().stream().map(ReportFile::fileName).toList());
        assertEquals(4L * PER_PARTITION, threaded.rowCount());
        String december = Files.readString(folder.resolve("threaded/series/market-value/2025-12.csv"), StandardCharsets.UTF_8);
        String[] lines = december.split("\r\n");
        assertEquals(2 * PER_PARTITION + 1, lines.length);
        assertEquals("L0,2025-12-31,0", lines[1]);
        assertEquals("L299,2025-12-31,598", lines[PER_PARTITION], "the first partition's last listing");
        assertEquals("L300,2025-12-31,600", lines[PER_PARTITION + 1], "then the second partition's first");
        assertEquals("L599,2025-12-31,1198", lines[2 * PER_PARTITION]);
        assertEquals(here.files().stream().map(ReportFile::sha256).toList(),
                threaded.files().stream().map(ReportFile::sha256).toList());
    }

    @Test
    void aSeriesThatCannotBeWrittenIsToldWithItsCause() throws Exception {
        ReportParts parts = twoPartitions();
        SeriesTable series = new SeriesTable(folder.resolve("report"), "market-value", "Market value", HEADER, "date");
        Path seriesFolder = folder.resolve("report/series/market-value");
        Files.delete(seriesFolder);
        Files.writeString(seriesFolder, "a file where the folder was");
        SeriesWriter writer = SeriesWriter.start(parts, List.of(series), List.of(1), true, () -> false);

        UncheckedIOException thrown = assertThrows(UncheckedIOException.class, writer::await);
        assertTrue(thrown.getMessage().startsWith("cannot write series/market-value/2025-12.csv"), thrown.getMessage());
    }

    @Test
    void aStopAskedForEndsTheWritingAsStopped() throws Exception {
        ReportParts parts = twoPartitions();
        SeriesTable series = new SeriesTable(folder.resolve("report"), "market-value", "Market value", HEADER, "date");
        SeriesWriter writer = SeriesWriter.start(parts, List.of(series), List.of(1), true, () -> true);

        assertThrows(PublishStoppedException.class, writer::await);
    }

    private static SeriesTable write(ReportParts parts, Path report, boolean ownThread) throws IOException {
        SeriesTable series = new SeriesTable(report, "market-value", "Market value", HEADER, "date");
        SeriesWriter.start(parts, List.of(series), List.of(1), ownThread, () -> false).await();
        return series;
    }

    /** Two partitions' files of listings whose records hold a plain table's row and then a series' rows. */
    private ReportParts twoPartitions() throws IOException {
        ReportParts parts = new ReportParts(folder.resolve("parts"));
        for (int partition = 0; partition < 2; partition++) {
            try (ReportPartWriter writer = parts.write(partition, WORK)) {
                for (int k = 0; k < PER_PARTITION; k++) {
                    int i = partition * PER_PARTITION + k;
                    ListingRows rows = SPEC.blankRows(Optional.empty());
                    rows.add(List.of("L" + i, "2025-12-31", String.valueOf(2 * i)));
                    rows.add(List.of("L" + i, "2026-01-02", String.valueOf(2 * i + 1)));
                    writer.add(ReportPartsTest.part(i, ReportPartsTest.moore(), List.of(
                            new RenderedRows(List.of(new RenderedRows.Chunk("", ("L" + i + "\r\n")
                                    .getBytes(StandardCharsets.UTF_8), 1))),
                            rows.rendered())));
                }
            }
        }
        return parts;
    }
}
