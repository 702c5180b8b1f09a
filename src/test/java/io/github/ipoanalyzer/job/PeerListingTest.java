package io.github.ipoanalyzer.job;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
 * A listings.csv row without offer terms is a peer or a seasoned stock beside the IPOs (here a
 * STAR stock listed in 2020, with three closes of December 2025): it gets market value and events,
 * never a first day, lot gains or buy-and-hold returns, and the first-day cohorts leave it out by name.
 */
class PeerListingTest {

    @TempDir
    static Path work;
    static JobRun run;
    static Path report;

    @BeforeAll
    static void runTheShippedInputWithAPeer() throws Exception {
        Path input = work.resolve("input");
        JobRun.copyTree(Path.of("input"), input);
        Files.writeString(input.resolve("listings.csv"), "688256.SH,Cambricon,寒武纪,SSE,STAR Market,CNY,2020-07-20,,,,"
                + "418000000,,a peer: no offer terms\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Files.writeString(input.resolve("prices/688256.SH.csv"), """
                ticker,date,open,high,low,close,volume,turnover,note
                688256.SH,2025-12-05,,,,1300.00,,,
                688256.SH,2025-12-08,,,,1250.50,,,
                688256.SH,2025-12-09,,,,1402.25,,,
                """, StandardCharsets.UTF_8);
        Files.writeString(input.resolve("cohorts.csv"), "GPU four,688256.SH,Cambricon (a peer)\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        run = JobRun.launch("--input", input.toString(), "--output", work.resolve("output").toString(),
                "--db", work.resolve("db").toString(), "--as-of", "2026-11-28");
        report = work.resolve("output/latest");
    }

    @Test
    void thePeerHasMarketValueButNoFirstDayNorLotGains() throws Exception {
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of("688795.SH", "688802.SH", "6082.HK", "9903.HK"),
                csv(report.resolve("first-day.csv")).stream().map(r -> r.get("ticker")).toList());
        assertTrue(csv(report.resolve("series/lot-gains")).stream().noneMatch(r -> r.get("ticker").equals("688256.SH")));
        List<Map<String, String>> values = csv(report.resolve("series/market-value")).stream()
                .filter(r -> r.get("ticker").equals("688256.SH")).toList();
        // Its three closes and no value at an offer: 1,300.00 × 418,000,000 = 543,400,000,000.00.
        assertEquals(List.of("2025-12-05", "2025-12-08", "2025-12-09"), values.stream().map(r -> r.get("date")).toList());
        assertEquals("543400000000.00", values.get(0).get("market_cap_trading_currency"));
        assertEquals("", values.get(0).get("change_since_offer_fraction"));
        // 1,402.25 × 418,000,000 = 586,140,500,000.00, the peak; 1,250.50 is 1250.50 / 1300 − 1 = −0.038077 below it.
        assertEquals("586140500000.00", values.get(2).get("market_cap_trading_currency"));
        assertEquals("-0.038077", values.get(1).get("drawdown_from_peak_fraction"));
        assertTrue(csv(report.resolve("buy-and-hold.csv")).stream().noneMatch(r -> r.get("ticker").equals("688256.SH")));
    }

    @Test
    void thePeerHasEventsButNoListingEvent() throws Exception {
        List<Map<String, String>> events = csv(report.resolve("events.csv")).stream()
                .filter(r -> r.get("ticker").equals("688256.SH")).toList();
        assertTrue(events.stream().noneMatch(e -> e.get("kind").equals("listing")), events.toString());
        assertEquals("2025-12-09", row(events, "kind", "peak market value").get("date"));
    }

    @Test
    void theFirstDayCohortLeavesThePeerOutByName() throws Exception {
        Map<String, String> cohort = row(csv(report.resolve("cohorts.csv")), "cohort", "GPU four");
        assertEquals("4", cohort.get("n"));
        assertTrue(cohort.get("note").contains("Cambricon (no offer terms: its IPO is not studied)"), cohort.get("note"));
        // The mean of the four IPOs' first-day returns, unchanged by the peer: (600.50/114.28 − 1 + 829.90/104.66 − 1
        // + 34.46/19.60 − 1 + 156.80/144.60 − 1) / 4 = 3.0066644… (summing the rounded returns would give 3.006665).
        assertEquals(new BigDecimal("3.006664"), new BigDecimal(cohort.get("mean_first_day_return_fraction")));
    }

    @Test
    void offerTermsAreAllOrNone() throws Exception {
        Path input = work.resolve("partial");
        Files.createDirectories(input.resolve("prices"));
        Files.writeString(input.resolve("listings.csv"), """
                ticker,name_en,name_local,exchange,board,currency,listing_date,offer_price,lot_shares,shares_offered,total_shares_after_listing,gross_proceeds,note
                688256.SH,Cambricon,,SSE,STAR Market,CNY,2020-07-20,64.39,,,418000000,,
                """, StandardCharsets.UTF_8);
        JobRun partial = JobRun.launch("check-input", "--input", input.toString());
        assertTrue((partial.out() + partial.err()).contains("the offer terms are all or none: offer_price given, "
                + "lot_shares, shares_offered empty"), partial.out() + partial.err());
    }

    @Test
    void aYahooDownloadNamedAfterAUsTickerOfTheListingsIsRead() throws Exception {
        Path input = work.resolve("us");
        Files.createDirectories(input.resolve("prices"));
        Files.writeString(input.resolve("listings.csv"), """
                ticker,name_en,exchange,currency,listing_date,offer_price,lot_shares,shares_offered,total_shares_after_listing
                AMZN,Amazon,NASDAQ,USD,1997-05-15,,,,10000000000
                """, StandardCharsets.UTF_8);
        // A Yahoo Finance download has no ticker column: its name says which stock it is.
        Files.writeString(input.resolve("prices/AMZN.csv"), """
                Date,Open,High,Low,Close,Adj Close,Volume
                2019-01-02,73.260002,77.667999,73.046501,76.956497,76.956497,159662000
                2019-01-03,76.000504,76.900002,74.855499,75.014000,75.014000,139512000
                """, StandardCharsets.UTF_8);
        JobRun us = JobRun.launch("--input", input.toString(), "--output", work.resolve("us-out").toString(),
                "--db", work.resolve("us-db").toString(), "--as-of", "2019-12-31");
        assertEquals(0, us.exitCode(), us.out() + us.err());
        List<Map<String, String>> values = csv(work.resolve("us-out/latest/series/market-value"));
        // Yahoo's binary floating point is read half-even to 3 decimals: 76.956 × 10,000,000,000 = 769,560,000,000.00
        // and 75.014 × 10,000,000,000 = 750,140,000,000.00.
        assertEquals(List.of("769560000000.00", "750140000000.00"),
                values.stream().map(r -> r.get("market_cap_trading_currency")).toList());
        assertEquals(List.of("AMZN", "AMZN"), values.stream().map(r -> r.get("ticker")).toList());
    }
}
