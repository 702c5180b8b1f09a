package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.analysis.IpoAnalysis;
import io.github.ipoanalyzer.analysis.IpoAnalyzer;
import io.github.ipoanalyzer.market.DailyPrice;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.market.ListingHistory;
import io.github.ipoanalyzer.market.RevenuePeriod;
import io.github.ipoanalyzer.money.FxRate;
import io.github.ipoanalyzer.money.FxRates;
import io.github.ipoanalyzer.eventstudy.Cohort;
import io.github.ipoanalyzer.eventstudy.CohortStats;
import io.github.ipoanalyzer.eventstudy.EventStudy;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataItem;
import org.jfree.data.xy.XYSeries;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartsTest {

    private static final Currency CNY = Currency.getInstance("CNY");
    private static final Currency HKD = Currency.getInstance("HKD");

    /** Two IPOs: a CNY one with full first-day prices, an HKD one without a rate and without a high. */
    private final List<IpoAnalysis> analyses;
    private final Charts charts;

    ChartsTest() {
        Listing a = new Listing("A.SH", "Alpha", null, "SSE", "STAR Market", CNY, LocalDate.of(2025, 12, 5),
                new BigDecimal("10"), 500, 1000L, 10_000L, null, null);
        Listing b = new Listing("B.HK", "Beta", null, "HKEX", "Main Board", HKD, LocalDate.of(2026, 1, 2),
                new BigDecimal("20"), 100, 1000L, 5_000L, null, null);
        IpoAnalyzer analyzer = new IpoAnalyzer(new FxRates(List.of(new FxRate(LocalDate.of(2026, 1, 8), HKD,
                new BigDecimal("0.9")))), LocalDate.of(2026, 11, 28), 5);
        analyses = List.of(
                analyzer.analyse(new ListingHistory(a, List.of(
                        price("A.SH", "2025-12-05", "15", "20", "12", "18"), price("A.SH", "2025-12-08", null, null, null, "16")),
                        List.of(new RevenuePeriod("A.SH", "FY2024", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31),
                                new BigDecimal("1000"), CNY, null)), List.of())),
                analyzer.analyse(new ListingHistory(b, List.of(price("B.HK", "2026-01-02", "25", null, null, "22")),
                        List.of(), List.of())));
        charts = new Charts(Labels.of(Language.EN), analyses, LocalDate.of(2026, 11, 28), null);
    }

    private static DailyPrice price(String ticker, String date, String o, String h, String l, String c) {
        return new DailyPrice(ticker, LocalDate.parse(date), dec(o), dec(h), dec(l), dec(c), null, null, null);
    }

    private static BigDecimal dec(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    @Test
    void firstDayReturnsHaveThreeSeriesOverBothIposWithTheUnknownHighLeftOut() {
        JFreeChart chart = charts.firstDayReturns();
        CategoryDataset data = chart.getCategoryPlot().getDataset();
        assertEquals(3, data.getRowCount());
        assertEquals(2, data.getColumnCount());
        assertEquals(0.8, data.getValue("At the close (first-day return)", "Alpha").doubleValue(), 1e-12); // 18 / 10 − 1
        assertNull(data.getValue("At the day's high", "Beta"));
        assertTrue(footer(chart).contains("Beta: high unknown"), footer(chart));
        assertTrue(footer(chart).contains("As of 2026-11-28"), footer(chart));
        assertEquals("Return from the offer price (%)", chart.getCategoryPlot().getRangeAxis().getLabel());
    }

    @Test
    void lotGainsAreInCnyAndSayWhyAnUnconvertibleOneIsMissing() {
        JFreeChart chart = charts.lotGains();
        CategoryDataset data = chart.getCategoryPlot().getDataset();
        assertEquals(4, data.getRowCount());
        assertEquals(2500.0, data.getValue("At the open", "Alpha").doubleValue(), 1e-9); // (15 − 10) × 500
        // Beta has gains at its open and close but no rate: its empty slot says so rather than read as zero.
        assertEquals(List.of("Alpha", "Beta (no rate)"), data.getColumnKeys());
        assertNull(data.getValue("At the open", "Beta (no rate)"));
        assertTrue(footer(chart).contains("Beta: no CNY/HKD rate on or before 2026-01-02"), footer(chart));
    }

    @Test
    void chartDataSaysWhatItLeavesOutAndWhyWithoutDrawingAnything() {
        ChartData data = new ChartData(analyses, l -> l.nameEn(), Labels.of(Language.EN));
        // Beta listed 2026-01-02 with an open and a close only; its first HKD rate is of 2026-01-08.
        assertEquals("Beta: no CNY/HKD rate on or before 2026-01-02, high unknown, low unknown",
                data.lotGains().leftOut().words(Labels.of(Language.EN)));
        assertEquals("Beta: high unknown", data.firstDayReturns().leftOut().words(Labels.of(Language.EN)));
        assertEquals("Beta: no CNY/HKD rate on or before 2026-01-02", data.marketValue().leftOut().words(Labels.of(Language.EN)));
        assertEquals("Beta: no full-year revenue", data.priceToSales().leftOut().words(Labels.of(Language.EN)));
        // Alpha's two closes, 18 and 16 × 10,000 shares, in CNY billion.
        assertEquals(List.of(180_000.0 / 1e9, 160_000.0 / 1e9), List.of(data.marketValue().data().getYValue(0, 0),
                data.marketValue().data().getYValue(0, 1)));
    }

    @Test
    void theDistributionCountsEveryListingInRoundBandsAndNamesThoseWithoutAClose() {
        Listing c = new Listing("C.SH", "Gamma", null, "SSE", "STAR Market", CNY, LocalDate.of(2025, 12, 9),
                new BigDecimal("10"), 500, 1000L, 10_000L, null, null);
        IpoAnalysis gamma = new IpoAnalyzer(new FxRates(List.of()), LocalDate.of(2026, 11, 28), 5).analyse(
                new ListingHistory(c, List.of(price("C.SH", "2025-12-09", "11", null, null, null)), List.of(), List.of()));
        List<IpoAnalysis> all = new java.util.ArrayList<>(analyses);
        all.add(gamma);
        ChartData.Drawn<org.jfree.data.category.DefaultCategoryDataset> bands = ChartData.firstDayDistribution(Labels.of(Language.EN), all);
        // Beta 22 / 20 − 1 = +10%, Alpha 18 / 10 − 1 = +80%: two returns, at most ⌈2·∛2⌉ = 3 bands. Bands of 10 points
        // would be 8 (+10% to +90%), of 25 points 4 (+0% to +100%); of 50 points, 2.
        List<String> labels = List.of("+0% to +50%", "+50% to +100%");
        assertEquals(labels, bands.data().getColumnKeys());
        assertEquals(List.of(1, 1), labels.stream().map(l -> bands.data().getValue("Listings", l).intValue()).toList());
        assertEquals("1 of 3 listings: no first close", bands.leftOut().words(Labels.of(Language.EN)));
    }

    @Test
    void theNumberOfBandsFollowsTheNumberOfReturns() {
        // Rice's rule ⌈2·∛n⌉: 2·∛2 = 2.52 → 3, 2·∛4 = 3.17 → 4, 2·∛1000 = 20, 2·∛10⁶ = 200, capped at 30.
        assertEquals(List.of(3, 4, 20, 30), List.of(ChartData.maxBands(2), ChartData.maxBands(4), ChartData.maxBands(1000),
                ChartData.maxBands(1_000_000)));
    }

    @Test
    void theFourShippedFirstDayReturnsFallInThreeBandsNotTwentyEight() {
        IpoAnalyzer analyzer = new IpoAnalyzer(new FxRates(List.of()), LocalDate.of(2026, 11, 28), 5);
        List<IpoAnalysis> all = new java.util.ArrayList<>();
        // From an offer of 10: +8.437%, +75.8163%, +425.4638% and +692.9486%, the shipped input's four first-day returns.
        for (String close : List.of("10.8437", "17.58163", "52.54638", "79.29486")) {
            Listing l = new Listing("X" + close + ".SH", "X", null, "SSE", "STAR Market", CNY, LocalDate.of(2025, 12, 5),
                    new BigDecimal("10"), 500, 1000L, 10_000L, null, null);
            all.add(analyzer.analyse(new ListingHistory(l, List.of(price(l.ticker(), "2025-12-05", null, null, null, close)),
                    List.of(), List.of())));
        }
        var bands = ChartData.firstDayDistribution(Labels.of(Language.EN), all).data();
        // At most 4 bands: of 100 points they would be 7 (+0% to +700%); of 250 points, 3.
        assertEquals(List.of("+0% to +250%", "+250% to +500%", "+500% to +750%"), bands.getColumnKeys());
        assertEquals(List.of(2, 1, 1), bands.getColumnKeys().stream()
                .map(k -> bands.getValue("Listings", (String) k).intValue()).toList());
    }

    @Test
    void lotGainsAreOnALogAxisAndALossThatCannotBeOnItIsNamedWithItsAmount() {
        Listing d = new Listing("D.SH", "Delta", null, "SSE", "STAR Market", CNY, LocalDate.of(2025, 12, 5),
                new BigDecimal("10"), 500, 1000L, 10_000L, null, null);
        // Opens at 10.50 (+250 CNY a lot), closes at 9 (−500 CNY a lot).
        IpoAnalysis delta = new IpoAnalyzer(new FxRates(List.of()), LocalDate.of(2026, 11, 28), 5).analyse(
                new ListingHistory(d, List.of(price("D.SH", "2025-12-05", "10.50", null, null, "9")), List.of(), List.of()));
        JFreeChart chart = new Charts(Labels.of(Language.EN), List.of(delta), LocalDate.of(2026, 11, 28), null).lotGains();
        assertTrue(chart.getCategoryPlot().getRangeAxis() instanceof org.jfree.chart.axis.LogAxis);
        CategoryDataset data = chart.getCategoryPlot().getDataset();
        assertEquals(250.0, data.getValue("At the open", "Delta").doubleValue(), 1e-9);
        assertNull(data.getValue("At the close", "Delta"));
        assertTrue(footer(chart).contains("Delta: high unknown, low unknown, close loss -500.00 CNY (not on the log axis)"),
                footer(chart));
        // The axis starts a decade below the smallest bar (250): at 10.
        assertEquals(10.0, chart.getCategoryPlot().getRangeAxis().getLowerBound(), 1e-9);
    }

    @Test
    void theNetChartShowsOnlyTheNetShareNotAGrossBarThatIsAlways100Percent() {
        CategoryDataset data = charts.grossAndNet().getCategoryPlot().getDataset();
        assertEquals(List.of("Net of fees, as a share of the gross"), data.getRowKeys());
    }

    @Test
    void cohortsOfTheSameListingsAreDrawnOnceUnderTheirJoinedNames() {
        FxRates rates = new FxRates(List.of());
        List<CohortStats> cohorts = List.of(
                CohortStats.of(new Cohort("all", "every listing", List.of("A.SH", "B.HK")), analyses, rates),
                CohortStats.of(new Cohort("exchange SSE", "SSE", List.of("A.SH")), analyses.subList(0, 1), rates),
                CohortStats.of(new Cohort("GPU two", "named", List.of("B.HK", "A.SH")), analyses, rates));
        EventStudy.Result result = new EventStudy.Result(cohorts, List.of(), List.of(), java.util.Map.of(),
                java.util.Map.of(), 5);
        JFreeChart chart = charts.cohortFirstDay(result);
        assertEquals(List.of("all = GPU two (n=2)", "exchange SSE (n=1)"),
                chart.getCategoryPlot().getDataset().getColumnKeys());
        // Alpha +80%, Beta +10%: mean +45%.
        assertEquals(0.45, chart.getCategoryPlot().getDataset().getValue("Equal-weighted mean", "all = GPU two (n=2)")
                .doubleValue(), 1e-12);
        assertEquals("Cohorts of the same listings have the same figures: drawn once, their names joined by \"=\"",
                ((TextTitle) chart.getSubtitle(0)).getText());
    }

    @Test
    void marketValueHasOneSeriesPerConvertibleIpo() {
        JFreeChart chart = charts.marketValue();
        var data = chart.getXYPlot().getDataset();
        assertEquals(1, data.getSeriesCount(), "Beta has no rate on its only close");
        assertEquals(2, data.getItemCount(0));
        assertEquals(180_000.0 / 1e9, data.getYValue(0, 0), 1e-15); // 18 × 10,000 in CNY billion
    }

    /** In Chinese, with a font that draws it: the chart's words in Chinese and market value in 亿元 (10⁸ CNY). */
    @Test
    void aChineseReportDrawsMarketValueIn亿元WithChineseWords() {
        org.junit.jupiter.api.Assumptions.assumeTrue(ChartFonts.forNames(List.of("摩尔线程")).localNames(),
                "no installed font draws Chinese (apt-get install fonts-wqy-zenhei)");
        Listing c = new Listing("C.SH", "Gamma", "伽马", "SSE", "STAR Market", CNY, LocalDate.of(2025, 1, 6),
                new BigDecimal("10"), 500, 1000L, 10_000L, null, null);
        IpoAnalyzer analyzer = new IpoAnalyzer(new FxRates(List.of()), LocalDate.of(2026, 11, 28), 5);
        IpoAnalysis gamma = analyzer.analyse(new ListingHistory(c, List.of(price("C.SH", "2025-01-06", null, null, null, "11"),
                price("C.SH", "2025-01-07", null, null, null, "12")), List.of(), List.of()));
        JFreeChart chart = new Charts(Labels.of(Language.ZH), List.of(gamma), LocalDate.of(2026, 11, 28), null).marketValue();
        assertEquals("上市以来市值", chart.getTitle().getText());
        assertEquals("市值（亿元）", chart.getXYPlot().getRangeAxis().getLabel());
        assertEquals("交易日", chart.getXYPlot().getDomainAxis().getLabel());
        assertEquals("Gamma 伽马", chart.getXYPlot().getDataset().getSeriesKey(0));
        // 12 × 10,000 shares = 120,000 CNY = 0.0012 亿
        assertEquals(120_000.0 / 1e8, chart.getXYPlot().getDataset().getYValue(0, 1), 1e-15);
        assertTrue(footer(chart).startsWith("截至 2026-11-28 · 数据："), footer(chart));
        JFreeChart returns = new Charts(Labels.of(Language.ZH), List.of(gamma), LocalDate.of(2026, 11, 28), null)
                .firstDayReturns();
        assertEquals("首日较发行价涨幅", returns.getTitle().getText());
        assertEquals(List.of("开盘", "当日最高", "收盘（首日涨幅）"), returns.getCategoryPlot().getDataset().getRowKeys());
        // Gamma's prices have closes only: what the chart leaves out is said in Chinese too.
        assertTrue(footer(returns).startsWith("未显示：Gamma：最高价未知"), footer(returns));
    }

    @Test
    void aLineBreaksWhereClosesAreMoreThanAMonthApartAndTheFooterSaysWhere() {
        Listing c = new Listing("C.SH", "Gamma", null, "SSE", "STAR Market", CNY, LocalDate.of(2025, 1, 6),
                new BigDecimal("10"), 500, 1000L, 10_000L, null, null);
        IpoAnalyzer analyzer = new IpoAnalyzer(new FxRates(List.of()), LocalDate.of(2026, 11, 28), 5);
        // Closes on Jan 6 and 7, then none for 32 days (a suspension), then Feb 8: 31 days apart are joined.
        IpoAnalysis gamma = analyzer.analyse(new ListingHistory(c, List.of(price("C.SH", "2025-01-06", null, null, null, "11"),
                price("C.SH", "2025-01-07", null, null, null, "12"), price("C.SH", "2025-02-08", null, null, null, "13"),
                price("C.SH", "2025-03-11", null, null, null, "14")), List.of(), List.of()));
        JFreeChart chart = new Charts(Labels.of(Language.EN), List.of(gamma), LocalDate.of(2026, 11, 28), null).marketValue();
        var data = chart.getXYPlot().getDataset();
        assertEquals(5, data.getItemCount(0), "four closes and one break");
        assertEquals(LocalDate.of(2025, 1, 8), LocalDate.ofInstant(java.time.Instant.ofEpochMilli(data.getX(0, 2).longValue()),
                java.time.ZoneOffset.UTC));
        assertNull(data.getY(0, 2), "no value: the line is not drawn across the gap");
        assertEquals(130_000.0 / 1e9, data.getYValue(0, 3), 1e-15);
        assertTrue(footer(chart).contains("Gamma: no close from 2025-01-08 to 2025-02-07 (the line breaks)"), footer(chart));
        assertTrue(!footer(chart).contains("2025-03"), "Feb 8 to Mar 11 is 31 days: joined");
    }

    @Test
    void manyBarsSideBySideLabelOnlyTheHeadlineSeriesAndTheFooterSaysSo() {
        List<IpoAnalysis> many = new java.util.ArrayList<>();
        IpoAnalyzer analyzer = new IpoAnalyzer(new FxRates(List.of()), LocalDate.of(2026, 11, 28), 5);
        for (int i = 0; i < 9; i++) { // 9 IPOs × 3 returns = 27 bars, over the 24 that are all labelled
            Listing l = new Listing("T" + i, "Listing " + i, null, "SSE", null, CNY, LocalDate.of(2025, 12, 5),
                    new BigDecimal("10"), 500, 1000L, 10_000L, null, null);
            many.add(analyzer.analyse(new ListingHistory(l, List.of(price("T" + i, "2025-12-05", "15", "20", "12", "18")),
                    List.of(), List.of())));
        }
        JFreeChart crowded = new Charts(Labels.of(Language.EN), many, LocalDate.of(2026, 11, 28), null).firstDayReturns();
        var renderer = crowded.getCategoryPlot().getRenderer();
        assertTrue(!renderer.isItemLabelVisible(0, 0) && !renderer.isItemLabelVisible(1, 0), "open and high unlabelled");
        assertTrue(renderer.isItemLabelVisible(2, 0), "the close labelled");
        assertTrue(footer(crowded).contains("values labelled for \"At the close (first-day return)\" only (27 bars;"),
                footer(crowded));
        // In Chinese (with a font that draws it), with a selection too: full-width punctuation, no space after the colon.
        if (ChartFonts.forNames(List.of("摩尔线程")).localNames()) {
            String zh = footer(new Charts(Labels.of(Language.ZH), many, LocalDate.of(2026, 11, 28), new ChartedListings.Selection(9, 20))
                    .firstDayReturns());
            assertTrue(zh.startsWith("显示：募资总额最大的 9 只（共 20 只，全部在 CSV 文件中）；"), zh);
        }
        // Two IPOs (6 bars): every bar labelled, nothing said.
        assertTrue(charts.firstDayReturns().getCategoryPlot().getRenderer().isItemLabelVisible(0, 0));
        assertTrue(!footer(charts.firstDayReturns()).contains("labelled"));
    }

    @Test
    void priceToSalesUsesTheLastFullYear() {
        CategoryDataset data = charts.priceToSales().getCategoryPlot().getDataset();
        assertEquals(2, data.getRowCount());
        assertEquals(1, data.getColumnCount());
        assertEquals(100.0, data.getValue("At the offer price", "Alpha (FY2024)").doubleValue(), 1e-9); // 10 × 10,000 / 1,000
        assertEquals(160.0, data.getValue("At the latest close", "Alpha (FY2024)").doubleValue(), 1e-9); // 16 × 10,000 / 1,000
    }

    @Test
    void everyChartIsWrittenAsAPngOfTheStatedSize(@TempDir Path dir) throws Exception {
        List<Charts.ChartFile> files = charts.writeAll(dir);
        assertEquals(5, files.size());
        for (Charts.ChartFile f : files) {
            BufferedImage image = ImageIO.read(dir.resolve(f.fileName()).toFile());
            assertNotNull(image, f.fileName());
            assertEquals(Charts.WIDTH, image.getWidth());
            assertEquals(Charts.HEIGHT, image.getHeight());
        }
    }

    @Test
    void aCarLineJoinsOnlyMeansOverTheSameNumberOfEventsAndMarksThoseBelowTheMinimum() {
        // Three listing events have day 0, only one has days 1 and 2: the mean over one event is another line.
        EventStudy.Result result = new EventStudy.Result(List.of(), List.of(), List.of(
                new EventStudy.CarPath("listing", 0, 3, new BigDecimal("2.5")),
                new EventStudy.CarPath("listing", 1, 1, new BigDecimal("0.4")),
                new EventStudy.CarPath("listing", 2, 1, new BigDecimal("0.3"))), java.util.Map.of(), java.util.Map.of(), 2);
        ChartData.CarLines lines = ChartData.carByEvent(Labels.of(Language.EN), result);
        XYSeries series = lines.drawn().data().getSeries(0);
        assertEquals("listing (up to 3 events)", series.getKey());
        assertEquals(List.of(0.0, 0.5, 1.0, 2.0), series.getItems().stream()
                .map(i -> ((XYDataItem) i).getXValue()).toList());
        assertNull(series.getY(1), "no line from the mean of 3 events at day 0 to that of 1 event at day 1");
        assertEquals(List.of(3, 0, 1, 1), lines.events().get(0));

        XYPlot plot = charts.carByEvent(result).getXYPlot();
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        assertTrue(renderer.getItemShapeFilled(0, 0), "n = 3 is at least the minimum of 2");
        assertFalse(renderer.getItemShapeFilled(0, 2), "n = 1 is below the minimum: hollow");
        assertEquals("n=3", renderer.getItemLabelGenerator(0, 0).generateLabel(plot.getDataset(), 0, 0));
        assertEquals("n=1", renderer.getItemLabelGenerator(0, 2).generateLabel(plot.getDataset(), 0, 2));
        assertNull(renderer.getItemLabelGenerator(0, 3).generateLabel(plot.getDataset(), 0, 3), "n only where a line starts");
    }

    @Test
    void aNameWithARightToLeftOverrideIsDrawnWithoutItInLabelsAndFooter() {
        Listing b = new Listing("B.HK", "Be\u202Eta\u200B", null, "HKEX", "Main Board", HKD, LocalDate.of(2026, 1, 2),
                new BigDecimal("20"), 100, 1000L, 5_000L, null, null);
        IpoAnalysis beta = new IpoAnalyzer(new FxRates(List.of()), LocalDate.of(2026, 11, 28), 5).analyse(
                new ListingHistory(b, List.of(price("B.HK", "2026-01-02", "25", null, null, "22")), List.of(), List.of()));
        JFreeChart chart = new Charts(Labels.of(Language.EN), List.of(beta), LocalDate.of(2026, 11, 28), null).firstDayReturns();
        assertEquals(List.of("Beta"), ((CategoryDataset) chart.getCategoryPlot().getDataset()).getColumnKeys());
        assertTrue(footer(chart).startsWith("Not shown: Beta: high unknown\n"), footer(chart));
    }

    /** Over two days JFreeChart's own units tick every half day: "2025-12-17" twice under an ISO day label. */
    @Test
    void aDateAxisOverTwoDaysTicksEachDayOnce() {
        org.jfree.chart.axis.DateAxis dates = new org.jfree.chart.axis.DateAxis("Trading date");
        ChartTheme.isoDates(dates, 0.06);
        long halfDay = java.time.Duration.ofHours(12).toMillis(); // the margins round the first and last close
        dates.setRange(utcMillis("2025-12-17") - halfDay, utcMillis("2025-12-19") + halfDay);
        java.awt.Graphics2D g = new BufferedImage(1080, 600, BufferedImage.TYPE_INT_RGB).createGraphics();
        List<String> labels = dates.refreshTicks(g, new org.jfree.chart.axis.AxisState(),
                        new java.awt.geom.Rectangle2D.Double(0, 0, 900, 400), org.jfree.chart.ui.RectangleEdge.BOTTOM)
                .stream().map(tick -> ((org.jfree.chart.axis.Tick) tick).getText()).toList();
        assertEquals(List.of("2025-12-17", "2025-12-18", "2025-12-19"), labels);
    }

    private static long utcMillis(String day) {
        return LocalDate.parse(day).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private static String footer(JFreeChart chart) {
        return ((TextTitle) chart.getSubtitle(chart.getSubtitleCount() - 1)).getText();
    }
}
