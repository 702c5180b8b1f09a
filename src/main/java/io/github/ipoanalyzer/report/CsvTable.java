package io.github.ipoanalyzer.report;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One report CSV, written row by row as the report is computed (a market of millions of rows
 * never sits in memory): a header naming each metric with its unit and reference price, then
 * rows of formatted cells. UTF-8 with a byte-order mark so that Excel and WPS open Chinese names
 * intact, RFC 4180 quoting, CRLF line ends.
 */
public final class CsvTable implements Closeable {

    private final String fileName;
    private final String description;
    private final int columns;
    private final CSVWriter csv;
    private long rows;

    public CsvTable(Path folder, String fileName, String description, List<String> header) {
        this.fileName = fileName;
        this.description = description;
        this.columns = header.size();
        try {
            Writer writer = new OutputStreamWriter(Files.newOutputStream(folder.resolve(fileName)), StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            csv = new CSVWriter(writer, ICSVWriter.DEFAULT_SEPARATOR, ICSVWriter.DEFAULT_QUOTE_CHARACTER,
                    ICSVWriter.DEFAULT_QUOTE_CHARACTER, "\r\n");
            csv.writeNext(header.toArray(String[]::new), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + fileName, e);
        }
    }

    public void add(List<String> cells) {
        if (cells.size() != columns) {
            throw new IllegalArgumentException(fileName + ": " + cells.size() + " cells for " + columns + " columns");
        }
        csv.writeNext(cells.toArray(String[]::new), false);
        rows++;
    }

    public String fileName() {
        return fileName;
    }

    public String description() {
        return description;
    }

    public long rowCount() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
