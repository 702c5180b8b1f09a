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

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Optional;
import io.github.ipoanalyzer.fees.NetLotGain;
import io.github.ipoanalyzer.analysis.Standing;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * index.html of a report folder (template {@code index.html.mustache}): key figures formatted
 * for people (percentages, thousands separators), the charts, and what each file holds. This
 * class formats every value; the template lays them out and {@link ReportTemplates} escapes them.
 */
public final class IndexPage {

    private static final DecimalFormatSymbols US = DecimalFormatSymbols.getInstance(Locale.US);

    private IndexPage() {
    }

    public static String render(LocalDate asOf, List<IpoAnalysis> analyses, List<Standing> standings, String selection,
                                EventStudy.Result study,
                                List<CsvTable> tables, List<SeriesTable> series, List<Charts.ChartFile> charts,
                                MarketDataStore.FileCounts rows,
                                Map<String, List<String>> notices, Map<String, String> settings,
                                String subscriberDecision, Map<String, String> ipoPages, Changes.Page changes,
                                Rankings.Page rankings) {
        List<IpoAnalysis> ipos = analyses.stream().filter(a -> a.listing().ipoStudied()).toList();
        boolean greyMarket = ipos.stream().anyMatch(a -> a.greyMarketSession().isPresent());
        List<String> noticeLines = new ArrayList<>();
        notices.forEach((file, messages) -> messages.forEach(m -> noticeLines.add(file + ": " + m)));
        Optional<LocalDate> dataEnds = standings.stream().map(Standing::dataLastDate).filter(d -> d != null)
                .max(Comparator.naturalOrder());
        return ReportTemplates.render("index.html", new Model(asOf.toString(), dataEnds.map(d -> d.equals(asOf)
                ? "The data runs to the as-of day." : "The data ends on " + d + ", " + days(ChronoUnit.DAYS.between(d, asOf))
                + " before the as-of day.").orElse("No price is dated on or before the as-of day."),
                String.valueOf(Standing.STALE_AFTER_SESSIONS),
                Standing.RECENT_SESSIONS.stream().map(String::valueOf).toList(),
                standings.stream().map(IndexPage::nowRow).toList(), rowsSentence(rows),
                rows.rejected() == 0 ? List.of() : List.of(String.format(Locale.ROOT, "%,d", rows.rejected())),
                selection == null ? List.of() : List.of(selection),
                ipos.stream().map(a -> firstDayRow(a, ipoPages.get(a.listing().ticker()))).toList(),
                ipos.stream().map(IndexPage::tradingRow).toList(),
                greyMarket, ipos.stream().map(a -> subscriberRow(a, greyMarket)).toList(), subscriberDecision,
                study.cohorts().stream().map(IndexPage::cohortRow).toList(), cohortNotes(study.cohorts()),
                !noticeLines.isEmpty(), noticeLines,
                charts.stream().map(c -> new Chart(c.title(), c.description(), c.fileName(), String.valueOf(Charts.WIDTH)))
                        .toList(),
                !settings.isEmpty(), settings.entrySet().stream().map(s -> new Setting(s.getKey(),
                        s.getValue().isEmpty() ? "(empty: the default)" : s.getValue())).toList(),
                tables.stream().map(t -> new TableFile(t.fileName(), t.description(), count(t.rowCount()))).toList(),
                series.stream().map(IndexPage::seriesFiles).toList(), List.of(changes),
                rankings.byNetGain().isEmpty() ? List.of() : List.of(rankings)));
    }

    /** What the template shows; every value is text, lists of text where a value may be absent. */
    public record Model(String asOf, String dataAge, String staleAfterSessions, List<String> recentSessions,
                        List<Row> now, String rows, List<String> rejected, List<String> selection, List<Row> firstDay,
                        List<Row> trading, boolean greyMarket, List<Row> subscriber, String subscriberDecision,
                        List<Row> cohorts,
                        List<String> cohortNotes, boolean hasNotices, List<String> notices, List<Chart> charts,
                        boolean hasSettings, List<Setting> settings, List<TableFile> tables, List<SeriesFiles> series,
                        List<Changes.Page> changes, List<Rankings.Page> rankings) {
    }

    /**
     * A row of a table of figures: its name cell, the listing date where the table has one, then
     * figures; {@code page}: the IPO's own page, where it has one (one path, or none).
     */
    public record Row(String name, String listingDate, List<String> cells, List<String> page) {

        public Row(String name, String listingDate, List<String> cells) {
            this(name, listingDate, cells, List.of());
        }
    }

    public record Chart(String title, String description, String fileName, String width) {
    }

    public record Setting(String name, String value) {
    }

    public record TableFile(String fileName, String description, String rows) {
    }

    public record SeriesFiles(String folder, String description, String fileCount, List<Month> months, String rows) {
    }

    public record Month(String fileName, String month) {
    }

    /** What became of the input rows: every one loaded, or how many were repeats or set aside (rejects apart). */
    private static String rowsSentence(MarketDataStore.FileCounts rows) {
        if (rows.repeated() == 0 && rows.setAside() == 0 && rows.rejected() == 0) {
            return "Every input row was loaded.";
        }
        return String.format(Locale.ROOT, "Of %,d input rows, %,d were loaded", rows.read(), rows.loaded())
                + (rows.repeated() == 0 ? "" : String.format(Locale.ROOT, ", %,d were repeats of rows loaded (counted "
                + "once)", rows.repeated()))
                + (rows.setAside() == 0 ? "" : String.format(Locale.ROOT, ", %,d were set aside (tickers not in "
                + "listings.csv, see the notices)", rows.setAside()))
                + " (see input-files.csv).";
    }

    private static String days(long days) {
        return days == 1 ? "1 day" : String.format(Locale.ROOT, "%,d days", days);
    }

    /** Where an IPO stands on the as-of day (now.csv has every figure, exact). */
    private static Row nowRow(Standing s) {
        var l = s.listing();
        String currency = l.currency().getCurrencyCode() + " ";
        List<String> cells = new ArrayList<>(List.of(
                s.latestClose() == null ? "unknown" : currency + price(s.latestClose()) + " (" + s.latestCloseDate() + ")",
                s.sessionsSinceListing() == null ? "unknown" : String.valueOf(s.sessionsSinceListing()),
                percent(s.returnSinceOffer()), percent(s.returnSinceFirstClose()),
                s.lotGain().map(LotGain::gain).map(IndexPage::money).orElse("unknown"),
                s.lotGain().flatMap(LotGain::netOfFees).map(NetLotGain::net).map(IndexPage::money).orElse("unknown"),
                s.belowIssue() == null ? "unknown" : s.belowIssue() ? "yes" : "no"));
        Standing.RECENT_SESSIONS.forEach(k -> cells.add(percent(s.recentReturn(k).orElse(null))));
        cells.add(s.dataLastDate() == null ? "none" : s.dataLastDate() + (s.stale() ? " (stale)" : ""));
        return new Row(l.nameEn() + (l.nameLocal() == null ? "" : " " + l.nameLocal()) + " (" + l.ticker() + ")",
                null, cells);
    }

    private static Row firstDayRow(IpoAnalysis a, String page) {
        var l = a.listing();
        List<String> cells = new ArrayList<>(List.of(l.currency().getCurrencyCode() + " " + price(l.offerPrice()),
                a.firstDay().close() == null ? "unknown" : l.currency().getCurrencyCode() + " " + price(a.firstDay().close()),
                percent(a.firstDayReturn().atClose()), percent(a.firstDayReturn().atOpen()),
                percent(a.firstDayReturn().atHigh())));
        for (ReferencePrice ref : List.of(ReferencePrice.FIRST_DAY_OPEN, ReferencePrice.FIRST_DAY_HIGH,
                ReferencePrice.FIRST_DAY_CLOSE)) {
            cells.add(a.firstDayLotGain(ref).map(LotGain::gain).map(IndexPage::money).orElse("unknown"));
        }
        return new Row(l.nameEn() + (l.nameLocal() == null ? "" : " " + l.nameLocal()) + " (" + l.ticker() + ")",
                l.listingDate().toString(), cells, page == null ? List.of() : List.of(page));
    }

    private static Row tradingRow(IpoAnalysis a) {
        var l = a.listing();
        var d = a.firstDay();
        DecimalFormat shares = new DecimalFormat("#,##0", US);
        return new Row(l.nameEn() + " (" + l.ticker() + ")", null, List.of(
                d.volume() == null ? "unknown" : shares.format(d.volume()),
                d.turnover() == null ? "unknown" : money(l.price(d.turnover())),
                d.vwap() == null ? "unknown" : l.currency().getCurrencyCode() + " "
                        + new DecimalFormat("#,##0.00##", US).format(Rounding.averagePrice(d.vwap())),
                d.turnoverRate(l.floatShares()) == null ? "unknown"
                        : percent(d.turnoverRate(l.floatShares())).replace("+", "")));
    }

    private static Row subscriberRow(IpoAnalysis a, boolean greyMarket) {
        var l = a.listing();
        var close = a.firstDayLotGain(ReferencePrice.FIRST_DAY_CLOSE);
        var net = close.flatMap(LotGain::netOfFees);
        var app = a.application();
        List<String> cells = new ArrayList<>(List.of(
                app.entranceFee() == null ? "none (paid after the lottery)" : money(app.entranceFee()),
                net.map(n -> money(n.capital())).orElse("unknown"),
                close.map(g -> money(g.gain())).orElse("unknown"),
                net.map(n -> money(n.net())).orElse("unknown"),
                net.map(n -> percent(n.netReturn())).orElse("unknown"),
                app.oneLotSuccessRate() == null ? "unknown" : precisePercent(app.oneLotSuccessRate()),
                app.subscriptionMultiple() == null ? "unknown"
                        : new DecimalFormat("#,##0.00", US).format(app.subscriptionMultiple()) + "×",
                app.expectedGain() == null ? "unknown" : money(app.expectedGain())));
        if (greyMarket) {
            cells.add(a.greyMarketSession().map(g -> l.currency().getCurrencyCode() + " " + price(g.session().close())
                    + " (" + percent(g.returnAtClose()) + ", " + g.session().broker() + ")").orElse("none"));
        }
        return new Row(l.nameEn() + " (" + l.ticker() + ")", null, cells);
    }

    private static Row cohortRow(CohortStats c) {
        return new Row(c.cohort().name(), null, List.of(String.valueOf(c.n()),
                percent(c.meanFirstDayReturn()), percent(c.medianFirstDayReturn()),
                percent(c.proceedsWeightedReturn()) + " (" + c.weightedIn().getCurrencyCode()
                        + (c.nWeighted() < c.n() ? ", " + c.nWeighted() + " of " + c.n() + " IPOs" : "") + ")",
                String.valueOf(c.doubled()),
                c.aggregateMoneyLeftCny() == null ? "unknown" : money(c.aggregateMoneyLeftCny())));
    }

    /** Whoever a cohort figure leaves out, named with the cohorts it is left out of. */
    private static List<String> cohortNotes(List<CohortStats> cohorts) {
        Map<String, List<String>> cohortsByNote = new LinkedHashMap<>();
        cohorts.stream().filter(c -> c.note() != null).forEach(c ->
                cohortsByNote.computeIfAbsent(c.note(), note -> new ArrayList<>()).add(c.cohort().name()));
        List<String> notes = new ArrayList<>();
        cohortsByNote.forEach((note, names) -> notes.add(String.join(", ", names) + ": " + note));
        return notes;
    }

    /** A series' folder and its month files, each linked by its month ({@code 2024-03_part2}). */
    private static SeriesFiles seriesFiles(SeriesTable s) {
        List<Month> months = s.files().stream().map(ReportFile::fileName).map(file -> new Month(file,
                file.substring(file.lastIndexOf('/') + 1, file.length() - ".csv".length()))).toList();
        return new SeriesFiles(s.folder() + "/", s.description(), count(months.size()), months, count(s.rowCount()));
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A small rate as stated: 0.0003635054 is 0.03635054%; one worked out from counts to {@link Rounding#ODDS_SCALE} decimals. */
    static String precisePercent(BigDecimal fraction) {
        return Rounding.odds(fraction).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /** A figure's cell of a table the page is given as HTML (the subscriber's decision), escaped. */
    static String cell(String text) {
        return "<td class=\"n\">" + html(text) + "</td>";
    }

    static String html(String text) {
        return ReportTemplates.html(text);
    }

    static String percent(BigDecimal fraction) {
        return fraction == null ? "unknown"
                : new DecimalFormat("+#,##0.00%;-#,##0.00%", US).format(Rounding.fraction(fraction));
    }

    static String price(BigDecimal price) {
        return Cells.price(price);
    }

    /** With thousands separators, to the currency's minor unit (none for JPY). */
    static String money(Money money) {
        DecimalFormat format = new DecimalFormat("#,##0", US);
        format.setMinimumFractionDigits(money.minorUnitDigits());
        return money.currency().getCurrencyCode() + " " + format.format(Rounding.money(money));
    }
}
