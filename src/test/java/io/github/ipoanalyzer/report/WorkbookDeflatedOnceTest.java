package io.github.ipoanalyzer.report;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkbookDeflatedOnceTest {

    @TempDir
    Path folder;

    /**
     * POI's own writer is the reference: the same cells give every entry the same XML, in the
     * same order; reading each entry checks its CRC-32 and length.
     */
    @Test
    @Timeout(120)
    void everyEntryHoldsTheXmlOfPoisOwnWriter() throws Exception {
        SXSSFWorkbook reference = new SXSSFWorkbook(200);
        Map<String, byte[]> expected;
        try {
            fill(reference);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            reference.write(out);
            expected = entries(out.toByteArray()); // POI's zip64 headers: read by their central directory
        } finally {
            reference.dispose();
            reference.close();
        }
        WorkbookDeflatedOnce once = new WorkbookDeflatedOnce();
        byte[] written;
        try {
            fill(once);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            once.writeTo(out);
            written = out.toByteArray();
        } finally {
            once.dispose();
            once.close();
        }
        Map<String, byte[]> actual = entries(written);
        assertEquals(List.copyOf(actual.keySet()), List.copyOf(entriesOneAfterTheOther(written).keySet()),
                "the local headers agree with the central directory, each entry's CRC-32 and length checked");
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(actual.keySet()), "the same entries in the same order");
        for (String name : expected.keySet()) {
            assertArrayEquals(expected.get(name), actual.get(name), name);
        }
        assertTrue(expected.get("xl/worksheets/sheet1.xml").length > 4 * 256 * 1024,
                "the long sheet's rows span several chunks handed to the deflating thread");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(written))) {
            assertEquals("row 19998 <&> \"第\"", book.getSheet("long").getRow(19_999).getCell(1).getStringCellValue());
            assertEquals("é ü 第 \uD83D\uDE00 \uDB80\uDC00 lone ? and ? ends ?", book.getSheet("long").getRow(20_000).getCell(1).getStringCellValue());
            assertEquals(19_998 * 1.25, book.getSheet("long").getRow(19_999).getCell(2).getNumericCellValue());
            assertEquals(null, book.getSheet("long").getRow(20_000).getCell(2), "19,999 is a multiple of 7: no cell");
            assertEquals(-1, book.getSheet("empty").getLastRowNum());
            assertEquals("one", book.getSheet("one").getRow(0).getCell(0).getStringCellValue());
            assertEquals("sheet 11 row 3999", book.getSheet("more 11").getRow(3_999).getCell(0).getStringCellValue());
        }
    }

    /**
     * A workbook given up while its rows are being compressed (a failed report, or one stopped):
     * its temporary files are deleted, its deflating thread ends, and nothing waits for ever.
     */
    @Test
    @Timeout(120)
    void aWorkbookGivenUpMidwayLeavesNoFileAndNoThread() throws Exception {
        java.util.concurrent.atomic.AtomicReference<Throwable> failed = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<Thread> deflating = new java.util.concurrent.atomic.AtomicReference<>();
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(folder.toFile()));
        try {
            Thread writer = new Thread(() -> {
                WorkbookDeflatedOnce book = new WorkbookDeflatedOnce();
                try {
                    SXSSFSheet sheet = book.createSheet("given up");
                    for (int i = 0; i < 100_000; i++) { // several megabytes of XML: chunks queued for the deflating thread
                        sheet.createRow(i).createCell(0).setCellValue("row " + i + " of a sheet given up");
                    }
                    book.createSheet("not begun");
                    deflating.set(Thread.getAllStackTraces().keySet().stream()
                            .filter(t -> t.getName().equals("given-up-book-deflate")).findFirst().orElseThrow());
                } finally {
                    book.dispose();
                    try {
                        book.close();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }, "given-up-book");
            writer.setUncaughtExceptionHandler((thread, e) -> failed.set(e));
            writer.start();
            writer.join();
            assertNull(failed.get(), "giving the workbook up threw nothing");
            deflating.get().join(10_000);
            try (java.util.stream.Stream<Path> left = Files.list(folder)) {
                assertEquals(List.of(), left.toList(), "no temporary file left");
            }
            assertFalse(deflating.get().isAlive(), "the deflating thread has ended");
        } finally {
            TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy());
        }
    }

    /** A long sheet of text and numbers, frozen and filtered, an empty one and one of one cell. */
    private static void fill(SXSSFWorkbook book) {
        CellStyle number = book.createCellStyle();
        number.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));
        SXSSFSheet sheet = book.createSheet("long");
        Row header = sheet.createRow(0);
        header.createCell(0).setCellValue("n");
        header.createCell(1).setCellValue("text");
        header.createCell(2).setCellValue("amount");
        for (int i = 0; i < 20_000; i++) {
            Row row = sheet.createRow(i + 1);
            row.createCell(0).setCellValue(i);
            row.createCell(1).setCellValue(i % 1_000 == 999 ? "é ü 第 \uD83D\uDE00 \uDB80\uDC00 lone \uD800 and \uDC00 ends \uD83D"
                    : "row " + i + " <&> \"第\""); // one, two, three and four bytes of UTF-8, and surrogates without a pair
            if (i % 7 != 0) {
                row.createCell(2).setCellValue(i * 1.25);
                row.getCell(2).setCellStyle(number);
            }
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, 20_000, 0, 2));
        sheet.setColumnWidth(1, 30 * 256);
        book.createSheet("empty");
        book.createSheet("one").createRow(0).createCell(0).setCellValue("one");
        for (int s = 0; s < 12; s++) {
            // More sheets than chunks may be in flight, each of more than a chunk: each has handed
            // one off and holds the next, partly filled, while the others are written.
            SXSSFSheet more = book.createSheet("more " + s);
            for (int i = 0; i < 4_000; i++) {
                more.createRow(i).createCell(0).setCellValue("sheet " + s + " row " + i);
            }
        }
        java.util.Date created = new java.util.Date(1_764_892_800_000L); // fixed, as the report's are: else the clock's
        book.getXSSFWorkbook().getProperties().getCoreProperties().setCreated(java.util.Optional.of(created));
        book.getXSSFWorkbook().getProperties().getCoreProperties().setModified(java.util.Optional.of(created));
    }

    /** The entries by the zip's central directory, in its order. */
    private Map<String, byte[]> entries(byte[] zip) throws IOException {
        Path file = Files.createTempFile(folder, "book", ".xlsx");
        Files.write(file, zip);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile in = new ZipFile(file.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                try (InputStream data = in.getInputStream(entry)) {
                    entries.put(entry.getName(), data.readAllBytes());
                }
            }
        }
        return entries;
    }

    /** The entries by their local headers, one after the other, as a streaming reader sees them. */
    private static Map<String, byte[]> entriesOneAfterTheOther(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
