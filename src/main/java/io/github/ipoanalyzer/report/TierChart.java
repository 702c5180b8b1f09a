package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.analysis.IpoAnalysis;
import io.github.ipoanalyzer.subscription.HkApplications;
import io.github.ipoanalyzer.subscription.ReferencePoint;
import io.github.ipoanalyzer.subscription.Tier;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Optional;

/**
 * Expected net return at the first close against the application money, one line per HK
 * listing and pool (every size of its allotment table, allotment-tiers.csv), the guaranteed lot
 * of each marked. Money on a log axis: the sizes run from one lot to millions.
 */
final class TierChart {

    static final String FILE = "allotment-tiers.png";
    private TierChart() {
    }

    /** Empty where no listing has an allotment table. */
    static Optional<JFreeChart> of(ChartTheme theme, List<IpoAnalysis> analyses) {
        XYSeriesCollection data = new XYSeriesCollection();
        Labels words = theme.labels();
        XYSeries guaranteed = new XYSeries(words.get("guaranteedLotSeries"), false);
        ChartGaps missing = new ChartGaps();
        List<IpoAnalysis> withTables = analyses.stream().filter(a -> a.hk().isPresent()).toList();
        if (withTables.isEmpty()) {
            return Optional.empty();
        }
        List<String> currencies = withTables.stream().map(a -> a.listing().currency().getCurrencyCode()).distinct().toList();
        for (IpoAnalysis a : withTables) {
            HkApplications hk = a.hk().orElseThrow();
            for (String pool : List.of("A", "B")) {
                XYSeries series = new XYSeries(words.format("listingPool", theme.label(a.listing()), pool), false);
                for (Tier t : hk.tiers().stream().filter(t -> t.pool().equals(pool)).toList()) {
                    Optional<Tier.Gain> g = t.at(ReferencePoint.FIRST_CLOSE);
                    if (g.isEmpty()) {
                        missing.add(theme.label(a.listing()), words.get("expectedGainUnknown"));
                        continue;
                    }
                    series.add(t.applicationMoney().amount().doubleValue(),
                            g.get().returnOnCapital().movePointRight(2).doubleValue());
                    if (t == hk.guaranteedLot()) {
                        guaranteed.add(t.applicationMoney().amount().doubleValue(),
                                g.get().returnOnCapital().movePointRight(2).doubleValue());
                    }
                }
                if (series.getItemCount() > 0) {
                    data.addSeries(series);
                }
            }
        }
        data.addSeries(guaranteed);
        String unit = currencies.size() == 1 ? currencies.get(0) : words.get("tradingCurrency");
        JFreeChart chart = ChartFactory.createXYLineChart(words.get("tiersTitle"), words.format("tiersMoneyAxis", unit),
                words.get("tiersReturnAxis"), data);
        XYPlot plot = chart.getXYPlot();
        LogAxis money = new LogAxis(plot.getDomainAxis().getLabel());
        money.setNumberFormatOverride(ChartTheme.format("#,##0"));
        money.setTickUnit(new NumberTickUnit(1)); // one tick per power of ten
        plot.setDomainAxis(money);
        ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(ChartTheme.format("0.0#"));
        XYLineAndShapeRenderer renderer = ChartTheme.lineRenderer(data);
        int marked = data.getSeriesCount() - 1;
        renderer.setSeriesLinesVisible(marked, false);
        renderer.setSeriesShapesVisible(marked, true);
        renderer.setSeriesShape(marked, new Rectangle2D.Double(-7, -7, 14, 14));
        renderer.setSeriesPaint(marked, Color.BLACK);
        renderer.setSeriesStroke(marked, new BasicStroke(2.5f));
        renderer.setDefaultShapesVisible(true);
        for (int i = 0; i < marked; i++) {
            renderer.setSeriesShapesVisible(i, true);
        }
        plot.setRenderer(renderer);
        theme.showing(words.get("tiersShown")).xyStyle(chart, missing);
        return Optional.of(chart);
    }
}
