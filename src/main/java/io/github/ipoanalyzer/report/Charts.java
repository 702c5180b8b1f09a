package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.analysis.IpoAnalysis;
import io.github.ipoanalyzer.analysis.LotGain;
import io.github.ipoanalyzer.analysis.ReferencePrice;
import io.github.ipoanalyzer.analysis.MarketCapPoint;
import io.github.ipoanalyzer.analysis.PriceToSales;
import io.github.ipoanalyzer.eventstudy.CohortStats;
import io.github.ipoanalyzer.market.Event;
import io.github.ipoanalyzer.eventstudy.EventStudy;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.money.FxRates;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
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
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Collectors;

/**
 * The report's PNG charts. Each has a title, axis labels with units, a legend, readable dates
 * and a footer with the as-of date, the data source and what could not be drawn.
 */
public final class Charts {

    /** A series longer than this is drawn as a line without a mark at each value. */
    private static final int MAX_POINTS_MARKED = 60;

    public static final int WIDTH = 1200;
    public static final int HEIGHT = 700;

    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
            new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f)};
    private static final DecimalFormatSymbols US = DecimalFormatSymbols.getInstance(Locale.US);

    static {
        // PNGs are encoded in memory: ImageIO's file cache registers a JVM shutdown hook on first
        // use, which fails while a SIGTERM is stopping the run ("Shutdown in progress").
        javax.imageio.ImageIO.setUseCache(false);
    }

    private final List<IpoAnalysis> analyses;
    private final LocalDate asOf;
    private final ChartFonts fonts;
    private final String selection;

    /** {@code selection} says which listings the charts show when they are not all (null when all). */
    public Charts(List<IpoAnalysis> analyses, LocalDate asOf, String selection) {
        this.analyses = analyses;
        this.asOf = asOf;
        this.selection = selection;
        this.fonts = ChartFonts.forNames(analyses.stream().map(a -> a.listing().nameLocal())
                .filter(n -> n != null).toList());
    }

    public record ChartFile(String fileName, String title, String description) {
    }

    public List<ChartFile> writeAll(Path folder) throws IOException {
        List<ChartFile> files = new ArrayList<>();
        files.add(save(folder, "first-day-returns.png", firstDayReturns(),
                "First-day return from the offer price at the open, the day's high and the close"));
        files.add(save(folder, "lot-gains-cny.png", lotGains(),
                "Gain of one winning lot in CNY at the first day's open, high, low and close"));
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

    JFreeChart carByEvent(EventStudy.Result result) {
        XYSeriesCollection data = new XYSeriesCollection();
        Map<String, XYSeries> byKind = new LinkedHashMap<>();
        Map<String, Integer> events = new LinkedHashMap<>();
        for (EventStudy.CarPath p : result.carPaths()) {
            byKind.computeIfAbsent(p.eventKind(), XYSeries::new).add(p.day(), p.meanCar().doubleValue());
            events.merge(p.eventKind(), p.events(), Math::max);
        }
        byKind.forEach((kind, series) -> {
            series.setKey(kind + " (up to " + events.get(kind) + " event" + (events.get(kind) == 1 ? "" : "s") + ")");
            data.addSeries(series);
        });
        JFreeChart chart = ChartFactory.createXYLineChart("Cumulative abnormal return around events",
                "Event day (trading days from the event; 0 = event day)", "Mean cumulative abnormal return (%)", data);
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(lineRenderer(data));
        ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(new DecimalFormat("+#,##0%;-#,##0%", US));
        plot.addDomainMarker(new org.jfree.chart.plot.ValueMarker(0, Color.GRAY, new BasicStroke(1f)));
        Gaps missing = new Gaps();
        result.unmeasured().forEach(missing::add);
        xyStyle(chart, missing);
        TextTitle how = new TextTitle("A point only on event days where both the listing and its benchmark have a "
                + "return; the mean is over those events (see abnormal-returns.csv)", fonts.font(Font.PLAIN, 12));
        how.setPaint(Color.DARK_GRAY);
        chart.addSubtitle(0, how);
        return chart;
    }

    JFreeChart cohortFirstDay(EventStudy.Result result) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Gaps missing = new Gaps();
        for (CohortStats c : result.cohorts()) {
            String name = c.cohort().name() + " (n=" + c.n() + ")";
            data.addValue(number(c.meanFirstDayReturn()), "Equal-weighted mean", name);
            data.addValue(number(c.medianFirstDayReturn()), "Median", name);
            data.addValue(number(c.proceedsWeightedReturn()), "Proceeds-weighted (in CNY)", name);
            if (c.note() != null) {
                missing.add("proceeds-weighted bars", c.note()); // the same IPOs in many cohorts: said once
            }
        }
        JFreeChart chart = barChart("First-day return by cohort", "First-day return from the offer price (%)", data,
                new DecimalFormat("+#,##0%;-#,##0%", US), missing);
        chart.getCategoryPlot().getDomainAxis().setLabel("Cohort");
        return chart;
    }

    JFreeChart marketValueWithEvents(List<Event> events) {
        JFreeChart chart = marketValue();
        chart.setTitle("Market value since listing, with events");
        XYPlot plot = chart.getXYPlot();
        TimeSeriesCollection capsCny = (TimeSeriesCollection) plot.getDataset();
        Map<String, TimeSeries> markers = new LinkedHashMap<>();
        for (Event e : events) {
            IpoAnalysis a = analyses.stream().filter(x -> x.listing().ticker().equals(e.ticker())).findFirst().orElse(null);
            if (a == null || a.marketCap().isEmpty()) {
                continue;
            }
            // Marked at the value of the event day's close, or the last one before it, within the data only.
            Optional<MarketCapPoint> last = a.marketCap().get().latest();
            Optional<MarketCapPoint> at = a.marketCap().get().closes().stream().filter(p -> !p.date().isAfter(e.date()))
                    .reduce((first, second) -> second);
            Optional<FxRates.Conversion> cny = at.flatMap(MarketCapPoint::inCny);
            if (cny.isPresent() && last.isPresent() && !e.date().isAfter(last.get().date())) {
                TimeSeries series = markers.computeIfAbsent(e.kind(), TimeSeries::new);
                if (series.getDataItem(day(e.date())) == null) {
                    series.add(day(e.date()), cny.get().converted().amount().movePointLeft(9).doubleValue());
                }
            }
        }
        TimeSeriesCollection eventData = new TimeSeriesCollection(TimeZone.getTimeZone("UTC"));
        markers.values().forEach(eventData::addSeries);
        // Events on the same close overlap: each kind has its own shape, drawn from large to small.
        XYLineAndShapeRenderer eventRenderer = new XYLineAndShapeRenderer(false, true);
        java.awt.Shape[] shapes = org.jfree.chart.plot.DefaultDrawingSupplier.createStandardSeriesShapes();
        for (int i = 0; i < eventData.getSeriesCount(); i++) {
            eventRenderer.setSeriesPaint(i, PALETTE[(capsCny.getSeriesCount() + i) % PALETTE.length]);
            double scale = Math.max(1.2, 3.2 - 0.6 * i);
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
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Gaps missing = new Gaps();
        for (IpoAnalysis a : analyses) {
            String name = label(a.listing());
            data.addValue(number(a.firstDayReturn().atOpen()), "At the open", name);
            data.addValue(number(a.firstDayReturn().atHigh()), "At the day's high", name);
            data.addValue(number(a.firstDayReturn().atClose()), "At the close (first-day return)", name);
            if (a.firstDayReturn().atHigh() == null) {
                missing.add(a.listing().nameEn(), "high unknown");
            }
            if (a.firstDayReturn().atClose() == null) {
                missing.add(a.listing().nameEn(), "close unknown");
            }
        }
        NumberFormat percent = new DecimalFormat("+#,##0.0%;-#,##0.0%", US);
        JFreeChart chart = barChart("First-day return from the offer price", "Return from the offer price (%)",
                data, percent, missing);
        ((NumberAxis) chart.getCategoryPlot().getRangeAxis()).setNumberFormatOverride(new DecimalFormat("#,##0%", US));
        return chart;
    }

    JFreeChart lotGains() {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Gaps missing = new Gaps();
        for (IpoAnalysis a : analyses) {
            String name = label(a.listing());
            for (ReferencePrice ref : ReferencePrice.FIRST_DAY) {
                Optional<LotGain> gain = a.firstDayLotGain(ref);
                Optional<FxRates.Conversion> cny = gain.flatMap(LotGain::inCny);
                data.addValue(cny.map(c -> number(c.converted().amount())).orElse(null), "At the " + ref.shortLabel(), name);
                if (gain.isPresent() && cny.isEmpty()) {
                    missing.add(a.listing().nameEn(), "no CNY/" + a.listing().currency()
                            + " rate on or before " + gain.get().date());
                } else if (gain.isEmpty()) {
                    missing.add(a.listing().nameEn(), ref.shortLabel() + " unknown");
                }
            }
        }
        return barChart("Gain of one winning lot on the first day (before fees)", "Gain per winning lot (CNY)",
                data, new DecimalFormat("#,##0", US), missing);
    }

    JFreeChart marketValue() {
        TimeSeriesCollection data = new TimeSeriesCollection(TimeZone.getTimeZone("UTC"));
        Gaps missing = new Gaps();
        for (IpoAnalysis a : analyses) {
            TimeSeries series = new TimeSeries(label(a.listing()));
            List<MarketCapPoint> closes = a.marketCap().map(s -> s.closes()).orElse(List.of());
            for (MarketCapPoint p : closes) {
                p.inCny().ifPresentOrElse(
                        c -> series.add(day(p.date()), c.converted().amount().movePointLeft(9).doubleValue()),
                        () -> missing.add(a.listing().nameEn(), "no CNY/" + a.listing().currency()
                                + " rate on or before " + p.date()));
            }
            if (a.marketCap().isEmpty()) {
                missing.add(a.listing().nameEn(), "total shares unknown");
            }
            if (!series.isEmpty()) {
                data.addSeries(series);
            }
        }
        JFreeChart chart = ChartFactory.createTimeSeriesChart("Market value since listing", "Trading date",
                "Market value (CNY billion)", data, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(lineRenderer(data));
        DateAxis dates = (DateAxis) plot.getDomainAxis();
        SimpleDateFormat iso = new SimpleDateFormat("yyyy-MM-dd", Locale.US);
        iso.setTimeZone(TimeZone.getTimeZone("UTC"));
        dates.setTimeZone(TimeZone.getTimeZone("UTC"));
        dates.setDateFormatOverride(iso);
        dates.setLowerMargin(0.04);
        dates.setUpperMargin(0.04);
        NumberAxis values = (NumberAxis) plot.getRangeAxis();
        values.setNumberFormatOverride(new DecimalFormat("#,##0", US));
        values.setAutoRangeIncludesZero(true);
        xyStyle(chart, missing);
        return chart;
    }

    JFreeChart priceToSales() {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Gaps missing = new Gaps();
        for (IpoAnalysis a : analyses) {
            Optional<String> lastFullYear = a.priceToSales().stream().map(PriceToSales::period)
                    .filter(p -> p.months() == 12 && p.revenue() != null)
                    .max(Comparator.comparing(p -> p.end())).map(p -> p.period());
            if (lastFullYear.isEmpty()) {
                missing.add(a.listing().nameEn(), "no full-year revenue");
                continue;
            }
            String name = label(a.listing()) + " (" + lastFullYear.get() + ")";
            for (PriceToSales p : a.priceToSales()) {
                if (!p.period().period().equals(lastFullYear.get())) {
                    continue;
                }
                String series = p.capReference() == ReferencePrice.OFFER ? "At the offer price" : "At the latest close";
                data.addValue(number(p.multiple()), series, name);
                if (p.multiple() == null) {
                    missing.add(a.listing().nameEn(), p.note());
                }
            }
        }
        return barChart("Price-to-sales on the last full year's revenue", "Market value / revenue (×)", data,
                new DecimalFormat("#,##0'×'", US), missing);
    }

    private JFreeChart barChart(String title, String valueLabel, DefaultCategoryDataset data, NumberFormat labels,
                                Gaps missing) {
        JFreeChart chart = ChartFactory.createBarChart(title, "IPO", valueLabel, data);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        for (int i = 0; i < data.getRowCount(); i++) {
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
        }
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", labels));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(fonts.font(Font.PLAIN, 11));
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setNumberFormatOverride(labels);
        range.setUpperMargin(0.12);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        axisFonts(plot.getDomainAxis(), plot.getRangeAxis());
        plot.getDomainAxis().setTickLabelFont(fonts.font(Font.PLAIN, 13));
        plot.getDomainAxis().setMaximumCategoryLabelLines(2);
        style(chart, missing);
        return chart;
    }

    /**
     * Thick lines, one palette colour per series, with a point at each value while a series has
     * few enough of them to tell apart (years of daily closes would be a smear of points, and
     * slow to draw).
     */
    private static XYLineAndShapeRenderer lineRenderer(org.jfree.data.xy.XYDataset data) {
        int longest = 0;
        for (int i = 0; i < data.getSeriesCount(); i++) {
            longest = Math.max(longest, data.getItemCount(i));
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, longest <= MAX_POINTS_MARKED);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            // Past the palette's colours a series is dashed, so that no two look alike in the legend.
            renderer.setSeriesStroke(i, i < PALETTE.length ? new BasicStroke(2.5f)
                    : new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {9f, 5f}, 0f));
        }
        return renderer;
    }

    private void xyStyle(JFreeChart chart, Gaps missing) {
        XYPlot plot = chart.getXYPlot();
        style(chart, missing);
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

    private void style(JFreeChart chart, Gaps missing) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(fonts.font(Font.BOLD, 20));
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(fonts.font(Font.PLAIN, 13));
        legend.setPosition(RectangleEdge.TOP);
        String footer = "As of " + asOf + " · Data: input folder (listings, prices, revenue, FX rates) from public "
                + "sources, see README · ipo-analyzer";
        if (selection != null) {
            footer = "Shown: " + selection + "\n" + footer;
        }
        if (!missing.isEmpty()) {
            footer = "Not shown: " + missing + "\n" + footer;
        }
        TextTitle source = new TextTitle(footer, fonts.font(Font.PLAIN, 11));
        source.setPosition(RectangleEdge.BOTTOM);
        source.setHorizontalAlignment(HorizontalAlignment.LEFT);
        source.setTextAlignment(HorizontalAlignment.LEFT);
        source.setPadding(new RectangleInsets(6, 8, 4, 8));
        source.setPaint(Color.DARK_GRAY);
        chart.addSubtitle(source);
    }

    /** What a chart could not draw, grouped by IPO, each reason once. */
    private static final class Gaps {
        private final Map<String, Set<String>> reasons = new LinkedHashMap<>();

        void add(String ipo, String reason) {
            reasons.computeIfAbsent(ipo, k -> new LinkedHashSet<>()).add(reason);
        }

        boolean isEmpty() {
            return reasons.isEmpty();
        }

        @Override
        public String toString() {
            return reasons.entrySet().stream().map(e -> e.getKey() + ": " + String.join(", ", e.getValue()))
                    .collect(Collectors.joining("; "));
        }
    }

    private String label(Listing listing) {
        return fonts.label(listing.nameEn(), listing.nameLocal());
    }

    private ChartFile save(Path folder, String fileName, JFreeChart chart, String description) throws IOException {
        ChartUtils.saveChartAsPNG(folder.resolve(fileName).toFile(), chart, WIDTH, HEIGHT);
        return new ChartFile(fileName, chart.getTitle().getText(), description);
    }

    private static Day day(LocalDate date) {
        return new Day(date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }

    private static Double number(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }
}
