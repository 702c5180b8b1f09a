package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.store.InputFingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.core.io.FileSystemResource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A file cut into ranges at line starts, with the line ends before each counted as the reader
 * counts them, and read range by range with the whole file's line numbers; a file where a line
 * start may be inside a quoted value is not cut.
 */
class FileRangesTest {

    private static final CsvFormat COLUMNS = new CsvFormat(List.of("ticker", "date", "close"), List.of("note"));

    @TempDir
    Path dir;

    /** A header and 9 rows, each line ending with {@code end} (18 and 15 bytes each with an LF). */
    private Path nineRows(String end) throws Exception {
        StringBuilder text = new StringBuilder("ticker,date,close" + end);
        for (int row = 1; row <= 9; row++) {
            text.append("A,2025-01-0").append(row).append(',').append(row).append(end);
        }
        return Files.writeString(dir.resolve("p.csv"), text);
    }

    @Test
    void cutsRightAfterTheLineEndPastEachShareCountingTheLinesBefore() throws Exception {
        // 18-byte header, rows of 15 bytes: 153 bytes; a third is 51, two thirds 102. The first range
        // keeps 2 rows at least: its cut is after the first line end at or past byte 51 (row 3 ends
        // at 18 + 45 = 63); the next after the first at or past 102 (row 6 ends at 108).
        Path file = nineRows("\n");
        FileRanges.Cut cut = FileRanges.cut(file, 0, 0, 1, 2, 3).orElseThrow();
        assertEquals(List.of("0-63 after 0", "63-108 after 4", "108-153 after 7"), describe(cut));
        assertEquals(InputFingerprint.sha256(file), cut.sha256());
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(sha256(Arrays.copyOfRange(bytes, 63, 108)), cut.ranges().get(1).sha256());

        // CRLF: 19-byte header, 16-byte rows, 163 bytes; thirds at 54 and 108: row 3 ends at 67, row 6 at 115.
        FileRanges.Cut crlf = FileRanges.cut(nineRows("\r\n"), 0, 0, 1, 2, 3).orElseThrow();
        assertEquals(List.of("0-67 after 0", "67-115 after 4", "115-163 after 7"), describe(crlf));

        // The first range holds 5 rows: the one-third cut waits for row 5 (ends at 93), the next at 108.
        assertEquals(List.of("0-93 after 0", "93-108 after 6", "108-153 after 7"),
                describe(FileRanges.cut(nineRows("\n"), 0, 0, 1, 5, 3).orElseThrow()));
    }

    @Test
    void eachRangeIsReadWithTheWholeFilesLineNumbers() throws Exception {
        Path file = nineRows("\r\n");
        List<String> read = new ArrayList<>();
        for (FileRanges.Range range : FileRanges.cut(file, 0, 0, 1, 2, 3).orElseThrow().ranges()) {
            List<String> lines = new ArrayList<>();
            for (CsvRecord r : readAll(reader(range), new ExecutionContext())) {
                lines.add(r.line() + ":" + r.get("close"));
            }
            read.add(String.join(" ", lines));
        }
        assertEquals(List.of("2:1 3:2 4:3", "5:4 6:5 7:6", "8:7 9:8 10:9"), read);
    }

    @Test
    void aRangeReaderRestartsAfterItsLastCommittedRecord() throws Exception {
        FileRanges.Range middle = FileRanges.cut(nineRows("\n"), 0, 0, 1, 2, 3).orElseThrow().ranges().get(1);
        CsvRecordReader first = reader(middle);
        ExecutionContext context = new ExecutionContext();
        first.open(context);
        assertEquals(5, first.read().line());
        first.update(context);
        first.close();
        List<CsvRecord> rest = readAll(reader(middle), context);
        assertEquals(List.of(6L, 7L), rest.stream().map(CsvRecord::line).toList());
        assertEquals("6", rest.get(1).get("close"));
    }

    @Test
    void aRangeWhoseBytesChangedFailsAtItsEnd() throws Exception {
        Path file = nineRows("\n");
        FileRanges.Range middle = FileRanges.cut(file, 0, 0, 1, 2, 3).orElseThrow().ranges().get(1);
        Files.writeString(file, Files.readString(file).replace("2025-01-05,5", "2025-01-05,8"));
        assertThrows(InputChangedException.class, () -> readAll(reader(middle), new ExecutionContext()));
    }

    @Test
    void aFileWhereALineStartMayBeInsideAQuotedValueIsNotCut() throws Exception {
        Path file = nineRows("\n");
        Files.writeString(file, Files.readString(file).replace("A,2025-01-08,8", "\"A\",2025-01-08,8"));
        assertEquals(Optional.empty(), FileRanges.cut(file, 0, 0, 1, 2, 3), "a quote after the header");
        Files.writeString(file, "\"ticker\",date,close\n" + Files.readString(nineRows("\n")).substring(18));
        assertTrue(FileRanges.cut(file, 0, 0, 1, 2, 3).isPresent(), "quotes in the header do not matter");
        Files.writeString(file, Files.readString(nineRows("\n")).replace('\n', '\r'));
        assertEquals(Optional.empty(), FileRanges.cut(file, 0, 0, 1, 2, 3), "lone CRs: no line feed to cut after");
        Files.writeString(file, "ticker,date,close\nA,2025-01-01," + "1".repeat(70_000) + "\n" + "A,2025-01-02,1\n".repeat(9));
        assertEquals(Optional.empty(), FileRanges.cut(file, 0, 0, 1, 2, 3), "a line longer than 64 KiB");
    }

    private static List<String> describe(FileRanges.Cut cut) {
        return cut.ranges().stream().map(r -> r.from() + "-" + r.to() + " after " + r.linesBefore()).toList();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private CsvRecordReader reader(FileRanges.Range range) {
        CsvRecordReader reader = new CsvRecordReader("p", dir, COLUMNS, (f, m) -> { }, f -> Optional.empty(),
                f -> Optional.empty());
        reader.setResource(new FileSystemResource(dir.resolve("p.csv")));
        reader.setRanges(f -> Optional.of(range));
        return reader;
    }

    private static List<CsvRecord> readAll(CsvRecordReader reader, ExecutionContext context) throws Exception {
        reader.open(context);
        List<CsvRecord> records = new ArrayList<>();
        for (CsvRecord r = reader.read(); r != null; r = reader.read()) {
            records.add(r);
        }
        reader.close();
        return records;
    }
}
