package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.text.InvisibleCharacters;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

/**
 * How every chart looks: size, palette, fonts (Chinese names only where a font can draw them),
 * white plots with light grid lines, the legend on top, and a footer that says the as-of date,
 * the source, which listings are shown and what could not be drawn and why.
 */
final class ChartTheme {

    static final int WIDTH = 1200;
    static final int HEIGHT = 700;
    static final DecimalFormatSymbols US = DecimalFormatSymbols.getInstance(Locale.US);

    private static final int MAX_POINTS_MARKED = 60;
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
            new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f)};

    static {
        // PNGs are encoded in memory: ImageIO's file cache registers a JVM shutdown hook on first
        // use, which fails while a SIGTERM is stopping the run ("Shutdown in progress").
        javax.imageio.ImageIO.setUseCache(false);
    }

    private final Labels t;
    private final ChartFonts fonts;
    private final LocalDate asOf;
    private final String selection;

    /**
     * The theme of a chart over every listing (a cohort's mean, an event study), when the
     * per-listing charts show a selection: its footer must not say it shows only that selection.
     */
    ChartTheme overEveryListing(String what) {
        return selection == null ? this : new ChartTheme(t, fonts, asOf, what);
    }

    /** The theme of a chart whose footer says first what it shows, then the selection if there is one. */
    ChartTheme showing(String what) {
        return new ChartTheme(t, fonts, asOf, selection == null ? what : t.format("both", what, selection));
    }

    /** {@code selection} says which listings the charts show when they are not all (null when all). */
    ChartTheme(Labels t, ChartFonts fonts, LocalDate asOf, String selection) {
        this.t = t;
        this.fonts = fonts;
        this.asOf = asOf;
        this.selection = selection;
    }

    /** "Moore Threads 摩尔线程" where the font can draw the local name, else "Moore Threads". */
    String label(Listing listing) {
        return fonts.label(listing.nameEn(), listing.nameLocal());
    }

    /** The words of the report's language. */
    Labels labels() {
        return t;
    }

    Font font(int style, int size) {
        return fonts.font(style, size);
    }

    static Paint paint(int series) {
        return PALETTE[series % PALETTE.length];
    }

    /** Beyond this many bars side by side, only the last series (the headline figure) carries value labels. */
    static final int MAX_LABELLED_BARS = 24;

    JFreeChart barChart(String title, String valueLabel, DefaultCategoryDataset data, NumberFormat labels,
                        ChartGaps missing) {
        JFreeChart chart = ChartFactory.createBarChart(title, t.get("ipo"), valueLabel, data);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        for (int i = 0; i < data.getRowCount(); i++) {
            renderer.setSeriesPaint(i, paint(i));
        }
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", labels));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(fonts.font(Font.PLAIN, 11));
        int bars = data.getRowCount() * data.getColumnCount();
        String labelled = null;
        if (data.getRowCount() > 1 && bars > MAX_LABELLED_BARS) {
            // Side by side, the labels of neighbouring bars would print over each other.
            int last = data.getRowCount() - 1;
            renderer.setDefaultItemLabelsVisible(false);
            renderer.setSeriesItemLabelsVisible(last, true);
            labelled = t.format("valuesLabelledFor", data.getRowKey(last), bars);
        }
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setNumberFormatOverride(labels);
        range.setUpperMargin(0.12);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        axisFonts(plot.getDomainAxis(), plot.getRangeAxis());
        plot.getDomainAxis().setTickLabelFont(fonts.font(Font.PLAIN, 13));
        plot.getDomainAxis().setMaximumCategoryLabelLines(3);
        style(chart, missing, labelled);
        return chart;
    }

    /**
     * Dates as ISO days (a trading day is a day, not an instant of a time zone), with {@code margin}
     * at each end, ticked in whole days: over two days JFreeChart's own units put a tick every half
     * day, which an ISO day label shows as the same date twice.
     */
    static void isoDates(DateAxis dates, double margin) {
        SimpleDateFormat iso = new SimpleDateFormat("yyyy-MM-dd", Locale.US);
        iso.setTimeZone(TimeZone.getTimeZone("UTC"));
        dates.setTimeZone(TimeZone.getTimeZone("UTC"));
        dates.setStandardTickUnits(wholeDays());
        dates.setDateFormatOverride(iso);
        dates.setLowerMargin(margin);
        dates.setUpperMargin(margin);
    }

    /** JFreeChart's standard date tick units of a day or more. */
    static org.jfree.chart.axis.TickUnits wholeDays() {
        org.jfree.chart.axis.TickUnits all = (org.jfree.chart.axis.TickUnits) DateAxis.createStandardDateTickUnits(
                TimeZone.getTimeZone("UTC"), Locale.US);
        org.jfree.chart.axis.TickUnits days = new org.jfree.chart.axis.TickUnits();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).getSize() >= java.time.Duration.ofDays(1).toMillis()) {
                days.add(all.get(i));
            }
        }
        return days;
    }

    /** A time-series line chart with ISO dates on the axis. */
    JFreeChart timeSeriesChart(String title, String valueLabel, XYDataset data, NumberFormat values,
                               ChartGaps missing) {
        JFreeChart chart = ChartFactory.createTimeSeriesChart(title, t.get("tradingDate"), valueLabel, data, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(lineRenderer(data));
        isoDates((DateAxis) plot.getDomainAxis(), 0.04);
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setNumberFormatOverride(values);
        range.setAutoRangeIncludesZero(true);
        xyStyle(chart, missing);
        return chart;
    }

    /**
     * Thick lines, one palette colour per series, with a point at each value while a series has
     * few enough of them to tell apart (years of daily closes would be a smear of points, and
     * slow to draw).
     */
    static XYLineAndShapeRenderer lineRenderer(XYDataset data) {
        return lineRenderer(data, new XYLineAndShapeRenderer());
    }

    /** The house style on a given renderer (one that decides more per item). */
    static XYLineAndShapeRenderer lineRenderer(XYDataset data, XYLineAndShapeRenderer renderer) {
        int longest = 0;
        for (int i = 0; i < data.getSeriesCount(); i++) {
            longest = Math.max(longest, data.getItemCount(i));
        }
        renderer.setDefaultLinesVisible(true);
        renderer.setDefaultShapesVisible(longest <= MAX_POINTS_MARKED);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, paint(i));
            // Past the palette's colours a series is dashed, so that no two look alike in the legend.
            renderer.setSeriesStroke(i, i < PALETTE.length ? new BasicStroke(2.5f)
                    : new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {9f, 5f}, 0f));
        }
        return renderer;
    }

    void xyStyle(JFreeChart chart, ChartGaps missing) {
        XYPlot plot = chart.getXYPlot();
        style(chart, missing, null);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        axisFonts(plot.getDomainAxis(), plot.getRangeAxis());
    }

    private void axisFonts(Axis domain, Axis range) {
        for (Axis axis : List.of(domain, range)) {
            axis.setLabelFont(fonts.font(Font.PLAIN, 14));
            axis.setTickLabelFont(fonts.font(Font.PLAIN, 12));
        }
    }

    /** {@code labelled}: which bars carry value labels, when not all do (else null). */
    private void style(JFreeChart chart, ChartGaps missing, String labelled) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(fonts.font(Font.BOLD, 20));
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(fonts.font(Font.PLAIN, 13));
        legend.setPosition(RectangleEdge.TOP);
        String footer = source();
        if (selection != null || labelled != null) {
            footer = t.format("shown", selection == null ? labelled : labelled == null ? selection
                    : t.format("both", selection, labelled)) + "\n" + footer;
        }
        if (!missing.isEmpty()) {
            footer = t.format("notShown", missing.words(t)) + "\n" + footer;
        }
        if (!missing.approximations(t).isEmpty()) {
            footer = t.format("approximateInputs", missing.approximations(t)) + "\n" + footer;
        }
        TextTitle source = new TextTitle(InvisibleCharacters.removed(footer), fonts.font(Font.PLAIN, 11));
        source.setPosition(RectangleEdge.BOTTOM);
        source.setHorizontalAlignment(HorizontalAlignment.LEFT);
        source.setTextAlignment(HorizontalAlignment.LEFT);
        source.setPadding(new RectangleInsets(6, 8, 4, 8));
        source.setPaint(Color.DARK_GRAY);
        chart.addSubtitle(source);
    }

    /** The last line of every footer: the as-of date and where the data comes from. */
    String source() {
        return t.format("chartSource", asOf);
    }

    static NumberFormat format(String pattern) {
        return new DecimalFormat(pattern, US);
    }

    static void save(Path file, JFreeChart chart) throws IOException {
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    }
}
