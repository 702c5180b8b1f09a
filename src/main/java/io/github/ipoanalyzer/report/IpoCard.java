package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.analysis.IpoAnalysis;
import io.github.ipoanalyzer.market.DailyPrice;
import io.github.ipoanalyzer.market.Event;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.text.InvisibleCharacters;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;

/**
 * {@code ipo/<name>.png}: one IPO on one image a phone shows whole (portrait, large type): the
 * page's figures (offer, first day, one lot gross and net, applying, now), then its closes
 * against a dashed offer-price line with the volume beneath and its events marked, and a footer
 * saying what is shown and what is not.
 */
final class IpoCard {

    static final int WIDTH = 1080;
    static final int HEIGHT = 1620;
    private static final int MARGIN = 40;
    private static final int COLUMN = (WIDTH - 2 * MARGIN) / 2;
    private static final Color OFFER = new Color(0xd62728);
    private static final Color EVENT = new Color(0x555555);

    private final ChartTheme theme;

    IpoCard(List<IpoAnalysis> ipos, LocalDate asOf, String selection) {
        this.theme = new ChartTheme(ChartFonts.forNames(ipos.stream().map(a -> a.listing().nameLocal())
                .filter(n -> n != null).toList()), asOf, selection);
    }

    void write(Path file, IpoPage.Model page, IpoAnalysis a, List<DailyPrice> prices, List<Event> events)
            throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            int y = figures(g, page, a.listing());
            ChartGaps missing = new ChartGaps();
            JFreeChart chart = priceChart(a.listing(), prices, events, missing);
            List<String> footer = new ArrayList<>();
            List<String> after = events.stream().filter(e -> after(e, prices)).map(e -> e.date() + " " + e.kind()).toList();
            if (!after.isEmpty()) {
                footer.add("After the last close (not on the chart): " + String.join(", ", after));
            }
            if (!missing.isEmpty()) {
                footer.add("Not shown: " + missing);
            }
            if (!missing.approximations().isEmpty()) {
                footer.add("Approximate inputs (see the notes in the CSVs): " + missing.approximations());
            }
            footer.add(theme.source());
            int footerHeight = footer(g, footer, HEIGHT);
            chart.draw(g, new Rectangle2D.Double(0, y, WIDTH, HEIGHT - footerHeight - y));
        } finally {
            g.dispose();
        }
        // Encoded in memory, as ChartTheme saves the charts (no ImageIO file cache).
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        Files.write(file, png.toByteArray());
    }

    /** The page's figures in two columns; returns where the chart begins. */
    private int figures(Graphics2D g, IpoPage.Model page, Listing listing) {
        int y = MARGIN;
        y = text(g, theme.label(listing) + " (" + listing.ticker() + ")", MARGIN, y, theme.font(Font.BOLD, 40), Color.BLACK);
        y = text(g, page.subtitle() + " · as of " + page.asOf(), MARGIN, y + 4, theme.font(Font.PLAIN, 24), Color.DARK_GRAY);
        y += 18;
        int top = y;
        int left = section(g, "The offer", page.offer(), MARGIN, top);
        left = section(g, "Applying", concat(page.application(), page.subscription()), MARGIN, left + 14);
        int right = section(g, "First day " + page.firstDayDate(), page.firstDay().stream()
                .map(p -> new IpoPage.Figure(p.label(), p.price() + "  " + p.fromOffer())).toList(), MARGIN + COLUMN, top);
        right = section(g, "One lot sold at the first close", page.lot(), MARGIN + COLUMN, right + 14);
        y = Math.max(left, right) + 14;
        List<IpoPage.Figure> now = page.now();
        int half = (now.size() + 1) / 2;
        int nowTop = text(g, "Now (" + page.nowDate() + ")", MARGIN, y, theme.font(Font.BOLD, 28), Color.BLACK);
        int a = figureLines(g, now.subList(0, half), MARGIN, nowTop);
        int b = figureLines(g, now.subList(half, now.size()), MARGIN + COLUMN, nowTop);
        return Math.max(a, b) + 10;
    }

    private int section(Graphics2D g, String title, List<IpoPage.Figure> figures, int x, int y) {
        return figureLines(g, figures, x, text(g, title, x, y, theme.font(Font.BOLD, 28), Color.BLACK));
    }

    private int figureLines(Graphics2D g, List<IpoPage.Figure> figures, int x, int y) {
        Font label = theme.font(Font.PLAIN, 21);
        Font value = theme.font(Font.BOLD, 24);
        for (IpoPage.Figure f : figures) {
            int below = text(g, f.label(), x, y + 2, label, Color.DARK_GRAY);
            y = text(g, f.value(), x, below, value, Color.BLACK);
        }
        return y;
    }

    /** Draws one line of text with its top at {@code y}; returns the y below it. */
    private static int text(Graphics2D g, String text, int x, int y, Font font, Color colour) {
        g.setFont(font);
        g.setColor(colour);
        FontMetrics m = g.getFontMetrics();
        g.drawString(InvisibleCharacters.removed(text), x, y + m.getAscent());
        return y + m.getHeight();
    }

    /** The footer lines, wrapped to the width, at the bottom; returns its height. */
    private int footer(Graphics2D g, List<String> lines, int bottom) {
        Font font = theme.font(Font.PLAIN, 18);
        g.setFont(font);
        FontMetrics m = g.getFontMetrics();
        List<String> wrapped = new ArrayList<>();
        for (String line : lines) {
            StringBuilder current = new StringBuilder();
            for (String word : InvisibleCharacters.removed(line).split(" ")) {
                if (current.length() > 0 && m.stringWidth(current + " " + word) > WIDTH - 2 * MARGIN) {
                    wrapped.add(current.toString());
                    current.setLength(0);
                }
                current.append(current.length() == 0 ? "" : " ").append(word);
            }
            wrapped.add(current.toString());
        }
        int height = wrapped.size() * m.getHeight() + 16;
        int y = bottom - height + 4;
        for (String line : wrapped) {
            y = text(g, line, MARGIN, y, font, Color.DARK_GRAY);
        }
        return height;
    }

    /**
     * Closes (a line, broken where closes are more than {@link ChartData#MAX_DAYS_BETWEEN_CLOSES}
     * days apart) against the offer price (dashed), volume bars beneath where the input has any,
     * and each event within the closes' dates as a labelled vertical line.
     */
    JFreeChart priceChart(Listing listing, List<DailyPrice> prices, List<Event> events, ChartGaps missing) {
        String currency = listing.currency().getCurrencyCode();
        List<DailyPrice> traded = prices.stream().filter(p -> !p.date().isBefore(listing.listingDate())).toList();
        TimeSeries closes = new TimeSeries("Close");
        TimeSeries volume = new TimeSeries("Volume");
        LocalDate previous = null;
        for (DailyPrice p : traded) {
            if (p.close() == null) {
                continue;
            }
            if (previous != null && previous.plusDays(ChartData.MAX_DAYS_BETWEEN_CLOSES).isBefore(p.date())) {
                closes.add(day(previous.plusDays(1)), null);
                missing.add(listing.nameEn(), "no close from " + previous.plusDays(1) + " to " + p.date().minusDays(1)
                        + " (the line breaks)");
            }
            previous = p.date();
            closes.add(day(p.date()), p.close().doubleValue());
            missing.approximateIf(listing.nameEn() + " " + p.date(), p.note());
            if (p.volume() != null) {
                volume.addOrUpdate(day(p.date()), p.volume() / 1e6);
            }
        }
        if (closes.isEmpty()) {
            missing.add(listing.nameEn(), "no close on or after the listing day");
        }
        if (volume.isEmpty()) {
            missing.add("volume", "not in the price input");
        }
        DateAxis dates = new DateAxis("Trading date");
        ChartTheme.isoDates(dates, 0.06);
        style(dates);

        TimeSeriesCollection closeData = new TimeSeriesCollection(closes, TimeZone.getTimeZone("UTC"));
        NumberAxis priceAxis = new NumberAxis("Price (" + currency + ")");
        priceAxis.setNumberFormatOverride(ChartTheme.format("#,##0.##"));
        // From zero to above the offer and every close, so that the offer line is always in view.
        double top = Math.max(listing.offerPrice().doubleValue(), closes.isEmpty() ? 0 : closes.getMaxY());
        priceAxis.setRange(0, top * 1.15);
        style(priceAxis);
        XYLineAndShapeRenderer line = ChartTheme.lineRenderer(closeData);
        line.setSeriesStroke(0, new BasicStroke(3.5f));
        XYPlot pricePlot = new XYPlot(closeData, null, priceAxis, line);
        ValueMarker offer = new ValueMarker(listing.offerPrice().doubleValue(), OFFER, new BasicStroke(2.5f,
                BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {10f, 7f}, 0f));
        offer.setLabel("Offer price " + currency + " " + IndexPage.price(listing.offerPrice()));
        offer.setLabelFont(theme.font(Font.BOLD, 20));
        offer.setLabelPaint(OFFER);
        offer.setLabelBackgroundColor(new Color(255, 255, 255, 220));
        offer.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        offer.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        offer.setLabelOffset(new RectangleInsets(4, 8, 4, 8));
        pricePlot.addRangeMarker(offer);
        int shown = 0;
        for (Event e : events) {
            if (closes.isEmpty() || after(e, prices) || e.date().isBefore(listing.listingDate())) {
                continue;
            }
            ValueMarker marker = new ValueMarker(e.date().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(), EVENT,
                    new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {4f, 4f}, 0f));
            marker.setLabel(e.kind() + " " + e.date());
            marker.setLabelFont(theme.font(Font.PLAIN, 18));
            marker.setLabelPaint(EVENT);
            marker.setLabelBackgroundColor(new Color(255, 255, 255, 220));
            marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            // Stacked downwards, so that the labels of events on near days do not print over each other.
            marker.setLabelOffset(new RectangleInsets(8 + 28 * (shown % 6), 4, 4, 4));
            pricePlot.addDomainMarker(marker);
            shown++;
        }
        white(pricePlot);

        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(dates);
        plot.setGap(12);
        plot.add(pricePlot, 3);
        if (!volume.isEmpty()) {
            NumberAxis volumeAxis = new NumberAxis("Volume (million shares)");
            volumeAxis.setNumberFormatOverride(ChartTheme.format("#,##0.#"));
            style(volumeAxis);
            XYBarRenderer bars = new XYBarRenderer(0.2);
            bars.setBarPainter(new StandardXYBarPainter());
            bars.setShadowVisible(false);
            bars.setSeriesPaint(0, new Color(0x7f7f7f));
            XYPlot volumePlot = new XYPlot(new TimeSeriesCollection(volume, TimeZone.getTimeZone("UTC")), null,
                    volumeAxis, bars);
            white(volumePlot);
            plot.add(volumePlot, 1);
        }
        JFreeChart chart = new JFreeChart("Closes against the offer price", theme.font(Font.BOLD, 26), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(0, 10, 0, MARGIN));
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(theme.font(Font.PLAIN, 20));
        legend.setPosition(RectangleEdge.TOP);
        return chart;
    }

    /** An event after the last close in the data: the chart's dates do not reach it. */
    private static boolean after(Event e, List<DailyPrice> prices) {
        return prices.stream().filter(p -> p.close() != null).map(DailyPrice::date).max(LocalDate::compareTo)
                .map(last -> e.date().isAfter(last)).orElse(true);
    }

    private void style(org.jfree.chart.axis.Axis axis) {
        axis.setLabelFont(theme.font(Font.PLAIN, 20));
        axis.setTickLabelFont(theme.font(Font.PLAIN, 18));
    }

    private static void white(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    }

    private static List<IpoPage.Figure> concat(List<IpoPage.Figure> a, List<IpoPage.Figure> b) {
        List<IpoPage.Figure> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Day day(LocalDate date) {
        return new Day(date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }
}
