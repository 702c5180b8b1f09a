package io.github.ipoanalyzer.report;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvValidationException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * report.xlsx: one sheet per table of figures (the run's accounting of its inputs, rejects.csv
 * and input-files.csv, and changes.csv stay in their CSVs), read back from the CSVs just written, so that every
 * cell is the CSV's figure. A cell that is a plain decimal of at most 15 significant digits (what
 * a spreadsheet number holds exactly) is a number, shown as a percentage in a {@code _fraction}
 * column and with thousands separators and the CSV's decimals elsewhere; every other cell is the
 * CSV's text (identifiers, dates, notes). The header row is frozen and filtered, and columns are
 * as wide as their longest value (up to {@link #MAX_COLUMN_CHARS}). A per-close series is one
 * sheet of all its months while they fit a sheet; a table past that is not copied and its sheet
 * says which files hold it.
 * The same report gives the same bytes: the document's dates are the as-of day's.
 */
public final class Workbook {

    public static final String FILE = "report.xlsx";
    /** The rows a sheet holds below its header (Excel's and WPS's 1,048,576 rows, less one). */
    static final long MAX_SHEET_ROWS = SeriesTable.MAX_DATA_ROWS;
    static final int MAX_COLUMN_CHARS = 60;
    /** The characters a cell holds (Excel's and WPS's limit): a longer CSV value is cut, saying so. */
    static final int MAX_CELL_CHARS = 32_767;
    /** How many rows of a sheet its column widths are measured on: enough to see its values' lengths. */
    private static final int MEASURED_ROWS = 1_000;
    private static final int EXACT_DIGITS = 15;
    /**
     * The run's accounting of its input files, which differs between two runs of the same figures
     * (the run that parsed a file, rows rejected by a partial file), and what changed since the
     * previous report, which depends on the report before: left to their CSVs, so that the
     * workbook, like the figures' CSVs, is the same for the same figures.
     */
    static final java.util.Set<String> LEFT_TO_THEIR_CSV = java.util.Set.of("rejects.csv", "input-files.csv",
            "changes.csv");

    private Workbook() {
    }

    /** Writes {@code folder}/report.xlsx from the report's closed tables and series. */
    public static void write(Labels t, Path folder, List<CsvTable> tables, List<SeriesTable> series, LocalDate asOf)
            throws IOException {
        write(t, folder, tables, CompletableFuture.completedFuture(List.of()), series, asOf);
    }

    /**
     * The same, begun before every table is closed: the sheets of {@code tables} (closed) are
     * written first, then those of {@code later} once the caller has closed them, then the series.
     */
    public static void write(Labels t, Path folder, List<CsvTable> tables, Future<List<CsvTable>> later,
                             List<SeriesTable> series, LocalDate asOf) throws IOException {
        write(t, folder, tables, later, series, asOf, MAX_SHEET_ROWS);
    }

    /** {@code maxSheetRows}: a series of more rows is not put in a sheet. */
    static void write(Labels t, Path folder, List<CsvTable> tables, List<SeriesTable> series, LocalDate asOf,
                      long maxSheetRows) throws IOException {
        write(t, folder, tables, CompletableFuture.completedFuture(List.of()), series, asOf, maxSheetRows);
    }

    private static void write(Labels t, Path folder, List<CsvTable> tables, Future<List<CsvTable>> later,
                              List<SeriesTable> series, LocalDate asOf, long maxSheetRows) throws IOException {
        WorkbookDeflatedOnce book = new WorkbookDeflatedOnce();
        try {
            Styles styles = new Styles(book);
            for (CsvTable table : sheets(tables)) {
                add(t, folder, book, styles, table, maxSheetRows);
            }
            for (CsvTable table : sheets(closed(later))) {
                add(t, folder, book, styles, table, maxSheetRows);
            }
            for (SeriesTable s : series) {
                SXSSFSheet sheet = book.createSheet(sheetName(t, s.folder().substring(s.folder().lastIndexOf('/') + 1)));
                List<Path> months = s.files().stream().map(f -> folder.resolve(f.fileName())).toList();
                if (s.rowCount() > maxSheetRows) {
                    tooLong(t, sheet, styles, s.rowCount(), maxSheetRows, t.format("inMonthFiles",
                            String.format(java.util.Locale.ROOT, "%,d", months.size()), s.folder()));
                } else {
                    fill(t, folder, sheet, styles, months);
                }
            }
            Date created = Date.from(asOf.atStartOfDay(ZoneOffset.UTC).toInstant());
            book.getXSSFWorkbook().getProperties().getCoreProperties().setCreated(Optional.of(created));
            book.getXSSFWorkbook().getProperties().getCoreProperties().setModified(Optional.of(created));
            // Every zip entry is dated 1980-01-01; with the document's dates fixed, the bytes are the report's own.
            try (OutputStream out = Files.newOutputStream(folder.resolve(FILE))) {
                book.writeTo(out);
            }
        } finally {
            try {
                book.dispose(); // the sheets' temporary files and the deflating thread, a workbook written or not
            } finally {
                book.close();
            }
        }
    }

    /** The tables that have a sheet, in their order. */
    private static List<CsvTable> sheets(List<CsvTable> tables) {
        return tables.stream().filter(c -> !LEFT_TO_THEIR_CSV.contains(c.fileName())).toList();
    }

    /** The tables closed later, once they are: a wait interrupted (the report given up) stops the writing. */
    private static List<CsvTable> closed(Future<List<CsvTable>> later) throws IOException {
        try {
            return later.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("stopped while waiting for the report's last tables");
        } catch (CancellationException e) {
            throw new java.io.InterruptedIOException("the report stopped before its last tables were written");
        } catch (ExecutionException e) {
            throw new IOException("the report's last tables were not written: " + e.getCause(), e.getCause());
        }
    }

    /** The sheet of one table, in the workbook's order. */
    private static void add(Labels t, Path folder, SXSSFWorkbook book, Styles styles, CsvTable table, long maxSheetRows)
            throws IOException {
        SXSSFSheet sheet = book.createSheet(sheetName(t, table.fileName()));
        if (table.rowCount() > maxSheetRows) {
            tooLong(t, sheet, styles, table.rowCount(), maxSheetRows, t.format("inFile", table.fileName()));
        } else {
            fill(t, folder, sheet, styles, List.of(folder.resolve(table.fileName())));
        }
    }

    /**
     * A sheet's name: the table's, by its file name without ".csv", in the report's language (the
     * file name itself in English; Excel allows 31 characters).
     */
    static String sheetName(Labels t, String fileName) {
        String name = t.sheet(fileName.endsWith(".csv") ? fileName.substring(0, fileName.length() - 4) : fileName);
        return name.length() > 31 ? name.substring(0, 31) : name;
    }

    /** The rows of one CSV, or of the months of a series one after the other (one header). */
    private static void fill(Labels t, Path folder, SXSSFSheet sheet, Styles styles, List<Path> files) throws IOException {
        int rowIndex = 0;
        String[] header = null;
        int[] widths = new int[0];
        for (Path file : files) {
            try (CSVReader csv = new CSVReader(new InputStreamReader(withoutBom(Files.newInputStream(file)),
                    StandardCharsets.UTF_8))) {
                String[] first = csv.readNext();
                if (header == null) {
                    header = first;
                    widths = new int[header.length];
                    Row row = sheet.createRow(rowIndex++);
                    for (int c = 0; c < header.length; c++) {
                        Cell cell = row.createCell(c);
                        String shown = t.column(header[c]);
                        cell.setCellValue(shown);
                        cell.setCellStyle(styles.header);
                        widths[c] = width(shown);
                    }
                }
                for (String[] values = csv.readNext(); values != null; values = csv.readNext()) {
                    Row row = sheet.createRow(rowIndex++);
                    for (int c = 0; c < values.length; c++) {
                        String value = values[c].length() <= MAX_CELL_CHARS ? values[c]
                                : cut(t, values[c], folder.relativize(file).toString().replace('\\', '/'));
                        int shown = put(row, c, value, header[c], styles);
                        if (rowIndex <= MEASURED_ROWS) {
                            widths[c] = Math.max(widths[c], shown);
                        }
                    }
                }
            } catch (CsvValidationException e) {
                throw new IOException("cannot read " + file + " back for " + FILE + ": " + e.getMessage(), e);
            }
        }
        if (header == null) {
            return;
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, rowIndex - 1), 0, header.length - 1));
        for (int c = 0; c < header.length; c++) {
            // Units of 1/256 of a character; two more for the filter's button.
            sheet.setColumnWidth(c, Math.min(MAX_COLUMN_CHARS, widths[c] + 2) * 256);
        }
    }

    /** A table with more rows than a sheet holds: where its rows are instead. */
    private static void tooLong(Labels t, SXSSFSheet sheet, Styles styles, long rows, long maxSheetRows, String where) {
        Cell cell = sheet.createRow(0).createCell(0);
        cell.setCellValue(t.format("tooLong", String.format(java.util.Locale.ROOT, "%,d", rows),
                String.format(java.util.Locale.ROOT, "%,d", maxSheetRows), where));
        cell.setCellStyle(styles.header);
        sheet.setColumnWidth(0, 120 * 256);
    }

    /**
     * A value longer than a cell holds: as much of it as fits with the words that say it is cut and
     * that {@code file} (the CSV the sheet is read from) has it whole.
     */
    static String cut(Labels t, String value, String file) {
        String note = " " + t.format("cellCut", String.format(java.util.Locale.ROOT, "%,d", value.length()), file);
        int keep = MAX_CELL_CHARS - note.length();
        if (Character.isHighSurrogate(value.charAt(keep - 1))) {
            keep--; // never half a character
        }
        return value.substring(0, keep) + note;
    }

    /** How wide a header is shown, in characters: a Chinese character takes two. */
    private static int width(String text) {
        return text.codePoints().map(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || c >= 0xFF00 && c <= 0xFFEF ? 2 : 1).sum();
    }

    /**
     * The decimals of {@code value} where it is a plain decimal ({@code -?(0|[1-9][0-9]*)(\.[0-9]+)?})
     * of at most {@link #EXACT_DIGITS} significant digits (a BigDecimal's precision: leading zeros
     * not counted, one for zero), which a spreadsheet number holds exactly; else -1.
     */
    static int plainDecimalScale(String value) {
        int length = value.length();
        int i = length > 0 && value.charAt(0) == '-' ? 1 : 0;
        int integerStart = i;
        while (i < length && isDigit(value.charAt(i))) {
            i++;
        }
        if (i == integerStart || i - integerStart > 1 && value.charAt(integerStart) == '0') {
            return -1;
        }
        int integerEnd = i;
        int scale = 0;
        if (i < length) {
            if (value.charAt(i) != '.' || i + 1 == length) {
                return -1;
            }
            for (i++; i < length; i++) {
                if (!isDigit(value.charAt(i))) {
                    return -1;
                }
                scale++;
            }
        }
        int significant = 0;
        for (int d = integerStart; d < length; d++) {
            char c = value.charAt(d);
            if (d != integerEnd && (significant > 0 || c != '0')) {
                significant++;
            }
        }
        return Math.max(1, significant) <= EXACT_DIGITS ? scale : -1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Puts a CSV value in cell {@code c} of {@code row}: a number where it is one exactly, else the
     * text, no cell for an empty value (unknown, never 0); returns its width as shown.
     */
    private static int put(Row row, int c, String value, String column, Styles styles) {
        if (value.isEmpty()) {
            return 0;
        }
        Cell cell = row.createCell(c);
        int scale = plainDecimalScale(value);
        if (scale >= 0) {
            // The double nearest the decimal, as BigDecimal.doubleValue gives it (no negative zero): 15 digits are exact.
            double number = Double.parseDouble(value);
            cell.setCellValue(number == 0 ? 0.0 : number);
            boolean percent = column.endsWith("_fraction");
            int decimals = Math.max(0, scale - (percent ? 2 : 0));
            cell.setCellStyle(styles.number(percent, decimals));
            // As shown: the digits, a separator every three, the sign and a % sign.
            return value.length() + value.length() / 3 + (percent ? 2 : 0);
        }
        cell.setCellValue(value);
        // The default style, as a cell without one is written, but set: else the writer asks the sheet's columns for it at every cell.
        cell.setCellStyle(styles.plain);
        return value.length();
    }

    /** The cell styles, one per format used. */
    private static final class Styles {
        private final SXSSFWorkbook book;
        private final CellStyle header;
        /** The workbook's default style (index 0), which no cell's XML names. */
        private final CellStyle plain;
        /** By {@code decimals * 2 + (percent ? 1 : 0)}: a key without a string built for every cell. */
        private final Map<Integer, CellStyle> numbers = new HashMap<>();

        Styles(SXSSFWorkbook book) {
            this.book = book;
            this.plain = book.getCellStyleAt(0);
            this.header = book.createCellStyle();
            Font bold = book.createFont();
            bold.setBold(true);
            header.setFont(bold);
        }

        /** {@code #,##0.00} with {@code decimals} decimals, or {@code #,##0.00%}; the cell holds the exact figure. */
        CellStyle number(boolean percent, int decimals) {
            return numbers.computeIfAbsent(decimals * 2 + (percent ? 1 : 0), key -> {
                String format = "#,##0" + (decimals > 0 ? "." + "0".repeat(decimals) : "") + (percent ? "%" : "");
                CellStyle style = book.createCellStyle();
                style.setDataFormat(book.createDataFormat().getFormat(format));
                return style;
            });
        }
    }

    static InputStream withoutBom(InputStream in) throws IOException {
        PushbackInputStream pushback = new PushbackInputStream(in, 3);
        byte[] bom = new byte[3];
        int read = pushback.readNBytes(bom, 0, 3);
        if (read != 3 || (bom[0] & 0xFF) != 0xEF || (bom[1] & 0xFF) != 0xBB || (bom[2] & 0xFF) != 0xBF) {
            pushback.unread(bom, 0, read);
        }
        return pushback;
    }
}
