package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.analysis.IpoAnalysis;
import io.github.ipoanalyzer.market.DailyPrice;
import io.github.ipoanalyzer.market.Event;
import io.github.ipoanalyzer.market.Listing;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The IPO card's price chart: an event's line carries only its number, at the top, where no
 * close reaches (a name written across the plot crossed the price line), events of one day share
 * a line, and the footer names the numbers.
 */
class IpoCardTest {

    private static final Listing ALPHA = new Listing("A.SH", "Alpha", null, "SSE", "STAR Market",
            Currency.getInstance("CNY"), LocalDate.of(2025, 12, 5), new BigDecimal("100"), 500, 1000L, 10_000L, null, null);

    @Test
    void eventsAreNumberedAboveEveryClose() {
        List<DailyPrice> prices = List.of(close("2025-12-05", "600"), close("2025-12-08", "800"), close("2025-12-11", "940"));
        List<Event> events = List.of(event("2025-12-05", "listing"), event("2025-12-05", "market value milestone"),
                event("2025-12-11", "peak market value"), event("2026-06-05", "lock-up expiry"));
        IpoCard card = new IpoCard(Labels.of(Language.EN), List.<IpoAnalysis>of(), LocalDate.of(2026, 1, 9), null);
        JFreeChart chart = card.priceChart(ALPHA, prices, events, new ChartGaps());
        XYPlot price = (XYPlot) ((CombinedDomainXYPlot) chart.getXYPlot()).getSubplots().get(0);
        List<String> labels = price.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).stream()
                .map(m -> ((Marker) m).getLabel()).toList();
        // The listing and the milestone on 5 December share a line; the lock-up after the last close is not drawn.
        assertEquals(List.of("1,2", "3"), labels);
        // Room above the highest close (940) for the numbers: the axis runs to 1.25 × 940 = 1,175.
        assertEquals(1175.0, price.getRangeAxis().getUpperBound(), 1e-9);
    }

    @Test
    void aCardWithManyFiguresGrowsSoThatItsChartKeepsItsLeastHeight() {
        // Figures ending at 900 px and a 100 px footer leave 620 px for the chart: the card keeps its 1,620.
        assertEquals(1620, IpoCard.height(900, 100));
        // Figures ending at 1,100 px (the guaranteed lot's three more lines) would leave 420: the card grows to 1,100 + 480 + 100.
        assertEquals(1680, IpoCard.height(1100, 100));
        assertEquals(480, IpoCard.height(1100, 100) - 1100 - 100);
    }

    private static DailyPrice close(String date, String close) {
        return new DailyPrice("A.SH", LocalDate.parse(date), null, null, null, new BigDecimal(close), null, null, null);
    }

    private static Event event(String date, String kind) {
        return new Event("A.SH", LocalDate.parse(date), null, kind, kind, "test", null);
    }
}
