package io.github.ipoanalyzer.report;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One report CSV: a header naming each metric with its unit and reference price, then rows of
 * already formatted cells. Written as UTF-8 with a byte-order mark so that Excel and WPS open
 * Chinese names intact, with RFC 4180 quoting.
 */
public final class CsvTable {

    private final String fileName;
    private final String description;
    private final List<String> header;
    private final List<String[]> rows = new ArrayList<>();

    public CsvTable(String fileName, String description, List<String> header) {
        this.fileName = fileName;
        this.description = description;
        this.header = List.copyOf(header);
    }

    public void add(List<String> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException(fileName + ": " + cells.size() + " cells for " + header.size() + " columns");
        }
        rows.add(cells.toArray(String[]::new));
    }

    public String fileName() {
        return fileName;
    }

    public String description() {
        return description;
    }

    public List<String> header() {
        return header;
    }

    public List<String[]> rows() {
        return rows;
    }

    public void writeTo(Path folder) throws IOException {
        try (OutputStream out = Files.newOutputStream(folder.resolve(fileName));
             Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             CSVWriter csv = new CSVWriter(writer, ICSVWriter.DEFAULT_SEPARATOR, ICSVWriter.DEFAULT_QUOTE_CHARACTER,
                     ICSVWriter.DEFAULT_QUOTE_CHARACTER, "\r\n")) {
            writer.write('\uFEFF');
            csv.writeNext(header.toArray(String[]::new), false);
            for (String[] row : rows) {
                csv.writeNext(row, false);
            }
        }
    }
}
