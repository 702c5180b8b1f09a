package io.github.ipoanalyzer.report;

import java.util.List;

/**
 * One line of a report CSV, RFC 4180: cells separated by commas, a cell holding a comma, a
 * double quote or a line break quoted with its quotes doubled, a null cell empty, CRLF at the
 * end: the lines of OpenCSV's writer. The report renders tens of millions of them; that writer
 * scans each cell five times, once per special character, which was a fifth of a report
 * partition's time. Here one scan decides a cell's quoting.
 */
final class CsvLine {

    private CsvLine() {
    }

    /** Appends {@code cells} as one line to {@code to}. */
    static StringBuilder append(StringBuilder to, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                to.append(',');
            }
            String cell = cells.get(i);
            if (cell == null) {
                continue;
            }
            if (needsQuotes(cell)) {
                to.append('"');
                for (int c = 0; c < cell.length(); c++) {
                    char ch = cell.charAt(c);
                    if (ch == '"') {
                        to.append('"');
                    }
                    to.append(ch);
                }
                to.append('"');
            } else {
                to.append(cell);
            }
        }
        return to.append("\r\n");
    }

    private static boolean needsQuotes(String cell) {
        for (int c = 0; c < cell.length(); c++) {
            char ch = cell.charAt(c);
            if (ch == ',' || ch == '"' || ch == '\n' || ch == '\r') {
                return true;
            }
        }
        return false;
    }
}
