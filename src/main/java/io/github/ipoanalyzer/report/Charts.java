package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.analysis.IpoAnalysis;
import io.github.ipoanalyzer.eventstudy.EventStudy;
import io.github.ipoanalyzer.market.Event;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The report's PNG charts. Each has a title, axis labels with units, a legend, readable dates
 * and a footer with the as-of date, the data source and what could not be drawn. What a chart
 * draws (and leaves out, and why) comes from {@link ChartData}; how it looks, from {@link ChartTheme}.
 */
public final class Charts {

    public static final int WIDTH = ChartTheme.WIDTH;
    public static final int HEIGHT = ChartTheme.HEIGHT;

    private final Labels t;
    /** The words of the pages, which list the charts with their descriptions ({@link #t}: those the charts are drawn with). */
    private final Labels described;
    private final ChartTheme theme;
    private final ChartData data;

    /** {@code selection} says which listings the charts show when they are not all (null when all); {@code t}: their words. */
    public Charts(Labels t, List<IpoAnalysis> analyses, LocalDate asOf, ChartedListings.Selection selection) {
        ChartFonts fonts = ChartFonts.forNames(analyses.stream().map(a -> a.listing().nameLocal())
                .filter(n -> n != null).toList());
        this.t = fonts.words(t);
        this.described = t;
        this.theme = new ChartTheme(this.t, fonts, asOf, selection == null ? null : selection.words(this.t));
        this.data = new ChartData(analyses, theme::label, this.t);
    }

    public record ChartFile(String fileName, String title, String description) {
    }

    public List<ChartFile> writeAll(Path folder) throws IOException {
        List<ChartFile> files = new ArrayList<>();
        files.add(save(folder, "first-day-returns.png", firstDayReturns(), described.get("firstDayReturnsDescription")));
        files.add(save(folder, "lot-gains-cny.png", lotGains(), described.get("lotGainsDescription")));
        files.add(save(folder, "lot-gains-net.png", grossAndNet(), described.get("lotGainsNetDescription")));
        files.add(save(folder, "market-value.png", marketValue(), described.get("marketValueDescription")));
        files.add(save(folder, "price-to-sales.png", priceToSales(), described.get("priceToSalesDescription")));
        return files;
    }

    /** The event-study charts: CAR around each event kind, cohorts side by side, market value with events. */
    public List<ChartFile> writeEventStudy(Path folder, EventStudy.Result result, List<Event> events) throws IOException {
        return List.of(
                save(folder, "car-by-event.png", carByEvent(result), described.get("carByEventDescription")),
                save(folder, "cohort-first-day.png", cohortFirstDay(result), described.get("cohortFirstDayDescription")),
                save(folder, "market-value-events.png", marketValueWithEvents(events),
                        described.get("marketValueEventsDescription")));
    }

    /** Expected return of each HK application size against its money (see {@link TierChart}); empty without a table. */
    public java.util.Optional<ChartFile> writeTiers(Path folder, List<IpoAnalysis> analyses) throws IOException {
        java.util.Optional<JFreeChart> chart = TierChart.of(theme, analyses);
        return chart.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(save(folder, TierChart.FILE, chart.get(), described.get("tiersDescription")));
    }

    /** The distribution of first-day returns over every listing of the report (the charts of single listings show a selection). */
    public ChartFile writeDistribution(Path folder, List<IpoAnalysis> everyListing) throws IOException {
        return save(folder, "first-day-distribution.png", firstDayDistribution(everyListing),
                described.get("distributionDescription"));
    }

    JFreeChart firstDayDistribution(List<IpoAnalysis> everyListing) {
        ChartData.Drawn<DefaultCategoryDataset> bands = ChartData.firstDayDistribution(t, everyListing);
        JFreeChart chart = theme.overEveryListing(t.get("distributionOverEvery"))
                .barChart(t.get("distributionTitle"), t.get("listings"), bands.data(), ChartTheme.format("#,##0"),
                        bands.leftOut());
        chart.getCategoryPlot().getDomainAxis().setLabel(t.get("distributionAxis"));
        // Counts are whole listings: no tick between 0 and 1.
        ((NumberAxis) chart.getCategoryPlot().getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        chart.getCategoryPlot().getDomainAxis().setCategoryLabelPositions(
                org.jfree.chart.axis.CategoryLabelPositions.UP_45);
        chart.removeLegend();
        int n = everyListing.stream().mapToInt(a -> a.firstDayReturn().atClose() == null ? 0 : 1).sum();
        TextTitle how = new TextTitle(t.format("distributionHow", String.format(java.util.Locale.ROOT, "%,d", n),
                ChartData.maxBands(n), ChartData.MAX_BANDS), theme.font(Font.PLAIN, 12));
        how.setPaint(Color.DARK_GRAY);
        chart.addSubtitle(0, how);
        return chart;
    }

    JFreeChart carByEvent(EventStudy.Result result) {
        ChartData.CarLines lines = ChartData.carByEvent(t, result);
        ChartData.Drawn<XYSeriesCollection> car = lines.drawn();
        JFreeChart chart = ChartFactory.createXYLineChart(t.get("carTitle"), t.get("carDayAxis"), t.get("carValueAxis"),
                car.data());
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = ChartTheme.lineRenderer(car.data(), new XYLineAndShapeRenderer() {
            @Override
            public boolean getItemShapeFilled(int series, int item) {
                return lines.events().get(series).get(item) >= result.minimumN(); // hollow: too few for a statistic
            }
        });
        renderer.setDefaultShapesVisible(true);
        // n where a line starts: each line is a mean over that many events.
        renderer.setDefaultItemLabelGenerator((dataset, series, item) -> {
            List<Integer> n = lines.events().get(series);
            return n.get(item) > 0 && (item == 0 || n.get(item - 1) == 0) ? "n=" + n.get(item) : null;
        });
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(theme.font(Font.PLAIN, 12));
        plot.setRenderer(renderer);
        ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(ChartTheme.format("+#,##0%;-#,##0%"));
        plot.addDomainMarker(new org.jfree.chart.plot.ValueMarker(0, Color.GRAY, new BasicStroke(1f)));
        theme.overEveryListing(t.get("carOverEvery")).xyStyle(chart, car.leftOut());
        TextTitle how = new TextTitle(t.format("carHow", result.minimumN()), theme.font(Font.PLAIN, 12));
        how.setPaint(Color.DARK_GRAY);
        chart.addSubtitle(0, how);
        return chart;
    }

    JFreeChart cohortFirstDay(EventStudy.Result result) {
        ChartData.Drawn<DefaultCategoryDataset> cohorts = ChartData.cohortFirstDay(t, result);
        JFreeChart chart = theme.overEveryListing(t.get("cohortOverEvery")).barChart(t.get("cohortTitle"),
                t.get("cohortValueAxis"), cohorts.data(), ChartTheme.format("+#,##0%;-#,##0%"), cohorts.leftOut());
        chart.getCategoryPlot().getDomainAxis().setLabel(t.get("cohort"));
        if (cohorts.data().getColumnCount() < result.cohorts().size()) {
            TextTitle how = new TextTitle(t.get("cohortHow"), theme.font(Font.PLAIN, 12));
            how.setPaint(Color.DARK_GRAY);
            chart.addSubtitle(0, how);
        }
        return chart;
    }

    JFreeChart marketValueWithEvents(List<Event> events) {
        JFreeChart chart = marketValue();
        chart.setTitle(t.get("marketValueEventsTitle"));
        XYPlot plot = chart.getXYPlot();
        int lines = plot.getDataset().getSeriesCount();
        TimeSeriesCollection eventData = data.eventMarkers(events);
        // Events on the same close overlap (a listing that is also a milestone): each kind has its own shape and size,
        // drawn as an outline only, so that a smaller one inside a larger one still shows.
        XYLineAndShapeRenderer eventRenderer = new XYLineAndShapeRenderer(false, true);
        eventRenderer.setDefaultShapesFilled(false);
        eventRenderer.setUseOutlinePaint(false);
        eventRenderer.setDrawOutlines(true);
        java.awt.Shape[] shapes = org.jfree.chart.plot.DefaultDrawingSupplier.createStandardSeriesShapes();
        for (int i = 0; i < eventData.getSeriesCount(); i++) {
            eventRenderer.setSeriesPaint(i, ChartTheme.paint(lines + i));
            eventRenderer.setSeriesOutlineStroke(i, new BasicStroke(3f));
            double scale = Math.max(1.4, 3.8 - 1.0 * i);
            eventRenderer.setSeriesShape(i, java.awt.geom.AffineTransform.getScaleInstance(scale, scale)
                    .createTransformedShape(shapes[i % shapes.length]));
        }
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
        plot.setDataset(1, eventData);
        plot.setRenderer(1, eventRenderer);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.REVERSE);
        return chart;
    }

    JFreeChart firstDayReturns() {
        ChartData.Drawn<DefaultCategoryDataset> returns = data.firstDayReturns();
        JFreeChart chart = theme.barChart(t.get("firstDayReturnsTitle"), t.get("firstDayReturnsAxis"),
                returns.data(), ChartTheme.format("+#,##0.0%;-#,##0.0%"), returns.leftOut());
        ((NumberAxis) chart.getCategoryPlot().getRangeAxis()).setNumberFormatOverride(ChartTheme.format("#,##0%"));
        return chart;
    }

    JFreeChart lotGains() {
        ChartData.Drawn<DefaultCategoryDataset> gains = data.lotGains();
        JFreeChart chart = theme.barChart(t.get("lotGainsTitle"), t.get("lotGainsAxis"), gains.data(),
                ChartTheme.format("#,##0"), gains.leftOut());
        // A log axis: an HK lot of a thousand CNY stays visible beside an A-share lot of hundreds of thousands.
        org.jfree.chart.axis.LogAxis log = new org.jfree.chart.axis.LogAxis(t.get("lotGainsAxis"));
        log.setBase(10);
        log.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1));
        log.setMinorTickMarksVisible(true);
        log.setNumberFormatOverride(ChartTheme.format("#,##0"));
        log.setUpperMargin(0.12);
        log.setSmallestValue(1);
        log.setLabelFont(chart.getCategoryPlot().getRangeAxis().getLabelFont());
        log.setTickLabelFont(chart.getCategoryPlot().getRangeAxis().getTickLabelFont());
        chart.getCategoryPlot().setRangeAxis(log);
        // From a decade below the smallest bar's (so that it stands out), not from 1 CNY: lower decades would be empty.
        double smallest = Double.MAX_VALUE;
        for (int row = 0; row < gains.data().getRowCount(); row++) {
            for (int column = 0; column < gains.data().getColumnCount(); column++) {
                Number value = gains.data().getValue(row, column);
                smallest = value == null ? smallest : Math.min(smallest, value.doubleValue());
            }
        }
        if (smallest < Double.MAX_VALUE) {
            log.setAutoRange(false);
            log.setRange(Math.pow(10, Math.floor(Math.log10(smallest)) - 1), log.getUpperBound());
        }
        TextTitle how = new TextTitle(t.get("lotGainsHow"), theme.font(Font.PLAIN, 12));
        how.setPaint(Color.DARK_GRAY);
        chart.addSubtitle(0, how);
        return chart;
    }

    JFreeChart grossAndNet() {
        ChartData.Drawn<DefaultCategoryDataset> gains = data.netShareOfGrossAtClose();
        JFreeChart chart = theme.barChart(t.get("lotGainsNetTitle"), t.get("lotGainsNetAxis"), gains.data(),
                ChartTheme.format("#,##0.0%"), gains.leftOut());
        chart.removeLegend(); // one series, named by the axis
        TextTitle what = new TextTitle(t.get("lotGainsNetWhat"), theme.font(Font.PLAIN, 12));
        what.setPaint(Color.DARK_GRAY);
        chart.addSubtitle(0, what);
        return chart;
    }

    JFreeChart marketValue() {
        ChartData.Drawn<TimeSeriesCollection> values = data.marketValue();
        return theme.timeSeriesChart(t.get("marketValueTitle"), t.get("marketValueAxis"), values.data(),
                ChartTheme.format("#,##0"), values.leftOut());
    }

    JFreeChart priceToSales() {
        ChartData.Drawn<DefaultCategoryDataset> multiples = data.priceToSales();
        return theme.barChart(t.get("priceToSalesTitle"), t.get("priceToSalesAxis"),
                multiples.data(), ChartTheme.format("#,##0'×'"), multiples.leftOut());
    }

    private ChartFile save(Path folder, String fileName, JFreeChart chart, String description) throws IOException {
        ChartTheme.save(folder.resolve(fileName), chart);
        return new ChartFile(fileName, chart.getTitle().getText(), description);
    }
}
