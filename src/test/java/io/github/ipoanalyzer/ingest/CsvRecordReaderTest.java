package io.github.ipoanalyzer.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.core.io.FileSystemResource;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvRecordReaderTest {

    @TempDir
    Path dir;
    private final List<String> notices = new ArrayList<>();

    private static final CsvFormat COLUMNS = new CsvFormat(List.of("ticker", "date", "close"), List.of("note"));

    @Test
    void readsHeaderByNameWithByteOrderMarkCrlfQuotesAndBlankLines() throws Exception {
        Files.writeString(dir.resolve("p.csv"), "\uFEFFClose,Ticker,Date,note\r\n"
                + "600.50,688795.SH,2025-12-05,\"a, quoted\r\nnote\"\r\n"
                + "\r\n"
                + "714.80,688795.SH,2025-12-17,\r\n", StandardCharsets.UTF_8);
        List<CsvRecord> records = readAll(reader("p.csv"), new ExecutionContext());

        assertEquals(2, records.size());
        assertEquals("600.50", records.get(0).get("close"));
        assertEquals("a, quoted\nnote", records.get(0).get("note"));
        assertEquals(2, records.get(0).line());
        assertEquals(5, records.get(1).line(), "the second record starts on line 5 (after a two-line quoted field and a blank line)");
        assertEquals("p.csv", records.get(1).file());
    }

    @Test
    void optionalColumnsMayBeLeftOutAndUnknownOnesAreReportedOnce() throws Exception {
        Files.writeString(dir.resolve("p.csv"), "ticker,date,close,sector,source\nA,2025-01-01,1,chips,x\n");
        assertEquals(1, readAll(reader("p.csv"), new ExecutionContext()).size());
        assertEquals(List.of("p.csv: column(s) not used: sector, source"), notices);
    }

    @Test
    void aHeaderOnlyFileIsANoticeNotAnError() throws Exception {
        Files.writeString(dir.resolve("p.csv"), "ticker,date,close\n");
        assertEquals(0, readAll(reader("p.csv"), new ExecutionContext()).size());
        assertEquals(List.of("p.csv: no data rows (header only)"), notices);
    }

    @Test
    void aLastLineWithoutALineEndIsReadAndNoticedWithItsValues() throws Exception {
        // As a copy cut short leaves it: 700.00 cut to 7.
        Files.writeString(dir.resolve("p.csv"), "ticker,date,close\r\n688802.SH,2025-12-22,700.00\r\n688802.SH,2025-12-23,7");
        List<CsvRecord> records = readAll(reader("p.csv"), new ExecutionContext());
        assertEquals("7", records.get(1).get("close"));
        assertEquals(List.of("p.csv: its last line, line 3, has no line end, and was read as it is, with the values "
                + "688802.SH | 2025-12-23 | 7. A file cut short while being copied ends like this: if it was, copy it again "
                + "and run again"), notices);

        notices.clear();
        Files.writeString(dir.resolve("q.csv"), "ticker,date,close\n688802.SH,2025-12-22,700.00\n\n   ");
        assertEquals(1, readAll(reader("q.csv"), new ExecutionContext()).size());
        assertEquals(List.of(), notices, "blanks after the last line end are no line of data");
    }

    @Test
    void restartsAfterTheLastCommittedRecord() throws Exception {
        Files.writeString(dir.resolve("p.csv"), "ticker,date,close\nA,2025-01-01,1\nB,2025-01-01,2\nC,2025-01-01,3\n");
        CsvRecordReader first = reader("p.csv");
        ExecutionContext context = new ExecutionContext();
        first.open(context);
        first.read();
        first.read();
        first.update(context);
        first.close();

        List<CsvRecord> rest = readAll(reader("p.csv"), context);
        assertEquals(1, rest.size());
        assertEquals("C", rest.get(0).get("ticker"));
        assertEquals(4, rest.get(0).line());
    }

    @Test
    void anEmptyFileIsAFileLevelError() throws Exception {
        Files.writeString(dir.resolve("p.csv"), "");
        Exception e = assertThrows(Exception.class, () -> reader("p.csv").open(new ExecutionContext()));
        assertEquals("p.csv is empty: expected a header line with the columns ticker,date,close,note", rootMessage(e));
    }

    @Test
    void aMissingColumnIsNamedAndAnotherDelimiterIsSuspected() throws Exception {
        Files.writeString(dir.resolve("p.csv"), "ticker;date;close\nA;2025-01-01;1\n");
        Exception e = assertThrows(Exception.class, () -> reader("p.csv").open(new ExecutionContext()));
        String message = rootMessage(e);
        assertTrue(message.startsWith("p.csv lacks the column(s) ticker, date, close; its header is: ticker;date;close"), message);
        assertTrue(message.contains("another delimiter than a comma"), message);
    }

    @Test
    void aGbkFileIsReadWithANotice() throws Exception {
        Files.write(dir.resolve("p.csv"), ("ticker,date,close,note\nA,2025-01-01,1,ok\nB,2025-01-01,2,摩尔线程\n")
                .getBytes(Charset.forName("GBK")));
        List<CsvRecord> records = readAll(reader("p.csv"), new ExecutionContext());
        assertEquals("摩尔线程", records.get(1).get("note"));
        assertEquals(List.of("p.csv: read as GB18030 (GBK) text: it is not UTF-8"), notices);
    }

    @Test
    void aGbkFileWhoseNotesHaveSignsBesideChineseIsGbk() throws Exception {
        // The shipped listings' notes: two × among sixteen Chinese characters; reported caps' ≈.
        Files.write(dir.resolve("p.csv"), ("ticker,date,close,note\nA,2025-01-01,1,发行价 × 股数 = 募资\n"
                + "B,2025-01-01,2,\"摩尔线程 ≈ 2,750× 认购 ≤ 上限 ①\"\n").getBytes(Charset.forName("GBK")));
        List<CsvRecord> records = readAll(reader("p.csv"), new ExecutionContext());
        assertEquals("摩尔线程 ≈ 2,750× 认购 ≤ 上限 ①", records.get(1).get("note"));
        assertEquals(List.of("p.csv: read as GB18030 (GBK) text: it is not UTF-8"), notices);
    }

    @Test
    void utf8WithABadByteIsRefusedNotReadAsGbk() throws Exception {
        // One stray byte in a UTF-8 file of Chinese names: read as GBK, every name would be garbled.
        byte[] utf8 = "ticker,date,close,note\nA,2025-01-01,1,摩尔线程\nB,2025-01-01,2,沐曦股份\n".getBytes(StandardCharsets.UTF_8);
        byte[] damaged = java.util.Arrays.copyOf(utf8, utf8.length + 1);
        System.arraycopy(utf8, 40, damaged, 41, utf8.length - 40);
        damaged[40] = (byte) 0xC3;
        Files.write(dir.resolve("p.csv"), damaged);
        Exception e = assertThrows(Exception.class, () -> readAll(reader("p.csv"), new ExecutionContext()));
        assertTrue(rootMessage(e).startsWith("p.csv is not valid UTF-8 at line 2"), rootMessage(e));
    }

    @Test
    void gbkIsToldFromDamagedUtf8AndFromAStrayByte() {
        String names = "ticker,name\n688795.SH,摩尔线程\n688802.SH,沐曦股份\n6082.HK,壁仞科技\n9903.HK,天数智芯\n";
        byte[] gbk = names.getBytes(Charset.forName("GBK"));
        byte[] utf8 = names.getBytes(StandardCharsets.UTF_8);
        assertTrue(ExportSniff.isChineseText(gbk) && !ExportSniff.damagedUtf8(gbk), "GBK text");
        assertTrue(ExportSniff.damagedUtf8(utf8), "UTF-8 text, damaged or not, is never GBK");
        assertTrue(!ExportSniff.isChineseText("ticker,date\nA,\u00C32025-01-01\n".getBytes(StandardCharsets.ISO_8859_1)),
                "one stray byte in ASCII is no Chinese text");
    }

    @Test
    void bytesValidInNeitherEncodingAreRefusedWithTheLineAndAHint() throws Exception {
        // UTF-8 in the first 64 KB, where the encoding is decided; a GBK line after it.
        String rows = "A,2025-01-01,1,ok\n".repeat(5000);
        byte[] head = ("ticker,date,close,note\n" + rows).getBytes(StandardCharsets.UTF_8);
        byte[] tail = "B,2025-01-01,2,摩尔线程\n".getBytes(Charset.forName("GBK"));
        byte[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        Files.write(dir.resolve("p.csv"), all);
        Exception e = assertThrows(Exception.class, () -> readAll(reader("p.csv"), new ExecutionContext()));
        assertEquals("p.csv is not valid UTF-8 at line 5002 (byte offset " + (head.length + 17) + "); save it as UTF-8 (a file saved by Excel or WPS on Chinese "
                + "Windows is often GBK)", rootMessage(e));
    }

    private CsvRecordReader reader(String file) {
        CsvRecordReader reader = new CsvRecordReader("test", dir, COLUMNS, (name, message) -> notices.add(name + ": " + message),
                name -> java.util.Optional.empty(), name -> java.util.Optional.empty());
        reader.setResource(new FileSystemResource(dir.resolve(file)));
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

    /** The message of the InputFileException in the chain (open() wraps it in an ItemStreamException). */
    private static String rootMessage(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof InputFileException) {
                return c.getMessage();
            }
        }
        throw new AssertionError("no InputFileException in " + t, t);
    }
}
