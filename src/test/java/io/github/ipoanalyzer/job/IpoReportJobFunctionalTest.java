package io.github.ipoanalyzer.job;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.github.ipoanalyzer.job.JobRun.csv;
import static io.github.ipoanalyzer.job.JobRun.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the job on the shipped input/ folder and checks the report against the acceptance
 * figures of src/site/markdown/report.md ("The acceptance figures"), each recomputed here from
 * the stated prices.
 */
class IpoReportJobFunctionalTest {

    @TempDir
    static Path work;
    static JobRun run;
    static Path report;

    @BeforeAll
    static void runTheJobOnTheShippedInput() {
        run = JobRun.launch("--input", "input", "--output", work.resolve("output").toString(),
                "--db", work.resolve("db").toString(), "--as-of", "2026-11-28");
        report = work.resolve("output/latest");
    }

    @Test
    void theRunSucceedsAndAccountsForEveryRow() throws Exception {
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Report published."), run.out());
        assertEquals(List.of("2026-11-28_run-000001"), JobRun.reportFolders(work.resolve("output")));
        // 4 listings + 8 prices + 16 revenue periods + 3 rates + 6 reported caps + 6 benchmark days
        // + 2 benchmark assignments + 8 lock-ups + 4 cohort members + 23 fee rows + 4 allotment results
        // + 90 basis-of-allotment rows (41 + 43 + 2 × 3 totals) + 4 offers
        // + 821 calendar closures (215 mainland weekdays × 3 exchanges + 176 HKEX), none rejected.
        List<Map<String, String>> files = csv(report.resolve("input-files.csv"));
        assertEquals(17, files.size());
        assertEquals(84 + 90 + 4 + 215 * 3 + 176, files.stream().mapToLong(f -> Long.parseLong(f.get("rows_loaded"))).sum());
        files.forEach(f -> assertEquals(f.get("rows_read"), f.get("rows_loaded"), f.get("file")));
        assertTrue(csv(report.resolve("rejects.csv")).isEmpty());
    }

    @Test
    void firstDayReturnsAreThePublishedOnes() throws Exception {
        List<Map<String, String>> firstDay = csv(report.resolve("first-day.csv"));
        assertEquals(List.of("688795.SH", "688802.SH", "6082.HK", "9903.HK"),
                firstDay.stream().map(r -> r.get("ticker")).toList(), "in listing-date order");
        assertFirstDayReturn(firstDay, "688795.SH", "600.50", "114.28", "425.46");
        assertFirstDayReturn(firstDay, "688802.SH", "829.90", "104.66", "692.95");
        assertFirstDayReturn(firstDay, "6082.HK", "34.46", "19.60", "75.82");
        assertFirstDayReturn(firstDay, "9903.HK", "156.80", "144.60", "8.44");
    }

    private static void assertFirstDayReturn(List<Map<String, String>> rows, String ticker, String close, String offer,
                                             String publishedPercent) {
        BigDecimal expected = new BigDecimal(close).divide(new BigDecimal(offer), MathContext.DECIMAL128)
                .subtract(BigDecimal.ONE).setScale(6, RoundingMode.HALF_EVEN);
        String cell = row(rows, "ticker", ticker).get("first_day_return_close_vs_offer_fraction");
        assertEquals(expected.toPlainString(), cell, ticker);
        assertEquals(new BigDecimal(publishedPercent),
                new BigDecimal(cell).movePointRight(2).setScale(2, RoundingMode.HALF_EVEN), ticker);
    }

    @Test
    void oneWinningLotGainsWhatThePortalsReported() throws Exception {
        Map<String, String> moore = row(csv(report.resolve("first-day.csv")), "ticker", "688795.SH");
        assertEquals("267860.00", moore.get("lot_gain_at_open_trading_currency"));   // (650.00 − 114.28) × 500
        assertEquals("243110.00", moore.get("lot_gain_at_close_trading_currency"));  // (600.50 − 114.28) × 500
        assertEquals("267860.00", moore.get("lot_gain_at_open_cny"));
        Map<String, String> metax = row(csv(report.resolve("first-day.csv")), "ticker", "688802.SH");
        assertEquals("395170.00", metax.get("lot_gain_at_high_trading_currency"));   // (895.00 − 104.66) × 500
        // The stated turnover of 11,259,000,000 CNY; no volume is public, so no average price or turnover rate.
        assertEquals(List.of("11259000000.00", "", "", ""), List.of(metax.get("first_day_turnover_trading_currency"),
                metax.get("first_day_volume_shares"), metax.get("first_day_vwap"), metax.get("first_day_turnover_rate_fraction")));

        // The long table names the reference price in every row, including later closes.
        List<Map<String, String>> gains = csv(report.resolve("series/lot-gains"));
        Map<String, String> peak = gains.stream().filter(g -> g.get("ticker").equals("688795.SH")
                && g.get("price_date").equals("2025-12-11")).findFirst().orElseThrow();
        assertEquals("close", peak.get("reference_price_kind"));
        assertEquals("413400.00", peak.get("lot_gain_trading_currency"));             // (941.08 − 114.28) × 500
        // Iluvatar's close gain in CNY uses the dated rate: 1,220 HKD × 0.8957 = 1,092.754
        Map<String, String> iluvatar = gains.stream().filter(g -> g.get("ticker").equals("9903.HK")
                && g.get("reference_price_kind").equals("first-day close")).findFirst().orElseThrow();
        assertEquals("1092.75", iluvatar.get("lot_gain_cny"));
        assertEquals("0.8957", iluvatar.get("cny_per_unit"));
        assertEquals("2026-01-08", iluvatar.get("fx_rate_date"));
    }

    @Test
    void whatASubscriberPocketsAtTheFirstCloseWithTheShippedFeeSchedule() throws Exception {
        List<Map<String, String>> firstDay = csv(report.resolve("first-day.csv"));
        Map<String, String> iluvatar = row(firstDay, "ticker", "9903.HK");
        // 144.60 × 100 × 1.010085 = 14,605.8291: the prospectus's HK$14,605.83.
        assertEquals("14605.83", iluvatar.get("entrance_fee_per_lot"));
        // 15,680 − (16 + 0.89 + 0.42 + 0.02 + 0.66) − 14,605.83 = 1,056.18; / 14,605.83 = 0.072312.
        assertEquals("1056.18", iluvatar.get("net_lot_gain_at_close_trading_currency"));
        assertEquals("0.072312", iluvatar.get("net_return_on_lot_capital_at_close_fraction"));
        // 7,193 of 102,763 one-lot applications won (7.00%): 7,193 / 102,763 × 1,056.18 = 73.9284…
        assertEquals("0.0699960102", iluvatar.get("one_lot_success_rate_fraction"));
        assertEquals("73.93", iluvatar.get("expected_gain_per_application_trading_currency"));
        Map<String, String> moore = row(firstDay, "ticker", "688795.SH");
        assertEquals("", moore.get("entrance_fee_per_lot"), "an A-share application pays nothing up front");
        assertEquals("242940.62", moore.get("net_lot_gain_at_close_trading_currency"));
        // 0.03635054% × 242,940.62 = 88.3096…
        assertEquals("88.31", moore.get("expected_gain_per_application_trading_currency"));
        assertEquals("146.23", row(firstDay, "ticker", "6082.HK").get("expected_gain_per_application_trading_currency"));
        // The guaranteed lots (HkApplicationsTest works them by hand): Biren 50,000 shares in pool A,
        // 50,000 × 19.60 × 1.010085 = 989,883.30, expecting 2,924.59 × 64/63 = 2,971.01 at the close;
        // Iluvatar CoreX 40,000 in pool B, 40,000 × 144.60 × 1.010085 = 5,842,331.64.
        Map<String, String> biren = row(firstDay, "ticker", "6082.HK");
        assertEquals(List.of("50000", "A", "989883.30", "2971.01"), List.of(biren.get("guaranteed_lot_shares"),
                biren.get("guaranteed_lot_pool"), biren.get("guaranteed_lot_application_money"),
                biren.get("guaranteed_lot_expected_net_gain_at_close")));
        assertEquals(List.of("40000", "B", "5842331.64"), List.of(iluvatar.get("guaranteed_lot_shares"),
                iluvatar.get("guaranteed_lot_pool"), iluvatar.get("guaranteed_lot_application_money")));
        // Moore Threads at the cap (AShareApplicationTest): 22 签 × 0.03635054% × 242,940.62 = 1,942.82; ÷ 11 = 176.62.
        assertEquals(List.of("22", "0.0079971188", "1942.82", "110000.00", "176.62"), List.of(moore.get("a_share_lots_applied"),
                moore.get("a_share_expected_lots_won"), moore.get("a_share_expected_net_gain_at_close"),
                moore.get("a_share_market_value_required"), moore.get("a_share_expected_net_gain_per_10000_market_value")));
        assertEquals("2", biren.get("days_tied_up")); // applications closed 29 Dec, monies back by 31 Dec
        // Biren's cornerstone lock-up end is on the event calendar, from offers.csv.
        assertTrue(csv(report.resolve("events.csv")).stream().anyMatch(e -> e.get("ticker").equals("6082.HK")
                && e.get("kind").equals("cornerstone lock-up end") && e.get("date").equals("2026-07-01")));
        // The one-lot policy over the GPU four (PolicyBacktestTest): HK$146.23 + 73.93 on 37,130.72 capital-days.
        Map<String, String> oneLot = csv(report.resolve("policy-backtest.csv")).stream().filter(p -> p.get("cohort")
                .equals("GPU four") && p.get("policy").equals("one-lot") && p.get("row").equals("total")).findFirst()
                .orElseThrow();
        assertEquals(List.of("HKD", "2", "2", "37130.72", "220.16", "2.164215"), List.of(oneLot.get("currency"),
                oneLot.get("applied"), oneLot.get("skipped"), oneLot.get("capital_days"),
                oneLot.get("expected_net_gain_at_first_close"), oneLot.get("annualised_return_on_capital_days_fraction")));
        String index = Files.readString(report.resolve("index.html"));
        assertTrue(index.contains("<td class=\"n\">50,000 shares, pool A</td><td class=\"n\">HKD 989,883.30</td>"), index);
        assertTrue(Files.exists(report.resolve("allotment-tiers.png")));
        // Every tier names its input row: Biren's guaranteed lot is line 23 of allotment-basis.csv.
        List<Map<String, String>> tiers = csv(report.resolve("allotment-tiers.csv"));
        assertEquals(41 + 43, tiers.size());
        Map<String, String> guaranteed = tiers.stream().filter(t -> t.get("ticker").equals("6082.HK")
                && t.get("guaranteed_lot").equals("true")).findFirst().orElseThrow();
        assertEquals(List.of("50000", "allotment-basis.csv line 23", "2971.01"), List.of(guaranteed.get("shares_applied"),
                guaranteed.get("source_row"), guaranteed.get("expected_net_gain_at_first_close")));
        // Every charge is itemised: Iluvatar's sale at the close adds up to its 17.99.
        List<Map<String, String>> charges = csv(report.resolve("lot-charges.csv")).stream()
                .filter(c -> c.get("ticker").equals("9903.HK") && c.get("reference_price_kind").equals("first-day close")
                        && c.get("side").equals("sale")).toList();
        assertEquals(new BigDecimal("17.99"), charges.stream().map(c -> new BigDecimal(c.get("amount")))
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        assertTrue(charges.stream().allMatch(c -> c.get("side_total").equals("17.99")
                && c.get("schedule_row").startsWith("fees.csv line ")));
    }

    @Test
    void dayCountsFollowTheExchangesCalendarsNotTheDatesTheDataHappensToHold() throws Exception {
        List<Map<String, String>> bhar = csv(report.resolve("buy-and-hold.csv"));
        // Moore Threads' 5 days from the offer are the SSE sessions 2025-12-05 to 12-11 (Fri, Mon–Thu):
        // all there, the last close 941.08: 941.08 / 114.28 − 1.
        Map<String, String> five = bhar.stream().filter(r -> r.get("ticker").equals("688795.SH")
                && r.get("from").equals("offer") && r.get("horizon_trading_days").equals("5")).findFirst().orElseThrow();
        assertEquals(List.of("5", "2025-12-11"), List.of(five.get("days_available"), five.get("end_date")));
        assertEquals(new BigDecimal("941.08").divide(new BigDecimal("114.28"), MathContext.DECIMAL128)
                .subtract(BigDecimal.ONE).setScale(6, RoundingMode.HALF_EVEN).toPlainString(), five.get("stock_return_fraction"));
        // Biren listed on Friday 2026-01-02; its day +1 is Monday 2026-01-05, which has no close in the data.
        Map<String, String> car = csv(report.resolve("abnormal-returns.csv")).stream().filter(r -> r.get("ticker")
                .equals("6082.HK") && r.get("window").equals("[0,+1]")).findFirst().orElseThrow();
        assertTrue(car.get("note").contains("no close (or no previous close) on 2026-01-05"), car.get("note"));
    }

    @Test
    void windowsThatExistAndAreCompleteMilestonesCrossedAndStatisticsASignerWouldSign() throws Exception {
        // A window starting before listing cannot exist for the listing event: none is listed.
        for (String file : List.of("abnormal-returns.csv", "cohort-car.csv")) {
            assertTrue(csv(report.resolve(file)).stream().noneMatch(r -> "listing".equals(r.get("event_kind"))
                    && r.get("window").equals("[-1,+1]")), file);
        }
        // Moore Threads' 20-day horizon from the offer has 12 of its days (to 2025-12-22): blank, never 4.889044.
        Map<String, String> twenty = csv(report.resolve("buy-and-hold.csv")).stream().filter(r -> r.get("ticker")
                .equals("688795.SH") && r.get("from").equals("offer") && r.get("horizon_trading_days").equals("20"))
                .findFirst().orElseThrow();
        assertEquals(List.of("12", ""), List.of(twenty.get("days_available"), twenty.get("stock_return_fraction")));
        assertTrue(twenty.get("note").startsWith("partial: 12 of 20 trading days"), twenty.get("note"));
        // A milestone is crossed only from below: Moore Threads' offer value (114.28 × 470,028,217 = CNY 53.7 billion)
        // is above 10 billion already, so only 100 billion is crossed, at the first close (600.50: 282.3 billion).
        List<Map<String, String>> milestones = csv(report.resolve("events.csv")).stream()
                .filter(e -> e.get("kind").equals("market value milestone")).toList();
        assertEquals(List.of("688795.SH 2025-12-05 market value crossed CNY 100 billion",
                        "688802.SH 2025-12-17 market value crossed CNY 100 billion"),
                milestones.stream().map(e -> e.get("ticker") + " " + e.get("date") + " " + e.get("description")).toList());
        // The listing-day CAR of the HKEX cohort has two events (Biren, Iluvatar CoreX): no t statistic, and why.
        Map<String, String> hk = csv(report.resolve("cohort-car.csv")).stream().filter(r -> r.get("cohort")
                .equals("exchange HKEX") && r.get("event_kind").equals("listing") && r.get("window").equals("[0,0]"))
                .findFirst().orElseThrow();
        assertEquals(List.of("2", "", ""), List.of(hk.get("n"), hk.get("t_statistic"), hk.get("t_test_p_value_two_sided")));
        assertTrue(hk.get("note").startsWith("n = 2 < 5: no test statistics"), hk.get("note"));
        // The peak is in the calendar, not in the statistics.
        assertTrue(csv(report.resolve("cohort-car.csv")).stream().noneMatch(r -> r.get("event_kind")
                .equals("peak market value")));
    }

    @Test
    void figuresFromApproximateInputsCarryTheFlag() throws Exception {
        // Moore Threads' 673 of 2025-12-22 is approximate in the sources: its lot gain, its market value and the
        // price-to-sales at that latest close all say so.
        String flag = "approximate: sources give 673 with a cap of 3177億, which do not agree";
        assertEquals(flag, csv(report.resolve("series/lot-gains")).stream().filter(r -> r.get("ticker").equals("688795.SH")
                && r.get("price_date").equals("2025-12-22")).findFirst().orElseThrow().get("note"));
        assertTrue(csv(report.resolve("price-to-sales.csv")).stream().filter(r -> r.get("ticker").equals("688795.SH")
                && r.get("market_cap_reference").equals("latest close")).allMatch(r -> r.get("note").contains(flag)));
        assertTrue(row(csv(report.resolve("series/market-value")), "date", "2025-12-22").get("note").contains(flag));
    }

    @Test
    void marketValueAtTheOfferAndTheFirstClose() throws Exception {
        List<Map<String, String>> firstDay = csv(report.resolve("first-day.csv"));
        assertMarketValue(row(firstDay, "ticker", "688795.SH"), "114.28", "600.50", 470_028_217L);
        assertMarketValue(row(firstDay, "ticker", "688802.SH"), "104.66", "829.90", 400_100_000L);
        assertMarketValue(row(firstDay, "ticker", "6082.HK"), "19.60", "34.46", 2_396_000_000L);
        assertMarketValue(row(firstDay, "ticker", "9903.HK"), "144.60", "156.80", 254_317_736L);

        // Moore Threads peaked at the 2025-12-11 close and was 24.04% below it on 2025-12-17: 714.80 / 941.08 − 1
        Map<String, String> dec17 = csv(report.resolve("series/market-value")).stream()
                .filter(r -> r.get("ticker").equals("688795.SH") && r.get("date").equals("2025-12-17")).findFirst().orElseThrow();
        assertEquals("2025-12-11", dec17.get("peak_date"));
        assertEquals(new BigDecimal("714.80").divide(new BigDecimal("941.08"), MathContext.DECIMAL128)
                .subtract(BigDecimal.ONE).setScale(6, RoundingMode.HALF_EVEN).toPlainString(), dec17.get("drawdown_from_peak_fraction"));
    }

    private static void assertMarketValue(Map<String, String> row, String offer, String close, long shares) {
        BigDecimal s = BigDecimal.valueOf(shares);
        assertEquals(new BigDecimal(offer).multiply(s).setScale(2).toPlainString(), row.get("market_cap_at_offer"));
        assertEquals(new BigDecimal(close).multiply(s).setScale(2).toPlainString(), row.get("market_cap_at_first_close"));
    }

    @Test
    void unknownFiguresStayUnknownNeverZero() throws Exception {
        List<Map<String, String>> firstDay = csv(report.resolve("first-day.csv"));
        Map<String, String> metax = row(firstDay, "ticker", "688802.SH");
        assertEquals("", metax.get("first_day_low"));
        assertEquals("", metax.get("return_low_vs_offer_fraction"));
        assertEquals("", metax.get("broke_issue_low_below_offer"));
        assertEquals("", metax.get("gross_proceeds_stated"));
        Map<String, String> iluvatar = row(firstDay, "ticker", "9903.HK");
        assertEquals("", iluvatar.get("first_day_high"));
        assertEquals("", iluvatar.get("lot_gain_at_high_trading_currency"));
        // No CNY/HKD rate on or before Biren's listing day: CNY columns unknown, and the note says why.
        Map<String, String> biren = row(firstDay, "ticker", "6082.HK");
        assertEquals("", biren.get("lot_gain_at_close_cny"));
        assertTrue(biren.get("note").startsWith("no CNY/HKD rate on or before 2026-01-02"), biren.get("note"));
        Map<String, String> metaxH1 = csv(report.resolve("price-to-sales.csv")).stream()
                .filter(r -> r.get("ticker").equals("688802.SH") && r.get("revenue_period").equals("2025H1"))
                .findFirst().orElseThrow();
        assertEquals("", metaxH1.get("revenue"));
        assertEquals("", metaxH1.get("price_to_sales_multiple"));
    }

    @Test
    void reportedCapsAreReconciledWithTheCloseOfTheirDayOrTheLastSessionBeforeIt() throws Exception {
        List<Map<String, String>> rows = csv(report.resolve("cap-reconciliation.csv"));
        Map<String, String> moore = rows.stream().filter(r -> r.get("ticker").equals("688795.SH")
                && r.get("date").equals("2025-12-22")).findFirst().orElseThrow();
        assertEquals("316328990041.00", moore.get("computed_cap"));                  // 673 × 470,028,217
        assertEquals("-1371009959.00", moore.get("gap_computed_minus_reported"));     // − 317,700,000,000
        Map<String, String> sunday = rows.stream().filter(r -> r.get("ticker").equals("688802.SH")
                && r.get("date").equals("2025-12-21")).findFirst().orElseThrow();
        // Sunday 2025-12-21 has no SSE session: compared with Friday's close, 703.35 × 400,100,000.
        assertEquals(List.of("281410335000.00", "2025-12-19", "0"), List.of(sunday.get("computed_cap"),
                sunday.get("close_date"), sunday.get("lag_trading_days")));
        assertTrue(sunday.get("note").startsWith("2025-12-21 is a Sunday: compared with the close of 2025-12-19"));
    }

    @Test
    void marketAdjustedFirstDayReturnsAgainstTheStatedBenchmarkMoves() throws Exception {
        List<Map<String, String>> ars = csv(report.resolve("abnormal-returns.csv"));
        // MetaX against STAR 50's stated +2.5%: 829.90 / 104.66 − 1 − 0.025
        assertEquals(firstDayReturn("829.90", "104.66").subtract(new BigDecimal("0.025")).setScale(6, RoundingMode.HALF_EVEN)
                .toPlainString(), listingDayCar(ars, "688802.SH").get("car_fraction"));
        // Biren against the HSI's stated +2.76% on 2026-01-02 (no level before it in the data)
        assertEquals(firstDayReturn("34.46", "19.60").subtract(new BigDecimal("0.0276")).setScale(6, RoundingMode.HALF_EVEN)
                .toPlainString(), listingDayCar(ars, "6082.HK").get("car_fraction"));
        // Iluvatar CoreX against the HSI from its 2026-01-07 close 26458.95 to 26149.31 on 2026-01-08
        BigDecimal hsi = new BigDecimal("26149.31").divide(new BigDecimal("26458.95"), MathContext.DECIMAL128)
                .subtract(BigDecimal.ONE);
        assertEquals(firstDayReturn("156.80", "144.60").subtract(hsi).setScale(6, RoundingMode.HALF_EVEN).toPlainString(),
                listingDayCar(ars, "9903.HK").get("car_fraction"));
        // No STAR 50 level or move is public for 2025-12-05: unknown, and said so.
        Map<String, String> moore = listingDayCar(ars, "688795.SH");
        assertEquals("", moore.get("car_fraction"));
        assertTrue(moore.get("note").contains("no STAR50 level before 2025-12-05"), moore.get("note"));
        assertEquals("market-adjusted", moore.get("model"));
    }

    private static BigDecimal firstDayReturn(String close, String offer) {
        return new BigDecimal(close).divide(new BigDecimal(offer), MathContext.DECIMAL128).subtract(BigDecimal.ONE);
    }

    private static Map<String, String> listingDayCar(List<Map<String, String>> ars, String ticker) {
        return ars.stream().filter(r -> r.get("ticker").equals(ticker) && r.get("event_kind").equals("listing")
                && r.get("window").equals("[0,0]")).findFirst().orElseThrow();
    }

    @Test
    void theGpuCohortAndTheDerivedEvents() throws Exception {
        Map<String, String> gpu = row(csv(report.resolve("cohorts.csv")), "cohort", "GPU four");
        assertEquals("4", gpu.get("n"));
        // (4.2546377 + 6.9294860 + 0.7581633 + 0.0843707) / 4
        BigDecimal mean = firstDayReturn("600.50", "114.28").add(firstDayReturn("829.90", "104.66"))
                .add(firstDayReturn("34.46", "19.60")).add(firstDayReturn("156.80", "144.60"))
                .divide(new BigDecimal(4), MathContext.DECIMAL128);
        assertEquals(mean.setScale(6, RoundingMode.HALF_EVEN).toPlainString(), gpu.get("mean_first_day_return_fraction"));
        assertEquals("2", gpu.get("doubled_count"));
        assertEquals("3", gpu.get("n_in_cny"), "Biren has no CNY/HKD rate on or before its listing day");

        List<Map<String, String>> events = csv(report.resolve("events.csv"));
        Map<String, String> lockup = events.stream().filter(e -> e.get("ticker").equals("688795.SH")
                && e.get("description").startsWith("6-month")).findFirst().orElseThrow();
        assertEquals("2026-06-05", lockup.get("date"), "2025-12-05 + 6 months, beyond the data: not moved");
        Map<String, String> peak = events.stream().filter(e -> e.get("ticker").equals("688795.SH")
                && e.get("kind").equals("peak market value")).findFirst().orElseThrow();
        assertEquals("2025-12-11", peak.get("date"));
    }

    @Test
    void everyChartDecodesAtItsSize() throws Exception {
        for (String png : List.of("first-day-returns.png", "lot-gains-cny.png", "market-value.png", "price-to-sales.png",
                "car-by-event.png", "cohort-first-day.png", "market-value-events.png")) {
            BufferedImage image = ImageIO.read(report.resolve(png).toFile());
            assertNotNull(image, png);
            assertEquals(1200, image.getWidth(), png);
            assertEquals(700, image.getHeight(), png);
        }
    }

    @Test
    void eachIpoHasAPageAndACardThatTheIndexLinks() throws Exception {
        String index = Files.readString(report.resolve("index.html"));
        // The first-day table's links (the rankings above it link the same pages, in their order).
        java.util.regex.Matcher links = java.util.regex.Pattern.compile("<a href=\"(ipo/[^\"]+)\">")
                .matcher(index.substring(index.indexOf("<h2>First day</h2>")));
        List<String> pages = new java.util.ArrayList<>();
        while (links.find()) {
            pages.add(links.group(1));
        }
        // The four IPOs of the shipped input, each named in the first-day table by its ticker.
        assertEquals(List.of("ipo/688795.SH.html", "ipo/688802.SH.html", "ipo/6082.HK.html", "ipo/9903.HK.html"), pages);
        for (String page : pages) {
            assertTrue(Files.exists(report.resolve(page)), page);
            java.awt.image.BufferedImage card = javax.imageio.ImageIO.read(report.resolve(page.replace(".html", ".png")).toFile());
            assertEquals(1080, card.getWidth(), page);
            // 1,620 high, or taller where its figures would leave the price chart less than 480 pixels.
            assertTrue(card.getHeight() >= 1620, page + " is " + card.getHeight() + " high");
        }
        String moore = Files.readString(report.resolve("ipo/688795.SH.html"));
        // listings.csv: offer 114.28, lot 500, 70,000,000 shares offered; prices: first close 600.50, latest 673 (2025-12-22).
        for (String figure : List.of(
                "<tr><th>Offer price</th><td class=\"n\">CNY 114.28</td></tr>",
                "<tr><th>One lot</th><td class=\"n\">500 shares, CNY 57,140.00</td></tr>", // 500 × 114.28
                "<tr><th>Gross proceeds</th><td class=\"n\">CNY 7,999,600,000.00</td></tr>", // 70,000,000 × 114.28
                // 600.50 / 114.28 − 1 = 4.254637…; 500 × (600.50 − 114.28) = 243,110.00
                "<tr><th>Close</th><td class=\"n\">CNY 600.50</td><td class=\"n\">+425.46%</td><td class=\"n\">CNY 243,110.00</td></tr>",
                "<tr><th>Gross gain</th><td class=\"n\">CNY 243,110.00</td></tr>",
                "<tr><th>One-lot success rate</th><td class=\"n\">0.03635054%</td></tr>", // allotments.csv 0.0003635054
                "<h2>Now (2025-12-22)</h2>",
                "<tr><th>Latest close</th><td class=\"n\">CNY 673.00</td></tr>",
                "<tr><th>Since the offer</th><td class=\"n\">+488.90%</td></tr>", // 673 / 114.28 − 1 = 4.889044…
                "<tr><th>Since the first close</th><td class=\"n\">+12.07%</td></tr>", // 673 / 600.50 − 1 = 0.120733…
                "<tr><th>One lot sold now, gross</th><td class=\"n\">CNY 279,360.00</td></tr>", // 500 × (673 − 114.28)
                "<tr><td>2026-06-05</td><td>lock-up expiry</td>",
                "<img src=\"688795.SH.png\"", "<a href=\"../index.html\">")) {
            assertTrue(moore.contains(figure), figure + "\n" + moore);
        }
        // Biren's table: the smallest size of which every applicant gets a lot is 50,000 shares in pool A
        // ("200 H Shares plus 78 out of 4,914 applicants to receive an additional 200 H Shares" gives
        // 200 at least); its money and expected net gain as allotment-tiers.csv has them.
        String biren = Files.readString(report.resolve("ipo/6082.HK.html"));
        assertTrue(biren.contains("<tr><th>Guaranteed lot (稳获一手)</th><td class=\"n\">50,000 shares, pool A</td></tr>\n"
                + "<tr><th>Its application money</th><td class=\"n\">HKD 989,883.30</td></tr>\n"
                + "<tr><th>Its expected net gain at the close</th><td class=\"n\">HKD 2,971.01</td></tr>"), biren);
        // Iluvatar's offer in CNY to the fen, for people: 144.60 × 0.8957 = 129.51822.
        String iluvatar = Files.readString(report.resolve("ipo/9903.HK.html"));
        assertTrue(iluvatar.contains("<tr><th>Offer price in CNY</th><td class=\"n\">CNY 129.52 (rate of 2026-01-08)</td></tr>"),
                iluvatar);
    }

    @Test
    void theIndexPageLinksEveryFileAndShowsTheKeyFigures() throws Exception {
        String html = Files.readString(report.resolve("index.html"));
        assertTrue(html.contains("+425.46%"), "Moore Threads first-day return");
        assertTrue(html.contains("CNY 267,860.00"), "Moore Threads lot gain at the open");
        // Biren has no CNY/HKD rate on its listing day (fx-rates.csv starts later): the mixed-currency
        // cohorts leave it out of everything in CNY, the HKD-only cohort only of the CNY aggregates.
        assertTrue(html.contains("<p>all, GPU four: left out: Biren (no CNY/HKD rate on or before 2026-01-02: "
                + "not in the CNY figures nor the proceeds-weighted mean).</p>"), html);
        assertTrue(html.contains("<p>exchange HKEX, listed in 2026: left out: Biren (no CNY/HKD rate on or before "
                + "2026-01-02: not in the CNY aggregates).</p>"), html);
        for (String file : List.of("first-day.csv", "series/lot-gains/2025-12.csv", "series/lot-gains/2026-01.csv",
                "series/market-value/2025-12.csv", "series/market-value/2026-01.csv", "price-to-sales.csv",
                "cap-reconciliation.csv", "events.csv", "abnormal-returns.csv", "buy-and-hold.csv", "cohorts.csv",
                "cohort-car.csv", "rejects.csv", "input-files.csv", "first-day-returns.png", "lot-gains-cny.png",
                "market-value.png", "price-to-sales.png", "car-by-event.png", "cohort-first-day.png",
                "market-value-events.png", "first-day-distribution.png", "manifest.json")) {
            assertTrue(html.contains("\"" + file + "\""), file);
            assertTrue(Files.exists(report.resolve(file)), file);
        }
    }
}
