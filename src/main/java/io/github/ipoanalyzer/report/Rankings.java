package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.money.FxRates;
import io.github.ipoanalyzer.money.Money;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rankings (新股收益排行) of every IPO of the report, read from its first-day.csv: by the net
 * gain of one winning lot sold at the first close, compared across currencies in CNY at the rate
 * in force on the close's date (the rate every CNY lot gain of the report is converted at), and
 * by the first-day return at the close. A listing whose net gain is unknown, or without a CNY
 * rate, comes after those ranked, unranked, and says why; so does one without a first close in
 * the ranking by return. Equal figures are ranked by ticker.
 */
final class Rankings {

    /** What is read of first-day.csv. */
    static final List<String> FIRST_DAY_COLUMNS = List.of("ticker", "name_en", "name_local", "exchange", "board",
            "currency", "listing_date", "first_close", "first_close_date", "first_day_return_close_vs_offer_fraction",
            "net_lot_gain_at_close_trading_currency");

    private Rankings() {
    }

    /**
     * One IPO with its first-day.csv cells, its net lot gain in CNY where a rate converts it, its
     * places in both rankings (null: unranked) and why it is not ranked by the net gain.
     */
    record Ranked(Map<String, String> firstDay, FxRates.Conversion netInCny, Integer byNetGain, Integer byReturn,
                  String note) {

        String ticker() {
            return firstDay.get("ticker");
        }

        /** The exchange and board, as the page's board filter offers them. */
        String board() {
            return (firstDay.get("exchange") + " " + firstDay.get("board")).trim();
        }
    }

    /** Every row of first-day.csv, ranked; in the order of the ranking by net gain (the unranked after, by ticker). */
    static List<Ranked> of(List<Map<String, String>> firstDay, FxRates rates) {
        Map<String, FxRates.Conversion> inCny = new HashMap<>();
        Map<String, String> notes = new HashMap<>();
        for (Map<String, String> row : firstDay) {
            String net = row.get("net_lot_gain_at_close_trading_currency");
            String ticker = row.get("ticker");
            if (net.isEmpty()) {
                notes.put(ticker, "net gain at the first close unknown (first-day.csv's fee_note says why): unranked");
                continue;
            }
            LocalDate closeDate = LocalDate.parse(row.get("first_close_date"));
            Currency currency = Currency.getInstance(row.get("currency"));
            rates.toCny(new Money(new BigDecimal(net), currency), closeDate).ifPresentOrElse(c -> inCny.put(ticker, c),
                    () -> notes.put(ticker, "no CNY/" + currency.getCurrencyCode() + " rate on or before " + closeDate
                            + ": unranked"));
        }
        Comparator<Map<String, String>> byTicker = Comparator.comparing(r -> r.get("ticker"));
        List<Map<String, String>> byNet = firstDay.stream().filter(r -> inCny.containsKey(r.get("ticker")))
                .sorted(Comparator.comparing((Map<String, String> r) -> inCny.get(r.get("ticker")).converted().amount(),
                        Comparator.reverseOrder()).thenComparing(byTicker)).toList();
        List<Map<String, String>> byReturn = firstDay.stream()
                .filter(r -> !r.get("first_day_return_close_vs_offer_fraction").isEmpty())
                .sorted(Comparator.comparing((Map<String, String> r) ->
                        new BigDecimal(r.get("first_day_return_close_vs_offer_fraction")), Comparator.reverseOrder())
                        .thenComparing(byTicker)).toList();
        List<Map<String, String>> order = new ArrayList<>(byNet);
        firstDay.stream().filter(r -> !inCny.containsKey(r.get("ticker"))).sorted(byTicker).forEach(order::add);
        Map<String, Integer> netPlace = places(byNet);
        Map<String, Integer> returnPlace = places(byReturn);
        return order.stream().map(r -> new Ranked(r, inCny.get(r.get("ticker")), netPlace.get(r.get("ticker")),
                returnPlace.get(r.get("ticker")), notes.get(r.get("ticker")))).toList();
    }

    /** Each ticker's place in {@code ranking}, from 1. */
    private static Map<String, Integer> places(List<Map<String, String>> ranking) {
        Map<String, Integer> places = new HashMap<>();
        for (int i = 0; i < ranking.size(); i++) {
            places.put(ranking.get(i).get("ticker"), i + 1);
        }
        return places;
    }

    /** {@code ranked} in the order of the ranking by first-day return (the unranked after, by ticker). */
    static List<Ranked> byReturn(List<Ranked> ranked) {
        return ranked.stream().sorted(Comparator.comparing(Ranked::byReturn, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Ranked::ticker)).toList();
    }

    /**
     * What index.html shows (template {@code rankings.mustache}): the boards of the page's filter
     * (exchange and board, as in the data) and both rankings; each row carries its board and
     * listing date for the filter.
     */
    record Page(List<String> boards, List<Row> byNetGain, List<Row> byReturn) {
    }

    /** {@code page}: the IPO's own page, where it has one (one path, or none). */
    record Row(String rank, String name, List<String> page, String board, String listingDate, List<String> cells) {
    }

    static Page page(Labels t, List<Ranked> ranked, Map<String, String> ipoPages) {
        return new Page(ranked.stream().map(Ranked::board).distinct().sorted().toList(),
                ranked.stream().map(r -> row(r, r.byNetGain(), ipoPages, netCells(t, r))).toList(),
                byReturn(ranked).stream().map(r -> row(r, r.byReturn(), ipoPages, returnCells(t, r))).toList());
    }

    private static Row row(Ranked r, Integer rank, Map<String, String> ipoPages, List<String> cells) {
        Map<String, String> d = r.firstDay();
        String page = ipoPages.get(r.ticker());
        return new Row(rank == null ? "–" : String.valueOf(rank), d.get("name_en") + (d.get("name_local").isEmpty() ? ""
                : " " + d.get("name_local")) + " (" + r.ticker() + ")", page == null ? List.of() : List.of(page),
                r.board(), d.get("listing_date"), cells);
    }

    private static List<String> netCells(Labels t, Ranked r) {
        String net = r.firstDay().get("net_lot_gain_at_close_trading_currency");
        Currency currency = Currency.getInstance(r.firstDay().get("currency"));
        return List.of(net.isEmpty() ? t.get("unknown") : t.money(new Money(new BigDecimal(net), currency)),
                // Short in the page (rankings.csv's note has the date looked on or before).
                r.netInCny() == null ? (net.isEmpty() ? t.get("unknown") : t.format("noRateFor", currency.getCurrencyCode()))
                        : t.money(r.netInCny().converted()));
    }

    private static List<String> returnCells(Labels t, Ranked r) {
        String ret = r.firstDay().get("first_day_return_close_vs_offer_fraction");
        String close = r.firstDay().get("first_close");
        return List.of(ret.isEmpty() ? t.get("unknown") : IndexPage.percent(t, new BigDecimal(ret)),
                close.isEmpty() ? t.get("unknown")
                        : r.firstDay().get("currency") + " " + close + " (" + r.firstDay().get("first_close_date") + ")");
    }

    static CsvTable write(Path folder, List<Ranked> ranked) throws IOException {
        CsvTable table = new CsvTable(folder, "rankings.csv", "Rankings (新股收益排行) of every IPO: by the net gain of "
                + "one winning lot sold at the first close, in CNY at the rate of the close's date (unknown or without "
                + "a rate: after, unranked), and by the first-day return at the close; ties by ticker",
                List.of("rank_by_net_lot_gain_cny", "ticker", "name_en", "name_local", "exchange", "board", "listing_date",
                        "currency", "first_close", "first_close_date", "net_lot_gain_at_close_trading_currency",
                        "cny_per_unit", "fx_rate_date", "net_lot_gain_at_close_cny", "rank_by_first_day_return",
                        "first_day_return_close_vs_offer_fraction", "note"));
        for (Ranked r : ranked) {
            Map<String, String> d = r.firstDay();
            FxRates.Conversion cny = r.netInCny();
            table.add(List.of(Cells.whole(r.byNetGain()), d.get("ticker"), d.get("name_en"), d.get("name_local"),
                    d.get("exchange"), d.get("board"), d.get("listing_date"), d.get("currency"), d.get("first_close"),
                    d.get("first_close_date"), d.get("net_lot_gain_at_close_trading_currency"),
                    cny == null ? "" : Cells.rate(cny.rate()), cny == null ? "" : Cells.date(cny.rateDate()),
                    cny == null ? "" : Cells.money(cny.converted()), Cells.whole(r.byReturn()),
                    d.get("first_day_return_close_vs_offer_fraction"), Cells.text(r.note())));
        }
        table.close();
        return table;
    }
}
