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

    private final ChartTheme theme;
    private final ChartData data;

    /** {@code selection} says which listings the charts show when they are not all (null when all). */
    public Charts(List<IpoAnalysis> analyses, LocalDate asOf, String selection) {
        this.theme = new ChartTheme(ChartFonts.forNames(analyses.stream().map(a -> a.listing().nameLocal())
                .filter(n -> n != null).toList()), asOf, selection);
        this.data = new ChartData(analyses, theme::label);
    }

    public record ChartFile(String fileName, String title, String description) {
    }

    public List<ChartFile> writeAll(Path folder) throws IOException {
        List<ChartFile> files = new ArrayList<>();
        files.add(save(folder, "first-day-returns.png", firstDayReturns(),
                "First-day return from the offer price at the open, the day's high and the close"));
        files.add(save(folder, "lot-gains-cny.png", lotGains(),
                "Gain of one winning lot in CNY at the first day's open, high, low and close"));
        files.add(save(folder, "lot-gains-net.png", grossAndNet(),
                "One winning lot sold at the first-day close: what is left of the gross gain net of the fee "
                        + "schedule's charges"));
        files.add(save(folder, "market-value.png", marketValue(),
                "Market value in CNY at every known close since listing"));
        files.add(save(folder, "price-to-sales.png", priceToSales(),
                "Market value over the last full year's revenue, at the offer and at the latest close"));
        return files;
    }

    /** The event-study charts: CAR around each event kind, cohorts side by side, market value with events. */
    public List<ChartFile> writeEventStudy(Path folder, EventStudy.Result result, List<Event> events) throws IOException {
        return List.of(
                save(folder, "car-by-event.png", carByEvent(result),
                        "Mean cumulative abnormal return around each kind of event, by event day"),
                save(folder, "cohort-first-day.png", cohortFirstDay(result),
                        "First-day return of each cohort: equal-weighted mean, median and proceeds-weighted"),
                save(folder, "market-value-events.png", marketValueWithEvents(events),
                        "Market value in CNY since listing with the events of each listing marked"));
    }

    /** Expected return of each HK application size against its money (see {@link TierChart}); empty without a table. */
    public java.util.Optional<ChartFile> writeTiers(Path folder, List<IpoAnalysis> analyses) throws IOException {
        java.util.Optional<JFreeChart> chart = TierChart.of(theme, analyses);
        return chart.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(save(folder, TierChart.FILE, chart.get(), TierChart.DESCRIPTION));
    }

    /** The distribution of first-day returns over every listing of the report (the charts of single listings show a selection). */
    public ChartFile writeDistribution(Path folder, List<IpoAnalysis> everyListing) throws IOException {
        return save(folder, "first-day-distribution.png", firstDayDistribution(everyListing),
                "How many listings had each first-day return (close vs offer), in bands, over every listing");
    }

    JFreeChart firstDayDistribution(List<IpoAnalysis> everyListing) {
        ChartData.Drawn<DefaultCategoryDataset> bands = ChartData.firstDayDistribution(everyListing);
        JFreeChart chart = theme.overEveryListing("every listing of the report with a first close, not only the charted ones")
                .barChart("Distribution of first-day returns", "Listings", bands.data(), ChartTheme.format("#,##0"),
                        bands.leftOut());
        chart.getCategoryPlot().getDomainAxis().setLabel("First-day return from the offer price (band: from, up to)");
        // Counts are whole listings: no tick between 0 and 1.
        ((NumberAxis) chart.getCategoryPlot().getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        chart.getCategoryPlot().getDomainAxis().setCategoryLabelPositions(
                org.jfree.chart.axis.CategoryLabelPositions.UP_45);
        chart.removeLegend();
        int n = everyListing.stream().mapToInt(a -> a.firstDayReturn().atClose() == null ? 0 : 1).sum();
        TextTitle how = new TextTitle(String.format(java.util.Locale.ROOT, "%,d first-day returns in bands of the "
                + "narrowest round width that needs at most %d bands (2 × the cube root of n, rounded up: Rice's rule; never more than %d)", n,
                ChartData.maxBands(n), ChartData.MAX_BANDS), theme.font(Font.PLAIN, 12));
        how.setPaint(Color.DARK_GRAY);
        chart.addSubtitle(0, how);
        return chart;
    }

    JFreeChart carByEvent(EventStudy.Result result) {
        ChartData.CarLines lines = ChartData.carByEvent(result);
        ChartData.Drawn<XYSeriesCollection> car = lines.drawn();
        JFreeChart chart = ChartFactory.createXYLineChart("Cumulative abnormal return around events",
                "Event day (trading days from the event; 0 = event day)", "Mean cumulative abnormal return (%)", car.data());
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
        theme.overEveryListing("means over the events of every listing in the report, not only the charted ones")
                .xyStyle(chart, car.leftOut());
        TextTitle how = new TextTitle("A point only on event days where both the listing and its benchmark have a "
                + "return; the mean is over those events (see abnormal-returns.csv). A line joins only means over the "
                + "same number of events, n where it starts; hollow: n below " + result.minimumN()
                + " (ipo.event-min-n)", theme.font(Font.PLAIN, 12));
        how.setPaint(Color.DARK_GRAY);
        chart.addSubtitle(0, how);
        return chart;
    }

    JFreeChart cohortFirstDay(EventStudy.Result result) {
        ChartData.Drawn<DefaultCategoryDataset> cohorts = ChartData.cohortFirstDay(result);
        JFreeChart chart = theme.overEveryListing("every cohort, over all its listings in the report, not only the "
                + "charted ones").barChart("First-day return by cohort", "First-day return from the offer price (%)",
                cohorts.data(), ChartTheme.format("+#,##0%;-#,##0%"), cohorts.leftOut());
        chart.getCategoryPlot().getDomainAxis().setLabel("Cohort");
        if (cohorts.data().getColumnCount() < result.cohorts().size()) {
            TextTitle how = new TextTitle("Cohorts of the same listings have the same figures: drawn once, their names "
                    + "joined by \"=\"", theme.font(Font.PLAIN, 12));
            how.setPaint(Color.DARK_GRAY);
            chart.addSubtitle(0, how);
        }
        return chart;
    }

    JFreeChart marketValueWithEvents(List<Event> events) {
        JFreeChart chart = marketValue();
        chart.setTitle("Market value since listing, with events");
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
        JFreeChart chart = theme.barChart("First-day return from the offer price", "Return from the offer price (%)",
                returns.data(), ChartTheme.format("+#,##0.0%;-#,##0.0%"), returns.leftOut());
        ((NumberAxis) chart.getCategoryPlot().getRangeAxis()).setNumberFormatOverride(ChartTheme.format("#,##0%"));
        return chart;
    }

    JFreeChart lotGains() {
        ChartData.Drawn<DefaultCategoryDataset> gains = data.lotGains();
        JFreeChart chart = theme.barChart("Gain of one winning lot on the first day (before fees)",
                "Gain per winning lot (CNY, log scale)", gains.data(), ChartTheme.format("#,##0"), gains.leftOut());
        // A log axis: an HK lot of a thousand CNY stays visible beside an A-share lot of hundreds of thousands.
        org.jfree.chart.axis.LogAxis log = new org.jfree.chart.axis.LogAxis("Gain per winning lot (CNY, log scale)");
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
        TextTitle how = new TextTitle("Log scale: each gridline is ten times the one below, so that lots of a few "
                + "thousand CNY show beside lots of hundreds of thousands; a loss cannot be drawn on it and is named below",
                theme.font(Font.PLAIN, 12));
        how.setPaint(Color.DARK_GRAY);
        chart.addSubtitle(0, how);
        return chart;
    }

    JFreeChart grossAndNet() {
        ChartData.Drawn<DefaultCategoryDataset> gains = data.netShareOfGrossAtClose();
        JFreeChart chart = theme.barChart("What one winning lot sold at the first-day close keeps of its gain, net of fees",
                "Net gain as a share of the gross gain (%)", gains.data(), ChartTheme.format("#,##0.0%"), gains.leftOut());
        chart.removeLegend(); // one series, named by the axis
        TextTitle what = new TextTitle("Net: less stamp duty, levies, exchange and settlement fees and the HK application "
                + "brokerage (fees.csv); broker commission not included unless the schedule has it", theme.font(Font.PLAIN, 12));
        what.setPaint(Color.DARK_GRAY);
        chart.addSubtitle(0, what);
        return chart;
    }

    JFreeChart marketValue() {
        ChartData.Drawn<TimeSeriesCollection> values = data.marketValue();
        return theme.timeSeriesChart("Market value since listing", "Market value (CNY billion)", values.data(),
                ChartTheme.format("#,##0"), values.leftOut());
    }

    JFreeChart priceToSales() {
        ChartData.Drawn<DefaultCategoryDataset> multiples = data.priceToSales();
        return theme.barChart("Price-to-sales on the last full year's revenue", "Market value / revenue (×)",
                multiples.data(), ChartTheme.format("#,##0'×'"), multiples.leftOut());
    }

    private ChartFile save(Path folder, String fileName, JFreeChart chart, String description) throws IOException {
        ChartTheme.save(folder.resolve(fileName), chart);
        return new ChartFile(fileName, chart.getTitle().getText(), description);
    }
}
