package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.store.MarketDataStore;

import io.github.ipoanalyzer.analysis.IpoAnalysis;
import io.github.ipoanalyzer.analysis.LotGain;
import io.github.ipoanalyzer.analysis.ReferencePrice;
import io.github.ipoanalyzer.eventstudy.CohortStats;
import io.github.ipoanalyzer.eventstudy.EventStudy;
import io.github.ipoanalyzer.money.FxRates;
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

    public static String render(Labels t, LocalDate asOf, List<IpoAnalysis> analyses, List<Standing> standings, ChartedListings.Selection selection,
                                EventStudy.Result study,
                                List<CsvTable> tables, List<SeriesTable> series, List<Charts.ChartFile> charts,
                                MarketDataStore.FileCounts rows,
                                Map<String, List<String>> notices, Map<String, String> settings,
                                SubscriptionSection.Model subscriberDecision, Map<String, String> ipoPages,
                                Changes.Page changes, Rankings.Page rankings) {
        List<IpoAnalysis> ipos = analyses.stream().filter(a -> a.listing().ipoStudied()).toList();
        boolean greyMarket = ipos.stream().anyMatch(a -> a.greyMarketSession().isPresent());
        List<String> noticeLines = new ArrayList<>();
        notices.forEach((file, messages) -> messages.forEach(m -> noticeLines.add(file + ": " + m)));
        Optional<LocalDate> dataEnds = standings.stream().map(Standing::dataLastDate).filter(d -> d != null)
                .max(Comparator.naturalOrder());
        return ReportTemplates.render("index.html", new Model(t.language().code(), t.all(), t.format("indexTitle", asOf),
                dataEnds.map(d -> d.equals(asOf) ? t.get("dataToAsOf")
                        : t.format("dataEndsOn", d, days(t, ChronoUnit.DAYS.between(d, asOf)))).orElse(t.get("noPrice")),
                t.format("nowIntro", Standing.STALE_AFTER_SESSIONS),
                Standing.RECENT_SESSIONS.stream().map(k -> t.format("lastSessions", k)).toList(),
                standings.stream().map(s -> nowRow(t, s)).toList(), rowsSentence(t, rows),
                rows.rejected() == 0 ? List.of() : List.of(t.format("rejectedRows", String.format(Locale.ROOT, "%,d",
                        rows.rejected()))),
                selection == null ? List.of() : List.of(t.format("shownSentence", selection.words(t))),
                ipos.stream().map(a -> firstDayRow(t, a, ipoPages.get(a.listing().ticker()))).toList(),
                ipos.stream().map(a -> tradingRow(t, a)).toList(),
                greyMarket, ipos.stream().map(a -> subscriberRow(t, a, greyMarket)).toList(), subscriberDecision,
                study.cohorts().stream().map(c -> cohortRow(t, c)).toList(), cohortNotes(study.cohorts()),
                !noticeLines.isEmpty(), noticeLines,
                charts.stream().map(c -> new Chart(c.title(), c.description(), c.fileName(), String.valueOf(Charts.WIDTH)))
                        .toList(),
                !settings.isEmpty(), settings.entrySet().stream().map(s -> new Setting(s.getKey(),
                        s.getValue().isEmpty() ? t.get("emptyDefault") : s.getValue())).toList(),
                tables.stream().map(f -> new TableFile(f.fileName(), f.description(), count(f.rowCount()))).toList(),
                series.stream().map(f -> seriesFiles(t, f)).toList(), List.of(changes),
                rankings.byNetGain().isEmpty() ? List.of() : List.of(rankings)));
    }

    /** What the template shows; every value is text, lists of text where a value may be absent. */
    public record Model(String lang, Map<String, String> t, String title, String dataAge, String nowIntro,
                        List<String> recentSessions,
                        List<Row> now, String rows, List<String> rejected, List<String> selection, List<Row> firstDay,
                        List<Row> trading, boolean greyMarket, List<Row> subscriber,
                        SubscriptionSection.Model subscriberDecision,
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

    /** {@code description}: what the files hold, how many there are, and that each opens in a spreadsheet. */
    public record SeriesFiles(String folder, String description, List<Month> months, String rows) {
    }

    public record Month(String fileName, String month) {
    }

    /** What became of the input rows: every one loaded, or how many were repeats or set aside (rejects apart). */
    private static String rowsSentence(Labels t, MarketDataStore.FileCounts rows) {
        if (rows.repeated() == 0 && rows.setAside() == 0 && rows.rejected() == 0) {
            return t.get("everyRowLoaded");
        }
        return t.format("rowsLoaded", count(rows.read()), count(rows.loaded()))
                + (rows.repeated() == 0 ? "" : t.format("rowsRepeated", count(rows.repeated())))
                + (rows.setAside() == 0 ? "" : t.format("rowsSetAside", count(rows.setAside())))
                + t.get("rowsSeeInputFiles");
    }

    private static String days(Labels t, long days) {
        return days == 1 ? t.get("oneDay") : t.format("days", count(days));
    }

    /** Where an IPO stands on the as-of day (now.csv has every figure, exact). */
    private static Row nowRow(Labels t, Standing s) {
        var l = s.listing();
        String currency = l.currency().getCurrencyCode() + " ";
        String unknown = t.get("unknown");
        List<String> cells = new ArrayList<>(List.of(
                s.latestClose() == null ? unknown : currency + price(s.latestClose()) + " (" + s.latestCloseDate() + ")",
                s.sessionsSinceListing() == null ? unknown : String.valueOf(s.sessionsSinceListing()),
                percent(t, s.returnSinceOffer()), percent(t, s.returnSinceFirstClose()),
                s.lotGain().map(LotGain::gain).map(t::money).orElse(unknown),
                s.lotGain().flatMap(LotGain::netOfFees).map(NetLotGain::net).map(t::money).orElse(unknown),
                s.belowIssue() == null ? unknown : t.get(s.belowIssue() ? "yes" : "no")));
        Standing.RECENT_SESSIONS.forEach(k -> cells.add(percent(t, s.recentReturn(k).orElse(null))));
        cells.add(s.dataLastDate() == null ? t.get("none") : s.dataLastDate() + (s.stale() ? t.get("stale") : ""));
        return new Row(l.nameEn() + (l.nameLocal() == null ? "" : " " + l.nameLocal()) + " (" + l.ticker() + ")",
                null, cells);
    }

    private static Row firstDayRow(Labels t, IpoAnalysis a, String page) {
        var l = a.listing();
        List<String> cells = new ArrayList<>(List.of(l.currency().getCurrencyCode() + " " + price(l.offerPrice()),
                a.firstDay().close() == null ? t.get("unknown")
                        : l.currency().getCurrencyCode() + " " + price(a.firstDay().close()),
                percent(t, a.firstDayReturn().atClose()), percent(t, a.firstDayReturn().atOpen()),
                percent(t, a.firstDayReturn().atHigh())));
        for (ReferencePrice ref : List.of(ReferencePrice.FIRST_DAY_OPEN, ReferencePrice.FIRST_DAY_HIGH,
                ReferencePrice.FIRST_DAY_CLOSE)) {
            cells.add(a.firstDayLotGain(ref).map(LotGain::gain).map(t::money).orElse(t.get("unknown")));
        }
        return new Row(l.nameEn() + (l.nameLocal() == null ? "" : " " + l.nameLocal()) + " (" + l.ticker() + ")",
                l.listingDate().toString(), cells, page == null ? List.of() : List.of(page));
    }

    private static Row tradingRow(Labels t, IpoAnalysis a) {
        var l = a.listing();
        var d = a.firstDay();
        DecimalFormat shares = new DecimalFormat("#,##0", US);
        String unknown = t.get("unknown");
        return new Row(l.nameEn() + " (" + l.ticker() + ")", null, List.of(
                d.volume() == null ? unknown : shares.format(d.volume()),
                d.turnover() == null ? unknown : t.money(l.price(d.turnover())),
                d.vwap() == null ? unknown : l.currency().getCurrencyCode() + " "
                        + new DecimalFormat("#,##0.00##", US).format(Rounding.averagePrice(d.vwap())),
                d.turnoverRate(l.floatShares()) == null ? unknown
                        : percent(t, d.turnoverRate(l.floatShares())).replace("+", "")));
    }

    private static Row subscriberRow(Labels t, IpoAnalysis a, boolean greyMarket) {
        var l = a.listing();
        var close = a.firstDayLotGain(ReferencePrice.FIRST_DAY_CLOSE);
        var net = close.flatMap(LotGain::netOfFees);
        var app = a.application();
        String unknown = t.get("unknown");
        List<String> cells = new ArrayList<>(List.of(
                app.entranceFee() == null ? t.get("paidAfterLottery") : t.money(app.entranceFee()),
                net.map(n -> t.money(n.capital())).orElse(unknown),
                close.map(g -> t.money(g.gain())).orElse(unknown),
                net.map(n -> t.money(n.net())).orElse(unknown),
                net.map(n -> percent(t, n.netReturn())).orElse(unknown),
                app.oneLotSuccessRate() == null ? unknown : precisePercent(app.oneLotSuccessRate()),
                app.subscriptionMultiple() == null ? unknown
                        : new DecimalFormat("#,##0.00", US).format(app.subscriptionMultiple()) + "×",
                app.expectedGain() == null ? unknown : t.money(app.expectedGain())));
        if (greyMarket) {
            cells.add(a.greyMarketSession().map(g -> l.currency().getCurrencyCode() + " " + price(g.session().close())
                    + " (" + percent(t, g.returnAtClose()) + ", " + g.session().broker() + ")").orElse(t.get("none")));
        }
        return new Row(l.nameEn() + " (" + l.ticker() + ")", null, cells);
    }

    private static Row cohortRow(Labels t, CohortStats c) {
        return new Row(c.cohort().name(), null, List.of(String.valueOf(c.n()),
                percent(t, c.meanFirstDayReturn()), percent(t, c.medianFirstDayReturn()),
                percent(t, c.proceedsWeightedReturn()) + " (" + c.weightedIn().getCurrencyCode()
                        + (c.nWeighted() < c.n() ? t.format("weightedOf", c.nWeighted(), c.n()) : "") + ")",
                String.valueOf(c.doubled()),
                c.aggregateMoneyLeftCny() == null ? t.get("unknown") : t.money(c.aggregateMoneyLeftCny())));
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
    private static SeriesFiles seriesFiles(Labels t, SeriesTable s) {
        List<Month> months = s.files().stream().map(ReportFile::fileName).map(file -> new Month(file,
                file.substring(file.lastIndexOf('/') + 1, file.length() - ".csv".length()))).toList();
        return new SeriesFiles(s.folder() + "/", t.format("monthFiles", s.description(), count(months.size())), months,
                count(s.rowCount()));
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A small rate as stated: 0.0003635054 is 0.03635054%; one worked out from counts to {@link Rounding#ODDS_SCALE} decimals. */
    static String precisePercent(BigDecimal fraction) {
        return Rounding.odds(fraction).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    static String percent(Labels t, BigDecimal fraction) {
        return fraction == null ? t.get("unknown")
                : new DecimalFormat("+#,##0.00%;-#,##0.00%", US).format(Rounding.fraction(fraction));
    }

    static String price(BigDecimal price) {
        return Cells.price(price);
    }

}
