package io.github.ipoanalyzer.job;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import static io.github.ipoanalyzer.job.JobRun.csv;
import static io.github.ipoanalyzer.job.JobRun.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two rows of one ticker and date are two observations of one day: merged when they agree on
 * every value both give, both rejected only when a value differs.
 */
class OverlappingRowsTest extends OnAShippedInputCopy {

    /** The manifest's row counts of one input file: read, loaded, repeated, rejected. */
    private List<Long> counts(String file) throws Exception {
        var manifest = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(output.resolve("latest/manifest.json").toFile());
        for (var in : manifest.get("inputs")) {
            if (in.get("file").asString().equals(file)) {
                return List.of(in.get("rowsRead").asLong(), in.get("rowsLoaded").asLong(),
                        in.path("rowsRepeated").asLong(-1), in.get("rowsRejected").asLong());
            }
        }
        throw new AssertionError(file + " is not in the manifest");
    }

    @Test
    void todaysFileThatRepeatsEarlierDaysLoadsItsNewDayAndCountsTheRestAsRepeats() throws Exception {
        // A feed's "today's file": every day so far again, and one more.
        Files.writeString(input.resolve("prices/688795.SH.today.csv"),
                Files.readString(input.resolve("prices/688795.SH.csv")) + "688795.SH,2026-01-05,,,,700.00,,,\n");
        JobRun run = launch();
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of(5L, 1L, 4L, 0L), counts("prices/688795.SH.today.csv"), "read, loaded, repeated, rejected");
        assertEquals(List.of(4L, 4L, 0L, 0L), counts("prices/688795.SH.csv"));
        assertEquals(List.of(), csv(output.resolve("latest/rejects.csv")), "a repeat is no reject");
        assertTrue(run.out().contains("repeat: prices/688795.SH.today.csv line 2: repeats line 2 of prices/688795.SH.csv"),
                run.out());
        assertTrue(run.out().matches("(?s).*\\n  prices/688795\\.SH\\.today\\.csv +5 +1 +4 +0 +0  now\\n.*"), run.out());
        assertEquals("329019751900.00", csv(output.resolve("latest/series/market-value")).stream()
                .filter(r -> r.get("date").equals("2026-01-05")).findFirst().orElseThrow()
                .get("market_cap_trading_currency")); // 700.00 × 470,028,217: the new day is loaded
    }

    @Test
    void aFullerExportOfTheListingDayIsKeptAndTheShorterRowCountedAsItsRepeat() throws Exception {
        // AKShare's MetaX listing day: the same open, high, close and turnover, and the low the shipped row lacks.
        Files.writeString(input.resolve("prices/688802.csv"), "日期,股票代码,开盘,收盘,最高,最低,成交量,成交额,振幅,涨跌幅,涨跌额,换手率\n"
                + "2025-12-17,688802,700.0,829.9,895.0,690.0,,11259000000.0,,,,\n");
        JobRun run = launch();
        assertEquals(0, run.exitCode(), run.err());
        Map<String, String> metax = row(csv(output.resolve("latest/first-day.csv")), "ticker", "688802.SH");
        assertEquals(List.of("700.00", "895.00", "690.00", "829.90"), List.of(metax.get("first_day_open"),
                metax.get("first_day_high"), metax.get("first_day_low"), metax.get("first_close")));
        assertEquals(List.of(1L, 1L, 0L, 0L), counts("prices/688802.csv"));
        assertEquals(List.of(2L, 1L, 1L, 0L), counts("prices/688802.SH.csv"), "its listing day is a repeat of the fuller row");
        assertEquals(List.of(), csv(output.resolve("latest/rejects.csv")));
    }

    @Test
    void theSummaryNamesTenRepeatsAndCountsTheRest() throws Exception {
        // Three more copies of Moore Threads' four days: twelve repeats of the rows loaded from its own file.
        for (String copy : List.of("a", "b", "c")) {
            Files.copy(input.resolve("prices/688795.SH.csv"), input.resolve("prices/" + copy + "-copy.csv"));
        }
        JobRun run = launch();
        assertEquals(0, run.exitCode(), run.err());
        List<String> repeats = run.out().lines().filter(l -> l.startsWith("  repeat: ")).toList();
        assertEquals(11, repeats.size(), run.out());
        assertTrue(repeats.get(0).startsWith("  repeat: prices/a-copy.csv line 2: repeats line 2 of prices/688795.SH.csv"),
                repeats.get(0));
        assertEquals("  repeat: … and 2 more rows that repeat a row loaded from another line", repeats.get(10));
    }

    @Test
    void aDifferentNoteIsARepeatAndOnlyADifferentValueIsAConflictThatNamesBothRows() throws Exception {
        Files.writeString(input.resolve("prices/688802.SH.csv"),
                "688802.SH,2025-12-17,700.00,895.00,,829.90,,11259000000,listing day (exchange bulletin)\n"
                        + "688802.SH,2025-12-19,,,,703.36,,,\n", StandardOpenOption.APPEND);
        JobRun run = launch("--max-reject-fraction", "1");
        assertEquals(0, run.exitCode(), run.err());
        Map<String, String> metax = row(csv(output.resolve("latest/first-day.csv")), "ticker", "688802.SH");
        assertEquals("829.90", metax.get("first_close"), "the listing day is kept: only the note differed");
        assertEquals(List.of(4L, 1L, 1L, 2L), counts("prices/688802.SH.csv"));
        List<Map<String, String>> rejects = csv(output.resolve("latest/rejects.csv"));
        String reason = "close differs for ticker and date 688802.SH 2025-12-19: 703.35 at line 3 of prices/688802.SH.csv, "
                + "703.36 at line 5 of prices/688802.SH.csv; both rows are rejected: correct or remove the wrong line of "
                + "prices/688802.SH.csv";
        // Each row with its own value: the row loaded first and rejected afterwards too.
        assertEquals(List.of(List.of("3", "close", "703.35", "conflict", reason),
                        List.of("5", "close", "703.36", "conflict", reason)),
                rejects.stream().map(r -> List.of(r.get("line"), r.get("column"), r.get("value"), r.get("rule"),
                        r.get("reason"))).toList());
        // The console says so too: the conflict takes away a close the report had.
        assertTrue(run.out().contains("  rejected: prices/688802.SH.csv line 3: " + reason + "\n"
                + "  rejected: prices/688802.SH.csv line 5: " + reason + "\n"), run.out());
    }

    @Test
    void theSummaryNamesTheRejectsOfTheFilesThisRunReadBeforeThoseOfFilesUnchangedSince() throws Exception {
        StringBuilder bad = new StringBuilder("ticker,date,open,high,low,close,volume,turnover,note\n");
        for (int day = 1; day <= 12; day++) {
            bad.append("688802.SH,2026-02-").append(String.format("%02d", day)).append(",,,,not a price,,,\n");
        }
        Files.writeString(input.resolve("prices/aaa.csv"), bad.toString());
        assertEquals(0, launch("--max-reject-fraction", "1").exitCode());
        // A later file whose close of 2025-12-19 conflicts with the one MetaX's own file gave.
        Files.writeString(input.resolve("prices/zzz.csv"), "ticker,date,open,high,low,close,volume,turnover,note\n"
                + "688802.SH,2025-12-19,,,,703.36,,,\n");
        JobRun run = launch("--max-reject-fraction", "1");
        assertEquals(0, run.exitCode(), run.err());

        List<String> rejects = run.out().lines().filter(l -> l.startsWith("  rejected: ")).toList();
        assertTrue(rejects.get(0).startsWith("  rejected: prices/zzz.csv line 2: close differs"), run.out());
        assertTrue(rejects.get(1).startsWith("  rejected: prices/688802.SH.csv line 3: close differs"), run.out());
        assertTrue(rejects.get(2).startsWith("  rejected: prices/aaa.csv line 2: "), run.out());
        assertEquals("  rejected: … and 4 more rows (rejects.csv in the report has every one)", rejects.get(10), run.out());
    }

    @Test
    void aConflictThatTakesAwayAPublishedCloseIsAChangeSinceThePreviousReport() throws Exception {
        assertEquals(0, launch().exitCode());
        Files.writeString(input.resolve("prices/688802.SH.csv"), "688802.SH,2025-12-19,,,,703.36,,,\n",
                StandardOpenOption.APPEND);
        JobRun run = launch("--max-reject-fraction", "1");
        assertEquals(0, run.exitCode(), run.err());

        // MetaX's latest close is its listing day's again: 829.90 / 104.66 − 1 = 6.929486.
        Map<String, String> change = row(csv(output.resolve("latest/changes.csv")), "ticker", "688802.SH");
        assertEquals(List.of("close_withdrawn", "2025-12-19", "703.35", "2025-12-19", "829.90", "CNY", "104.66",
                "6.929486"), List.of(change.get("change"), change.get("date"), change.get("previous_close"),
                change.get("previous_close_date"), change.get("close"), change.get("currency"), change.get("offer_price"),
                change.get("return_since_offer_fraction")));
        assertEquals("the close of 2025-12-19 (703.35) is no longer in the data: its row was removed, or rejected with "
                + "a row it conflicts with (rejects.csv); latest close now CNY 829.90 on 2025-12-17, +692.95% since the offer",
                change.get("description"));
        assertTrue(Files.readString(output.resolve("latest/index.html")).contains("close withdrawn"));
    }
}
