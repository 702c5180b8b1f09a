package io.github.ipoanalyzer.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A per-close series (a row per listing and close), written as one CSV per calendar month in
 * {@code series/<name>/YYYY-MM.csv}, so that every file opens in Excel or WPS (at most
 * 1,048,576 rows with the header: a month that would hold more goes on in
 * {@code YYYY-MM_part2.csv}) and a day added to the newest month leaves the files of earlier
 * months byte for byte as they were. Within a file, rows are in listing order, then by date.
 */
public final class SeriesTable implements ListingTable {

    public static final String FOLDER = "series";
    /** A spreadsheet sheet holds 1,048,576 rows; one is the header. */
    static final long MAX_DATA_ROWS = 1_048_575;

    private final Path reportFolder;
    private final String name;
    private final String description;
    private final List<String> header;
    private final int dateColumn;
    private final long maxRows;
    private final Map<String, CsvTable> current = new TreeMap<>();
    private final Map<String, Integer> parts = new HashMap<>();
    private final List<ReportFile> written = new ArrayList<>();
    private long rows;
    /** Months before this one were taken over from the report before ({@link #carry}); "" when none. */
    private String carriedBefore = "";

    public SeriesTable(Path reportFolder, String name, String description, List<String> header, String dateColumn) {
        this(reportFolder, name, description, header, dateColumn, MAX_DATA_ROWS);
    }

    SeriesTable(Path reportFolder, String name, String description, List<String> header, String dateColumn, long maxRows) {
        this.reportFolder = reportFolder;
        this.name = name;
        this.description = description;
        this.header = List.copyOf(header);
        this.dateColumn = header.indexOf(dateColumn);
        this.maxRows = maxRows;
        if (this.dateColumn < 0) {
            throw new IllegalArgumentException(name + " has no column " + dateColumn);
        }
        try {
            Files.createDirectories(reportFolder.resolve(folder()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder(), e);
        }
    }

    /** The folder of the series, relative to the report folder: {@code series/lot-gains}. */
    public String folder() {
        return FOLDER + "/" + name;
    }

    public String description() {
        return description;
    }

    /**
     * Takes over, from the published report folder {@code previous}, every file of this series
     * its manifest lists for a month before {@code fromMonth} (YYYY-MM): each is hard-linked into
     * this report (copied where the file system has no links), with the rows and SHA-256 listed.
     * Each was verified when the months were chosen ({@link TakenOverFile#verified}); it is
     * checked again before it is linked, without reading it while its state on disk is still the
     * one it was verified in ({@link PublishedHashes}). Rows of those months must not be
     * appended then.
     */
    void carry(Path previous, Map<String, Manifest.Output> outputs, String fromMonth, PublishedHashes hashes)
            throws IOException {
        String prefix = folder() + "/";
        for (Map.Entry<String, Manifest.Output> output : new TreeMap<>(outputs).entrySet()) {
            String file = output.getKey();
            if (!file.startsWith(prefix) || !file.endsWith(".csv") || month(file).compareTo(fromMonth) >= 0) {
                continue;
            }
            Path source;
            try {
                source = TakenOverFile.unchanged(previous, file, output.getValue());
                if (!hashes.stillAsVerified(source)) {
                    TakenOverFile.verified(previous, file, output.getValue(), hashes::sha256); // changed since: read it
                }
            } catch (IOException e) {
                throw new IOException(e.getMessage() + ", and this run takes it over: run again with --force to "
                        + "compute every month", e);
            }
            Path target = reportFolder.resolve(file);
            try {
                Files.createLink(target, source);
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(source, target);
            }
            hashes.linked(file, target);
            written.add(new ReportFile.Carried(file, monthDescription(month(file)), output.getValue().rows(),
                    output.getValue().sha256()));
            rows += output.getValue().rows();
        }
        carriedBefore = fromMonth;
    }

    private String monthDescription(String month) {
        return description + ", " + month;
    }

    private static final java.util.regex.Pattern MONTH_FILE =
            java.util.regex.Pattern.compile(FOLDER + "/[^/]+/(\\d{4}-\\d{2})(_part\\d+)?\\.csv");

    /** The month of a series file a manifest lists ({@code series/lot-gains/2024-03_part2.csv}: 2024-03); empty for any other name. */
    static java.util.Optional<String> monthOf(String file) {
        java.util.regex.Matcher m = MONTH_FILE.matcher(file);
        return m.matches() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
    }

    /** The month of one of this series' files: {@code series/market-value/2024-03_part2.csv} is 2024-03. */
    private String month(String file) {
        return file.substring(folder().length() + 1, folder().length() + 8);
    }

    @Override
    public void append(RenderedRows rendered) {
        for (RenderedRows.Chunk chunk : rendered.chunks()) {
            if (chunk.month().compareTo(carriedBefore) < 0) {
                throw new IllegalStateException(folder() + " " + chunk.month() + " was taken over from the report "
                        + "before, yet rows of it were computed: the report's partitions do not match");
            }
            table(chunk.month(), chunk.count()).append(chunk.utf8(), chunk.count());
            rows += chunk.count();
        }
    }

    /** The month's file with room for {@code adding} more rows: a new part when the current one is full. */
    private CsvTable table(String month, long adding) {
        CsvTable table = current.get(month);
        if (table != null && table.rowCount() + adding > maxRows) {
            close(table);
            table = null;
        }
        if (table == null) {
            int part = parts.merge(month, 1, Integer::sum);
            table = new CsvTable(reportFolder, folder() + "/" + month + (part == 1 ? "" : "_part" + part) + ".csv",
                    monthDescription(month), header);
            current.put(month, table);
        }
        return table;
    }

    private void close(CsvTable table) {
        try {
            table.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        written.add(table);
    }

    @Override
    public long rowCount() {
        return rows;
    }

    /** The files written or taken over, in name order; only once closed. */
    public List<ReportFile> files() {
        return written.stream().sorted(java.util.Comparator.comparing(ReportFile::fileName)).toList();
    }

    @Override
    public void close() throws IOException {
        for (CsvTable table : current.values()) {
            table.close();
            written.add(table);
        }
        current.clear();
    }

    /** One listing's rows, rendered per month (one renderer for all: a listing has rows in a hundred months). */
    static final class MonthRows implements ListingRows {
        private final int dateColumn;
        private final CsvTable.Rows renderer;
        private final Map<String, MonthText> byMonth = new TreeMap<>();
        /** The month of the last row: a listing's rows come in date order, a month's rows one after another. */
        private MonthText last;

        /** Months before this one (YYYY-MM; "" sorts before every month) are taken over from the report before: not rendered. */
        private final String fromMonth;
        private final java.time.LocalDate firstDay;

        MonthRows(String name, int columns, int dateColumn, java.util.Optional<java.time.YearMonth> fromMonth) {
            this.dateColumn = dateColumn;
            this.renderer = CsvTable.Rows.of(name, columns);
            this.fromMonth = fromMonth.map(java.time.YearMonth::toString).orElse("");
            this.firstDay = fromMonth.map(m -> m.atDay(1)).orElse(java.time.LocalDate.MIN);
        }

        @Override
        public boolean keeps(java.time.LocalDate date) {
            return date == null || !date.isBefore(firstDay);
        }

        @Override
        public void add(List<String> cells) {
            String date = cells.get(dateColumn);
            MonthText month = last;
            if (month == null || !date.startsWith(month.month)) {
                String name = date.substring(0, 7);
                if (name.compareTo(fromMonth) < 0) {
                    return;
                }
                month = byMonth.computeIfAbsent(name, MonthText::new);
                last = month;
            }
            renderer.renderInto(month.text, cells);
            month.count++;
        }

        @Override
        public RenderedRows rendered() {
            List<RenderedRows.Chunk> chunks = new ArrayList<>();
            byMonth.forEach((name, month) -> chunks.add(new RenderedRows.Chunk(name,
                    month.text.toString().getBytes(StandardCharsets.UTF_8), month.count)));
            return new RenderedRows(chunks);
        }

        /** One month's rows so far. */
        private static final class MonthText {
            private final String month;
            private final StringBuilder text = new StringBuilder();
            private long count;

            MonthText(String month) {
                this.month = month;
            }
        }
    }
}
