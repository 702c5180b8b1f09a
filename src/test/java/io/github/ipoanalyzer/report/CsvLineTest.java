package io.github.ipoanalyzer.report;

import com.opencsv.CSVWriter;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvLineTest {

    @Test
    void quotesOnlyCellsWithACommaAQuoteOrALineBreakAndDoublesTheirQuotes() {
        assertEquals("688795.SH,2026-01-05,114.28,,\"a \"\"quoted\"\" word, and a comma\",\"two\r\nlines\",\"cr\rx\","
                        + "天数智芯 × 1\r\n",
                CsvLine.append(new StringBuilder(), Arrays.asList("688795.SH", "2026-01-05", "114.28", null,
                        "a \"quoted\" word, and a comma", "two\r\nlines", "cr\rx", "天数智芯 × 1")).toString());
        assertEquals("\r\n", CsvLine.append(new StringBuilder(), List.of()).toString());
        assertEquals("\"\"\"\"\r\n", CsvLine.append(new StringBuilder(), List.of("\"")).toString());
    }

    /** The lines the report wrote with OpenCSV's writer (RFC 4180, CRLF), for any cells. */
    @Test
    void writesTheLinesOpenCsvWrites() {
        Random random = new Random(29);
        char[] alphabet = {'a', 'Z', '0', '9', '.', '-', ' ', ',', '"', '\n', '\r', '\t', ';', '\'', '\\', '×', '天',
                '\uD83D', '\uDE00'};
        for (int n = 0; n < 50_000; n++) {
            List<String> cells = new ArrayList<>();
            for (int c = random.nextInt(12); c > 0; c--) {
                if (random.nextInt(20) == 0) {
                    cells.add(null);
                    continue;
                }
                StringBuilder cell = new StringBuilder();
                for (int k = random.nextInt(random.nextBoolean() ? 4 : 40); k > 0; k--) {
                    cell.append(alphabet[random.nextInt(random.nextInt(4) == 0 ? alphabet.length : 6)]);
                }
                cells.add(cell.toString());
            }
            StringWriter expected = new StringWriter();
            new CSVWriter(expected, ',', '"', '"', "\r\n").writeNext(cells.toArray(String[]::new), false);
            assertEquals(expected.toString(), CsvLine.append(new StringBuilder(), cells).toString(), cells::toString);
        }
    }
}
