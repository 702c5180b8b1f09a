package io.github.ipoanalyzer.launch;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RunSummaryNoticesTest {

    @Test
    void aNoticeThatManyFilesShareIsPrintedOnceWithTheirCount() {
        Map<String, List<String>> notices = new TreeMap<>();
        for (int i = 0; i < 40; i++) {
            notices.put(String.format("prices/%06d.SZ.csv", i), List.of("read as Tushare pro daily / hk_daily: …"));
        }
        notices.put("prices/000007.SZ.csv", List.of("read as Tushare pro daily / hk_daily: …", "column(s) not used: x"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RunSummary.printNotices(new PrintStream(bytes, true, StandardCharsets.UTF_8), notices);
        assertEquals("  note: prices/000007.SZ.csv: column(s) not used: x\n"
                + "  note: 40 files (prices/000000.SZ.csv, prices/000001.SZ.csv, …; all in input-files.csv): "
                + "read as Tushare pro daily / hk_daily: …\n", bytes.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));
    }

    @Test
    void notesThatDifferFileByFileAreNamedUpToThirtyAndTheRestCounted() {
        Map<String, List<String>> notices = new TreeMap<>();
        for (int i = 0; i < 1000; i++) {
            notices.put(String.format("prices/%06d.SZ.csv", i), List.of("its last line, line " + (i + 2) + ", has no line end"));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RunSummary.printNotices(new PrintStream(bytes, true, StandardCharsets.UTF_8), notices);
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(31, lines.size());
        assertEquals("  note: prices/000029.SZ.csv: its last line, line 31, has no line end", lines.get(29));
        assertEquals("  note: … and 970 more notes (input-files.csv has every one)", lines.get(30));
    }
}
