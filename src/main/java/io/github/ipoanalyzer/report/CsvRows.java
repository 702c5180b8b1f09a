package io.github.ipoanalyzer.report;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvValidationException;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small report CSV read back (now.csv, first-day.csv, events.csv: one row or a few per
 * listing), each row as header → cell, the cells exactly as written.
 */
final class CsvRows {

    private CsvRows() {
    }

    /** The rows of {@code file}; an {@link IOException} naming the file and the first of {@code needed} columns it lacks. */
    static List<Map<String, String>> read(Path file, List<String> needed) throws IOException {
        try (CSVReader csv = new CSVReader(new InputStreamReader(Workbook.withoutBom(Files.newInputStream(file)),
                StandardCharsets.UTF_8))) {
            String[] header = csv.readNext();
            if (header == null) {
                throw new IOException(file + " is empty");
            }
            List<String> columns = List.of(header);
            for (String column : needed) {
                if (!columns.contains(column)) {
                    throw new IOException(file + " has no column " + column);
                }
            }
            List<Map<String, String>> rows = new ArrayList<>();
            for (String[] values = csv.readNext(); values != null; values = csv.readNext()) {
                if (values.length != header.length) {
                    throw new IOException(file + " has a row of " + values.length + " cells under " + header.length
                            + " columns");
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int c = 0; c < header.length; c++) {
                    row.put(header[c], values[c]);
                }
                rows.add(row);
            }
            return rows;
        } catch (CsvValidationException e) {
            throw new IOException(file + " is not a CSV file: " + e.getMessage(), e);
        }
    }
}
