package io.github.ipoanalyzer.job;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.github.ipoanalyzer.job.JobRun.csv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files that are not what they claim are read only as far as it takes to say so. */
class HostileFilesTest extends OnAShippedInputCopy {

    @Test
    void aQuoteNeverClosedEndsTheFileWithOneRejectNamingTheLineItOpenedOn() throws Exception {
        StringBuilder file = new StringBuilder("ticker,date,open,high,low,close,volume,turnover,note\n"
                + "688795.SH,2026-01-05,,,,700.00,,,\n"
                + "688795.SH,2026-01-06,,,,710.00,,,\"a note whose quote is never closed\n");
        for (int i = 0; i < 20_000; i++) {
            file.append("688795.SH,2026-01-07,,,,720.00,,,\n"); // 700 KB swallowed by the open quote
        }
        Files.writeString(input.resolve("prices/688795.SH.more.csv"), file);
        JobRun run = launch();
        assertEquals(0, run.exitCode(), run.err()); // one reject of two rows is within the limit
        List<Map<String, String>> rejects = csv(output.resolve("latest/rejects.csv"));
        assertEquals(1, rejects.size(), rejects.toString());
        assertEquals("3", rejects.get(0).get("line"));
        assertEquals("unreadable", rejects.get(0).get("rule"));
        assertEquals("prices/688795.SH.more.csv: a quoted value opened on line 3 is not closed within 64 KiB (a quote "
                + "missing its closing \"); the rest of the file is not read: correct it, or remove it if it is no CSV", rejects.get(0).get("reason"));
        assertEquals("329019751900.00", csv(output.resolve("latest/series/market-value")).stream()
                .filter(r -> r.get("date").equals("2026-01-05")).findFirst().orElseThrow()
                .get("market_cap_trading_currency"), "the row before the quote is loaded"); // 700.00 × 470,028,217
    }

    @Test
    void aFileWhoseFirstThousandRowsAreAllRejectedIsNotReadFurther() throws Exception {
        StringBuilder file = new StringBuilder("ticker,date,open,high,low,close,volume,turnover,note\n");
        for (int i = 0; i < 20_000; i++) {
            file.append("PK\u0003\u0004 binary junk ").append(i).append('\n');
        }
        Files.writeString(input.resolve("prices/archive.csv"), file);
        JobRun run = launch();
        assertEquals(3, run.exitCode(), run.err());
        // Reading stops with the chunk that holds the 1000th reject, and of a price file nothing after
        // that reject is kept, whichever chunk or range read it: 19,000 rows are never judged.
        assertTrue(run.err().contains("prices/archive.csv: 1000 of 1000 rows rejected (at most 50 allowed)"),
                run.out() + run.err());
        List<Map<String, String>> rejects = csv(output.resolve("failed-" + io.github.ipoanalyzer.report.ReportFolder.name("2026-11-28", 1)
                + "/rejects.csv"));
        assertEquals(1000, rejects.size());
        Map<String, String> last = rejects.get(999);
        assertEquals(List.of("1001", "not-prices"), List.of(last.get("line"), last.get("rule")));
        assertTrue(last.get("reason").startsWith("the first 1000 rows of prices/archive.csv are all rejected (this one: ")
                && last.get("reason").endsWith("): not a prices file? The rest of it is not read; correct it or move it "
                + "out of the input folder"), last.get("reason"));
    }
}
