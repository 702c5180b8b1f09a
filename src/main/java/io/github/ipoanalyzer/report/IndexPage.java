package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.store.MarketDataStore;

import io.github.ipoanalyzer.analysis.IpoAnalysis;
import io.github.ipoanalyzer.analysis.LotGain;
import io.github.ipoanalyzer.analysis.ReferencePrice;
import io.github.ipoanalyzer.eventstudy.CohortStats;
import io.github.ipoanalyzer.eventstudy.EventStudy;
import io.github.ipoanalyzer.money.FxRates;
import io.github.ipoanalyzer.money.Money;
import io.github.ipoanalyzer.money.Rounding;
import io.github.ipoanalyzer.text.InvisibleCharacters;
import org.apache.commons.text.StringEscapeUtils;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;


/**
 * index.html of a report folder: works from file:// with no network. Key figures formatted for
 * people (percentages, thousands separators), the charts, and what each file holds. All text
 * is escaped.
 */
public final class IndexPage {

    private static final DecimalFormatSymbols US = DecimalFormatSymbols.getInstance(Locale.US);

    private IndexPage() {
    }

    public static String render(LocalDate asOf, List<IpoAnalysis> analyses, String selection, EventStudy.Result study,
                                List<CsvTable> tables, List<SeriesTable> series, List<Charts.ChartFile> charts,
                                MarketDataStore.FileCounts rows,
                                Map<String, List<String>> notices, Map<String, String> settings,
                                String subscriberDecision) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>IPO report as of ").append(asOf).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:2em auto;max-width:1250px;color:#222}\n")
                .append("table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:4px 8px}\n")
                .append("td{white-space:nowrap}td.n{text-align:right;font-variant-numeric:tabular-nums}")
                .append("td.d{white-space:normal}")
                .append("th{background:#f3f3f3}\n")
                .append("img{max-width:100%;border:1px solid #ddd;margin:0.5em 0}\n</style>\n</head>\n<body>\n")
                .append("<h1>IPO report as of ").append(asOf).append("</h1>\n")
                .append("<p>Returns are from the offer price; the gain of one winning lot is lot size × (price − offer ")
                .append("price), before fees (net of fees below). Exact figures are in the CSV files.")
                .append(rowsSentence(rows))
                .append("</p>\n<h2>First day</h2>\n")
                .append(selection == null ? "" : "<p>Shown: " + html(selection) + ".</p>\n")
                .append("<table>\n<tr><th>IPO</th><th>Listing date</th><th>Offer price</th>")
                .append("<th>First close</th><th>First-day return (close)</th><th>Return at open</th>")
                .append("<th>Return at high</th><th>Lot gain at open</th><th>Lot gain at high</th>")
                .append("<th>Lot gain at close</th></tr>\n");
        for (IpoAnalysis a : ipos(analyses)) {
            var l = a.listing();
            h.append("<tr><td>").append(html(l.nameEn() + (l.nameLocal() == null ? "" : " " + l.nameLocal())
                            + " (" + l.ticker() + ")"))
                    .append("</td><td>").append(l.listingDate())
                    .append("</td>").append(cell(l.currency().getCurrencyCode() + " " + price(l.offerPrice())))
                    .append(cell(a.firstDay().close() == null ? "unknown"
                            : l.currency().getCurrencyCode() + " " + price(a.firstDay().close())))
                    .append(cell(percent(a.firstDayReturn().atClose())))
                    .append(cell(percent(a.firstDayReturn().atOpen())))
                    .append(cell(percent(a.firstDayReturn().atHigh())));
            for (ReferencePrice ref : List.of(ReferencePrice.FIRST_DAY_OPEN, ReferencePrice.FIRST_DAY_HIGH,
                    ReferencePrice.FIRST_DAY_CLOSE)) {
                h.append(cell(a.firstDayLotGain(ref).map(LotGain::gain).map(IndexPage::money).orElse("unknown")));
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
        tradingTable(h, ipos(analyses));
        subscriberTable(h, ipos(analyses));
        h.append(subscriberDecision);
        h.append("<h2>Cohorts</h2>\n<table>\n<tr><th>Cohort</th><th>IPOs</th>")
                .append("<th>Mean first-day return</th><th>Median</th><th>Proceeds-weighted</th>")
                .append("<th>Doubled</th><th>Money left on the table (CNY)</th></tr>\n");
        for (CohortStats c : study.cohorts()) {
            h.append("<tr><td>").append(html(c.cohort().name())).append("</td>").append(cell(String.valueOf(c.n())))
                    .append(cell(percent(c.meanFirstDayReturn()))).append(cell(percent(c.medianFirstDayReturn())))
                    .append(cell(percent(c.proceedsWeightedReturn()) + " (" + c.weightedIn().getCurrencyCode()
                            + (c.nWeighted() < c.n() ? ", " + c.nWeighted() + " of " + c.n() + " IPOs" : "") + ")"))
                    .append(cell(String.valueOf(c.doubled())))
                    .append(cell(c.aggregateMoneyLeftCny() == null ? "unknown"
                            : money(new Money(c.aggregateMoneyLeftCny(), FxRates.CNY)))).append("</tr>\n");
        }
        h.append("</table>\n");
        // Whoever a cohort figure leaves out is named with the cohorts it is left out of.
        Map<String, List<String>> cohortsByNote = new LinkedHashMap<>();
        study.cohorts().stream().filter(c -> c.note() != null).forEach(c ->
                cohortsByNote.computeIfAbsent(c.note(), note -> new ArrayList<>()).add(c.cohort().name()));
        cohortsByNote.forEach((note, cohorts) -> h.append("<p>").append(html(
                String.join(", ", cohorts) + ": " + note)).append(".</p>\n"));
        if (!notices.isEmpty()) {
            h.append("<h2>Notices on the input</h2>\n<ul>\n");
            notices.forEach((file, messages) -> messages.forEach(m ->
                    h.append("<li>").append(html(file + ": " + m)).append("</li>\n")));
            h.append("</ul>\n");
        }
        h.append("<h2>Charts</h2>\n");
        for (Charts.ChartFile c : charts) {
            h.append("<h3>").append(html(c.title())).append("</h3>\n<p>").append(html(c.description()))
                    .append("</p>\n<img src=\"").append(html(c.fileName())).append("\" alt=\"")
                    .append(html(c.title())).append("\" width=\"").append(Charts.WIDTH).append("\">\n");
        }
        if (!settings.isEmpty()) {
            // A report computed with other settings holds other figures: say which these are.
            h.append("<h2>Settings</h2>\n<p>The settings these figures were computed with (also in manifest.json; ")
                    .append("a run with other settings computes another report).</p>\n<table>\n")
                    .append("<tr><th>Setting</th><th>Value</th></tr>\n");
            settings.forEach((name, value) -> h.append("<tr><td>").append(html(name)).append("</td><td class=\"d\">")
                    .append(html(value.isEmpty() ? "(empty: the default)" : value)).append("</td></tr>\n"));
            h.append("</table>\n");
        }
        h.append("<h2>Files</h2>\n<table>\n<tr><th>File</th><th>What it holds</th><th>Rows</th></tr>\n");
        for (CsvTable t : tables) {
            h.append("<tr><td><a href=\"").append(html(t.fileName())).append("\">")
                    .append(html(t.fileName())).append("</a></td><td class=\"d\">").append(html(t.description()))
                    .append("</td>").append(cell(String.format(Locale.ROOT, "%,d", t.rowCount()))).append("</tr>\n");
        }
        for (SeriesTable s : series) {
            List<ReportFile> files = s.files();
            h.append("<tr><td>").append(html(s.folder() + "/")).append("</td><td class=\"d\">").append(html(s.description()))
                    .append(String.format(Locale.ROOT, "; one file per month (%,d), each opens in a spreadsheet: ", files.size()));
            for (int i = 0; i < files.size(); i++) {
                String file = files.get(i).fileName();
                h.append(i == 0 ? "" : ", ").append("<a href=\"").append(html(file)).append("\">")
                        .append(html(file.substring(file.lastIndexOf('/') + 1, file.length() - ".csv".length())))
                        .append("</a>");
            }
            h.append("</td>").append(cell(String.format(Locale.ROOT, "%,d", s.rowCount()))).append("</tr>\n");
        }
        h.append("<tr><td><a href=\"manifest.json\">manifest.json</a></td><td class=\"d\">Inputs with SHA-256, parameters, ")
                .append("version, row counts, output files with SHA-256, run time</td><td></td></tr>\n")
                .append("</table>\n")
                // Lets a browser-based check (and a curious reader) see that every chart decoded.
                .append("<script>window.addEventListener('load', function () {\n")
                .append("  var images = Array.prototype.slice.call(document.images);\n")
                .append("  document.body.setAttribute('data-images', images.length);\n")
                .append("  document.body.setAttribute('data-broken-images', images.filter(function (i) {\n")
                .append("    return !i.complete || i.naturalWidth === 0; }).length);\n")
                .append("});</script>\n</body>\n</html>\n");
        return h.toString();
    }

    /** What became of the input rows: every one loaded, or how many were repeats, set aside or rejected. */
    private static String rowsSentence(MarketDataStore.FileCounts rows) {
        if (rows.repeated() == 0 && rows.setAside() == 0 && rows.rejected() == 0) {
            return " Every input row was loaded.";
        }
        String sentence = String.format(Locale.ROOT, " Of %,d input rows, %,d were loaded", rows.read(), rows.loaded())
                + (rows.repeated() == 0 ? "" : String.format(Locale.ROOT, ", %,d were repeats of rows loaded (counted "
                + "once)", rows.repeated()))
                + (rows.setAside() == 0 ? "" : String.format(Locale.ROOT, ", %,d were set aside (tickers not in "
                + "listings.csv, see the notices)", rows.setAside()))
                + " (see input-files.csv).";
        return rows.rejected() == 0 ? sentence : sentence + String.format(Locale.ROOT,
                " <strong>%,d input row(s) were rejected: see rejects.csv.</strong>", rows.rejected());
    }

    /** The listings whose IPO is studied: peers and seasoned stocks have no first day to show. */
    private static List<IpoAnalysis> ipos(List<IpoAnalysis> analyses) {
        return analyses.stream().filter(a -> a.listing().ipoStudied()).toList();
    }

    /** Gross and net side by side, what an application costs and is worth before the lottery. */
    private static void subscriberTable(StringBuilder h, List<IpoAnalysis> analyses) {
        h.append("<h2>What a subscriber pockets</h2>\n<p>One winning lot sold at the first-day close, net of the fee ")
                .append("schedule's charges (fees.csv: stamp duty, levies, exchange and settlement fees, the HK ")
                .append("application brokerage; <strong>broker commission not included</strong> unless the schedule ")
                .append("has a row for it). Each charge is in lot-charges.csv. The expected gain of one application is ")
                .append("the one-lot success rate (per 签 in A-shares) × the net gain.</p>\n")
                .append("<table>\n<tr><th>IPO</th><th>Entrance fee per lot</th><th>Capital per lot</th>")
                .append("<th>Gross gain at close</th><th>Net gain at close</th><th>Net return on capital</th>")
                .append("<th>One-lot success rate</th><th>Subscription multiple</th>")
                .append("<th>Expected gain per application</th>");
        boolean grey = analyses.stream().anyMatch(a -> a.greyMarketSession().isPresent());
        if (grey) {
            h.append("<th>Grey-market close (return)</th>");
        }
        h.append("</tr>\n");
        for (IpoAnalysis a : analyses) {
            var l = a.listing();
            var close = a.firstDayLotGain(ReferencePrice.FIRST_DAY_CLOSE);
            var net = close.flatMap(LotGain::netOfFees);
            var app = a.application();
            h.append("<tr><td>").append(html(l.nameEn() + " (" + l.ticker() + ")")).append("</td>")
                    .append(cell(app.entranceFee() == null ? "none (paid after the lottery)" : money(app.entranceFee())))
                    .append(cell(net.map(n -> money(n.capital())).orElse("unknown")))
                    .append(cell(close.map(g -> money(g.gain())).orElse("unknown")))
                    .append(cell(net.map(n -> money(n.net())).orElse("unknown")))
                    .append(cell(net.map(n -> percent(n.netReturn())).orElse("unknown")))
                    .append(cell(app.oneLotSuccessRate() == null ? "unknown" : precisePercent(app.oneLotSuccessRate())))
                    .append(cell(app.subscriptionMultiple() == null ? "unknown"
                            : new DecimalFormat("#,##0.00", US).format(app.subscriptionMultiple()) + "×"))
                    .append(cell(app.expectedGain() == null ? "unknown" : money(app.expectedGain())));
            if (grey) {
                h.append(cell(a.greyMarketSession().map(g -> l.currency().getCurrencyCode() + " " + price(g.session().close())
                        + " (" + percent(g.returnAtClose()) + ", " + g.session().broker() + ")").orElse("none")));
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    /** A small rate as stated: 0.0003635054 is 0.03635054%; one worked out from counts to {@link Rounding#ODDS_SCALE} decimals. */
    private static String precisePercent(BigDecimal fraction) {
        return Rounding.odds(fraction).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    static String cell(String text) {
        return "<td class=\"n\">" + html(text) + "</td>";
    }

    static String percent(BigDecimal fraction) {
        return fraction == null ? "unknown"
                : new DecimalFormat("+#,##0.00%;-#,##0.00%", US).format(Rounding.fraction(fraction));
    }

    private static String price(BigDecimal price) {
        return Cells.price(price);
    }

    /** The listing day's trading: where volume and turnover are both known, the average price shows a unit error. */
    private static void tradingTable(StringBuilder h, List<IpoAnalysis> analyses) {
        h.append("<h3>First-day trading</h3>\n<table>\n<tr><th>IPO</th><th>Volume (shares)</th><th>Turnover</th>")
                .append("<th>Average price (turnover / volume)</th><th>Turnover rate (volume / float shares)</th></tr>\n");
        DecimalFormat shares = new DecimalFormat("#,##0", US);
        for (IpoAnalysis a : analyses) {
            var l = a.listing();
            var d = a.firstDay();
            h.append("<tr><td>").append(html(l.nameEn() + " (" + l.ticker() + ")")).append("</td>")
                    .append(cell(d.volume() == null ? "unknown" : shares.format(d.volume())))
                    .append(cell(d.turnover() == null ? "unknown" : money(l.price(d.turnover()))))
                    .append(cell(d.vwap() == null ? "unknown" : l.currency().getCurrencyCode() + " "
                            + new DecimalFormat("#,##0.00##", US).format(Rounding.averagePrice(d.vwap()))))
                    .append(cell(d.turnoverRate(l.floatShares()) == null ? "unknown" : percent(d.turnoverRate(l.floatShares()))
                            .replace("+", "")))
                    .append("</tr>\n");
        }
        h.append("</table>\n");
    }

    static String money(Money money) {
        return money.currency().getCurrencyCode() + " "
                + new DecimalFormat("#,##0.00", US).format(Rounding.money(money.amount()));
    }

    /** Text as HTML: escaped, and without characters that hide or reorder it ({@link InvisibleCharacters}). */
    static String html(String text) {
        return StringEscapeUtils.escapeHtml4(InvisibleCharacters.removed(text));
    }
}
