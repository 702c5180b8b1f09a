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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

/**
 * {@code ipo/<name>.png}: one IPO on one image a phone shows whole (portrait, large type): the
 * page's figures (offer, first day, one lot gross and net, applying, now), then its closes
 * against a dashed offer-price line with the volume beneath and its events marked, and a footer
 * saying what is shown and what is not.
 */
final class IpoCard {

    static final int WIDTH = 1080;
    /** The card's height, unless its figures and footer leave the chart less than {@link #MIN_CHART_HEIGHT}. */
    static final int HEIGHT = 1620;
    /** The price chart's least height: below it the closes and volume cannot be read on a phone. */
    static final int MIN_CHART_HEIGHT = 480;
    /** Room to draw in before the card is cut to its height. */
    private static final int MAX_HEIGHT = 3 * HEIGHT;
    private static final int MARGIN = 40;
    private static final int COLUMN = (WIDTH - 2 * MARGIN) / 2;
    private static final Color OFFER = new Color(0xd62728);
    private static final Color EVENT = new Color(0x555555);

    private final Labels t;
    private final ChartTheme theme;

    /** {@code t}: the report's words; the card's are those where its font draws them ({@link #words}). */
    IpoCard(Labels t, List<IpoAnalysis> ipos, LocalDate asOf, ChartedListings.Selection selection) {
        ChartFonts fonts = ChartFonts.forNames(ipos.stream().map(a -> a.listing().nameLocal())
                .filter(n -> n != null).toList());
        this.t = fonts.words(t);
        this.theme = new ChartTheme(this.t, fonts, asOf, selection == null ? null : selection.words(this.t));
    }

    /** The words the card is drawn with: the page's figures are written with them too. */
    Labels words() {
        return t;
    }

    void write(Path file, IpoPage.Model page, IpoAnalysis a, List<DailyPrice> prices, List<Event> events)
            throws IOException {
        BufferedImage canvas = new BufferedImage(WIDTH, MAX_HEIGHT, BufferedImage.TYPE_INT_RGB);
        int height;
        Graphics2D g = canvas.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, MAX_HEIGHT);
            int y = figures(g, page, a.listing());
            ChartGaps missing = new ChartGaps();
            JFreeChart chart = priceChart(a.listing(), prices, events, missing);
            List<String> footer = new ArrayList<>();
            List<Event> marked = marked(a.listing(), prices, events);
            if (!marked.isEmpty()) {
                List<String> key = new ArrayList<>();
                for (int i = 0; i < marked.size(); i++) {
                    key.add((i + 1) + " " + marked.get(i).kind() + " " + marked.get(i).date());
                }
                footer.add(t.format("eventsMarked", t.joined("both", key)));
            }
            List<String> after = events.stream().filter(e -> after(e, prices)).map(e -> e.date() + " " + e.kind()).toList();
            if (!after.isEmpty()) {
                footer.add(t.format("afterLastClose", t.joined("listJoin", after)));
            }
            if (!missing.isEmpty()) {
                footer.add(t.format("notShown", missing.words(t)));
            }
            if (!missing.approximations(t).isEmpty()) {
                footer.add(t.format("approximateInputsCard", missing.approximations(t)));
            }
            footer.add(theme.source());
            List<String> footerLines = wrapped(g, footer);
            height = height(y, footerHeight(g, footerLines));
            drawFooter(g, footerLines, height);
            chart.draw(g, new Rectangle2D.Double(0, y, WIDTH, height - footerHeight(g, footerLines) - y));
        } finally {
            g.dispose();
        }
        BufferedImage image = canvas.getSubimage(0, 0, WIDTH, height);
        // Encoded in memory, as ChartTheme saves the charts (no ImageIO file cache).
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        Files.write(file, png.toByteArray());
    }

    /** The page's figures in two columns; returns where the chart begins. */
    private int figures(Graphics2D g, IpoPage.Model page, Listing listing) {
        int y = MARGIN;
        y = text(g, theme.label(listing) + " (" + listing.ticker() + ")", MARGIN, y, theme.font(Font.BOLD, 40), Color.BLACK);
        y = text(g, page.subtitle() + " · " + t.format("asOf", page.asOf()), MARGIN, y + 4, theme.font(Font.PLAIN, 24), Color.DARK_GRAY);
        y += 18;
        int top = y;
        int left = section(g, t.get("offerHeading"), page.offer(), MARGIN, top);
        left = section(g, t.get("applyingHeading"), concat(page.application(), page.subscription()), MARGIN, left + 14);
        int right = section(g, t.format("cardFirstDay", page.firstDayDate()), page.firstDay().stream()
                .map(p -> new IpoPage.Figure(p.label(), p.price() + "  " + p.fromOffer())).toList(), MARGIN + COLUMN, top);
        right = section(g, t.get("cardLotAtFirstClose"), page.lot(), MARGIN + COLUMN, right + 14);
        y = Math.max(left, right) + 14;
        List<IpoPage.Figure> now = page.now();
        int half = (now.size() + 1) / 2;
        int nowTop = text(g, page.nowHeading(), MARGIN, y, theme.font(Font.BOLD, 28), Color.BLACK);
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

    /**
     * The card's height: {@link #HEIGHT}, or taller where the figures above the chart (ending at
     * {@code chartTop}) and the footer would leave it less than {@link #MIN_CHART_HEIGHT}.
     */
    static int height(int chartTop, int footerHeight) {
        return Math.min(MAX_HEIGHT, Math.max(HEIGHT, chartTop + MIN_CHART_HEIGHT + footerHeight));
    }

    private Font footerFont() {
        return theme.font(Font.PLAIN, 18);
    }

    /** The footer's lines, wrapped to the width. */
    private List<String> wrapped(Graphics2D g, List<String> lines) {
        g.setFont(footerFont());
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
        return wrapped;
    }

    private int footerHeight(Graphics2D g, List<String> wrapped) {
        g.setFont(footerFont());
        return wrapped.size() * g.getFontMetrics().getHeight() + 16;
    }

    /** The footer's wrapped lines, ending at {@code bottom}. */
    private void drawFooter(Graphics2D g, List<String> wrapped, int bottom) {
        int y = bottom - footerHeight(g, wrapped) + 4;
        for (String line : wrapped) {
            y = text(g, line, MARGIN, y, footerFont(), Color.DARK_GRAY);
        }
    }

    /**
     * Closes (a line, broken where closes are more than {@link ChartData#MAX_DAYS_BETWEEN_CLOSES}
     * days apart) against the offer price (dashed), volume bars beneath where the input has any,
     * and each event within the closes' dates as a labelled vertical line.
     */
    JFreeChart priceChart(Listing listing, List<DailyPrice> prices, List<Event> events, ChartGaps missing) {
        String currency = listing.currency().getCurrencyCode();
        List<DailyPrice> traded = prices.stream().filter(p -> !p.date().isBefore(listing.listingDate())).toList();
        TimeSeries closes = new TimeSeries(t.get("close"));
        TimeSeries volume = new TimeSeries(t.get("volume"));
        LocalDate previous = null;
        for (DailyPrice p : traded) {
            if (p.close() == null) {
                continue;
            }
            if (previous != null && previous.plusDays(ChartData.MAX_DAYS_BETWEEN_CLOSES).isBefore(p.date())) {
                closes.add(day(previous.plusDays(1)), null);
                missing.add(listing.nameEn(), t.format("noCloseFromTo", previous.plusDays(1), p.date().minusDays(1)));
            }
            previous = p.date();
            closes.add(day(p.date()), p.close().doubleValue());
            missing.approximateIf(listing.nameEn() + " " + p.date(), p.note());
            if (p.volume() != null) {
                volume.addOrUpdate(day(p.date()), p.volume() / 1e6);
            }
        }
        if (closes.isEmpty()) {
            missing.add(listing.nameEn(), t.get("noCloseOnOrAfterListing"));
        }
        if (volume.isEmpty()) {
            missing.add(t.get("volumeGap"), t.get("notInPriceInput"));
        }
        DateAxis dates = new DateAxis(t.get("tradingDate"));
        ChartTheme.isoDates(dates, 0.06);
        style(dates);

        TimeSeriesCollection closeData = new TimeSeriesCollection(closes, TimeZone.getTimeZone("UTC"));
        NumberAxis priceAxis = new NumberAxis(t.format("priceIn", currency));
        priceAxis.setNumberFormatOverride(ChartTheme.format("#,##0.##"));
        // From zero to above the offer and every close, so that the offer line is always in view, with room at the
        // top for the events' numbers above the line.
        double top = Math.max(listing.offerPrice().doubleValue(), closes.isEmpty() ? 0 : closes.getMaxY());
        priceAxis.setRange(0, top * 1.25);
        style(priceAxis);
        XYLineAndShapeRenderer line = ChartTheme.lineRenderer(closeData);
        line.setSeriesStroke(0, new BasicStroke(3.5f));
        XYPlot pricePlot = new XYPlot(closeData, null, priceAxis, line);
        ValueMarker offer = new ValueMarker(listing.offerPrice().doubleValue(), OFFER, new BasicStroke(2.5f,
                BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {10f, 7f}, 0f));
        offer.setLabel(t.get("offerPrice") + " " + currency + " " + IndexPage.price(listing.offerPrice()));
        offer.setLabelFont(theme.font(Font.BOLD, 20));
        offer.setLabelPaint(OFFER);
        offer.setLabelBackgroundColor(new Color(255, 255, 255, 220));
        offer.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        offer.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        offer.setLabelOffset(new RectangleInsets(4, 8, 4, 8));
        pricePlot.addRangeMarker(offer);
        // Each event's line carries its number only, at the top, above every close (the footer names the numbers):
        // a name written across the plot would cross the price line. Events of one day share a line.
        Map<LocalDate, List<String>> numbers = new LinkedHashMap<>();
        List<Event> marked = marked(listing, prices, events);
        for (int i = 0; i < marked.size(); i++) {
            numbers.computeIfAbsent(marked.get(i).date(), d -> new ArrayList<>()).add(String.valueOf(i + 1));
        }
        numbers.forEach((date, numbered) -> {
            ValueMarker marker = new ValueMarker(date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(), EVENT,
                    new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {4f, 4f}, 0f));
            marker.setLabel(String.join(",", numbered));
            marker.setLabelFont(theme.font(Font.BOLD, 18));
            marker.setLabelPaint(EVENT);
            marker.setLabelBackgroundColor(new Color(255, 255, 255, 220));
            marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            marker.setLabelOffset(new RectangleInsets(4, 4, 4, 4));
            pricePlot.addDomainMarker(marker);
        });
        white(pricePlot);

        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(dates);
        plot.setGap(12);
        plot.add(pricePlot, 3);
        if (!volume.isEmpty()) {
            NumberAxis volumeAxis = new NumberAxis(t.get("volumeMillionShares"));
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
        JFreeChart chart = new JFreeChart(t.get("closesAgainstOffer"), theme.font(Font.BOLD, 26), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(0, 10, 0, MARGIN));
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(theme.font(Font.PLAIN, 20));
        legend.setPosition(RectangleEdge.TOP);
        return chart;
    }

    /** The events the price chart marks, in order (numbered from 1): those from the listing day to the last close. */
    private static List<Event> marked(Listing listing, List<DailyPrice> prices, List<Event> events) {
        boolean closes = prices.stream().anyMatch(p -> p.close() != null && !p.date().isBefore(listing.listingDate()));
        return closes ? events.stream().filter(e -> !after(e, prices) && !e.date().isBefore(listing.listingDate())).toList()
                : List.of();
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
