package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.analysis.CapReconciliation;
import io.github.ipoanalyzer.analysis.FirstDay;
import io.github.ipoanalyzer.analysis.FirstDayReturn;
import io.github.ipoanalyzer.analysis.IpoAnalysis;
import io.github.ipoanalyzer.analysis.LotGain;
import io.github.ipoanalyzer.analysis.MarketCapPoint;
import io.github.ipoanalyzer.analysis.GreyMarket;
import io.github.ipoanalyzer.analysis.ReferencePrice;
import io.github.ipoanalyzer.analysis.TrailingRevenue;
import io.github.ipoanalyzer.fees.Application;
import io.github.ipoanalyzer.fees.Charge;
import io.github.ipoanalyzer.fees.FeeRule;
import io.github.ipoanalyzer.fees.FeeSchedule;
import io.github.ipoanalyzer.fees.NetLotGain;
import io.github.ipoanalyzer.analysis.PriceToSales;
import io.github.ipoanalyzer.analysis.Standing;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.money.FxRates;
import io.github.ipoanalyzer.money.Money;
import io.github.ipoanalyzer.store.MarketDataStore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.github.ipoanalyzer.report.Cells.*;

/** The report CSVs, built from the analyses. Column names say metric, reference price and unit. */
public final class ReportTables {


    private ReportTables() {
    }

    static TableSpec firstDay() {
        List<String> header = new ArrayList<>(List.of("ticker", "name_en", "name_local", "exchange", "board", "currency",
                "listing_date", "offer_price", "lot_shares", "first_day_open", "first_day_high", "first_day_low",
                "first_close", "first_close_date", "first_close_lag_trading_days",
                "return_open_vs_offer_fraction", "return_high_vs_offer_fraction", "return_low_vs_offer_fraction",
                "first_day_return_close_vs_offer_fraction", "intraday_return_close_vs_open_fraction",
                "broke_issue_close_below_offer", "broke_issue_low_below_offer"));
        ReferencePrice.FIRST_DAY.forEach(r -> header.add("lot_gain_at_" + r.shortLabel() + "_trading_currency"));
        ReferencePrice.FIRST_DAY.forEach(r -> header.add("lot_gain_at_" + r.shortLabel() + "_cny"));
        header.addAll(List.of("cny_per_unit", "fx_rate_date", "shares_offered", "gross_proceeds_offer_x_shares_offered",
                "gross_proceeds_stated", "money_left_on_table_at_close", "total_shares_after_listing",
                "market_cap_at_offer", "market_cap_at_first_close",
                "lot_capital_with_subscription_charges", "entrance_fee_per_lot", "net_lot_gain_at_close_trading_currency",
                "net_return_on_lot_capital_at_close_fraction", "one_lot_success_rate_fraction", "subscription_multiple",
                "expected_gain_per_application_trading_currency", "fee_note", "grey_market_date", "grey_market_broker",
                "grey_market_close", "grey_market_return_close_vs_offer_fraction", "grey_market_lot_gain_at_close",
                "first_day_volume_shares", "first_day_turnover_trading_currency", "first_day_vwap", "float_shares",
                "first_day_turnover_rate_fraction"));
        header.addAll(SubscriptionTables.FIRST_DAY_COLUMNS);
        header.add("note");
        return new TableSpec("first-day.csv", "First day of each IPO: prices, returns from the offer price, "
                + "gain of one winning lot at each reference price (gross, and net of the fee schedule's charges at the "
                + "close), proceeds, market value, the entrance fee, the odds of a lot and the expected gain of one "
                + "application, and the listing day's volume, turnover, average price (VWAP) and turnover rate", header);
    }

    public static void addFirstDay(RowSink table, IpoAnalysis a) {
        if (!a.listing().ipoStudied()) {
            return; // a peer or seasoned stock has no first day
        }
        Listing l = a.listing();
        FirstDay d = a.firstDay();
        FirstDayReturn r = a.firstDayReturn();
        List<String> row = new ArrayList<>(List.of(text(l.ticker()), text(l.nameEn()), text(l.nameLocal()),
                text(l.exchange()), text(l.board()), l.currency().getCurrencyCode(), date(l.listingDate()),
                price(l.offerPrice()), whole(l.lotShares()), price(d.open()), price(d.high()), price(d.low()),
                price(d.close()), date(d.closeDate()), whole(d.closeLagTradingDays()),
                fraction(r.atOpen()), fraction(r.atHigh()), fraction(r.atLow()), fraction(r.atClose()),
                fraction(r.intraday()), bool(r.brokeAtClose()), bool(r.brokeAtLow())));
        ReferencePrice.FIRST_DAY.forEach(ref -> row.add(money(a.firstDayLotGain(ref).map(LotGain::gain).orElse(null))));
        Optional<FxRates.Conversion> dayRate = a.offerInCny();
        ReferencePrice.FIRST_DAY.forEach(ref -> row.add(money(a.firstDayLotGain(ref)
                .flatMap(LotGain::inCny).map(FxRates.Conversion::converted).orElse(null))));
        Optional<MarketCapPoint> firstCloseCap = a.marketCap().flatMap(s -> d.closeDate() == null
                ? Optional.empty() : s.on(d.closeDate()));
        row.addAll(List.of(rate(dayRate.map(FxRates.Conversion::rate).orElse(null)),
                date(dayRate.map(FxRates.Conversion::rateDate).orElse(null)), whole(l.sharesOffered()),
                money(a.proceeds().grossProceeds()), money(l.grossProceedsStated(), l.currency()),
                money(a.proceeds().moneyLeftOnTable()), whole(l.totalShares()),
                money(a.marketCap().map(s -> s.atOffer().cap()).orElse(null)),
                money(firstCloseCap.map(MarketCapPoint::cap).orElse(null))));
        Optional<NetLotGain> net = a.firstDayLotGain(ReferencePrice.FIRST_DAY_CLOSE).flatMap(LotGain::netOfFees);
        Application app = a.application();
        row.addAll(List.of(money(net.map(NetLotGain::capital).orElse(null)), money(app.entranceFee()),
                money(net.map(NetLotGain::net).orElse(null)), fraction(net.map(NetLotGain::netReturn).orElse(null)),
                odds(app.oneLotSuccessRate()), multiple(app.subscriptionMultiple()), money(app.expectedGain()),
                text(feeNote(a, net))));
        Optional<GreyMarket> grey = a.greyMarketSession();
        row.addAll(List.of(date(grey.map(g -> g.session().date()).orElse(null)),
                text(grey.map(g -> g.session().broker()).orElse(null)), price(grey.map(g -> g.session().close()).orElse(null)),
                fraction(grey.map(GreyMarket::returnAtClose).orElse(null)),
                money(grey.map(GreyMarket::lotGainAtClose).orElse(null))));
        row.addAll(List.of(whole(d.volume()), money(d.turnover(), l.currency()), averagePrice(d.vwap()), whole(l.floatShares()),
                fraction(d.turnoverRate(l.floatShares()))));
        row.addAll(SubscriptionTables.firstDayCells(a));
        row.add(text(firstDayNote(a)));
        table.add(row);
    }

    private static String firstDayNote(IpoAnalysis a) {
        List<String> notes = new ArrayList<>();
        FirstDay d = a.firstDay();
        if (d.note() != null) {
            notes.add(d.note());
        }
        if (a.offerInCny().isEmpty()) {
            notes.add("no CNY/" + a.listing().currency() + " rate on or before " + a.listing().listingDate()
                    + ": CNY columns unknown");
        }
        if (a.listing().note() != null) {
            notes.add(a.listing().note());
        }
        return String.join("; ", notes);
    }

    /** Which commission the net figures include, and why a net figure or the expected gain is unknown. */
    static String feeNote(IpoAnalysis a, Optional<NetLotGain> net) {
        List<String> notes = new ArrayList<>();
        if (net.isEmpty() && a.firstDay().close() != null) {
            notes.add("no fee schedule row for a sale on " + a.listing().exchange() + " on " + a.firstDay().closeDate()
                    + ": net unknown");
        }
        net.ifPresent(n -> {
            List<Charge> commission = java.util.stream.Stream.concat(n.subscription().charges().stream(),
                    n.sale().charges().stream()).filter(c -> c.rule().isCharge(FeeSchedule.BROKER_COMMISSION))
                    .toList();
            notes.add(commission.isEmpty() ? "broker commission not included (none in the fee schedule)"
                    : "includes broker commission as " + commission.get(0).scheduleRow() + " states it");
        });
        if (a.application().note() != null) {
            notes.add(a.application().note());
        }
        return String.join("; ", notes);
    }

    static TableSpec now() {
        List<String> header = new ArrayList<>(List.of("ticker", "name_en", "name_local", "exchange", "currency",
                "listing_date", "offer_price", "first_close", "first_close_date", "latest_close", "latest_close_date",
                "sessions_since_listing_at_latest_close", "return_since_offer_fraction",
                "return_since_first_close_fraction", "lot_gain_at_latest_close_trading_currency",
                "net_lot_gain_at_latest_close_trading_currency", "cny_per_unit", "fx_rate_date",
                "lot_gain_at_latest_close_cny", "below_issue_now"));
        Standing.RECENT_SESSIONS.forEach(k -> header.add("return_last_" + k + "_sessions_fraction"));
        header.addAll(List.of("data_last_date", "sessions_from_data_last_date_to_as_of", "stale", "note"));
        return new TableSpec("now.csv", "Where each IPO stands on the as-of day: its latest close and that close's "
                + "date, sessions since listing, return since the offer and since the first close, one winning lot "
                + "sold at the latest close (gross, and net of the fee schedule's charges), whether it trades below "
                + "issue, the returns over the last " + Standing.RECENT_SESSIONS.stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(", ")) + " sessions, and the data's last date (stale "
                + "when it is more than " + Standing.STALE_AFTER_SESSIONS + " sessions before the as-of day)", header);
    }

    public static void addNow(RowSink table, Standing s) {
        Listing l = s.listing();
        Optional<LotGain> lot = s.lotGain();
        Optional<FxRates.Conversion> cny = lot.flatMap(LotGain::inCny);
        List<String> row = new ArrayList<>(List.of(text(l.ticker()), text(l.nameEn()), text(l.nameLocal()),
                text(l.exchange()), l.currency().getCurrencyCode(), date(l.listingDate()), price(l.offerPrice()),
                price(s.firstDay().close()), date(s.firstDay().closeDate()), price(s.latestClose()),
                date(s.latestCloseDate()), whole(s.sessionsSinceListing()), fraction(s.returnSinceOffer()),
                fraction(s.returnSinceFirstClose()), money(lot.map(LotGain::gain).orElse(null)),
                money(lot.flatMap(LotGain::netOfFees).map(NetLotGain::net).orElse(null)),
                rate(cny.map(FxRates.Conversion::rate).orElse(null)),
                date(cny.map(FxRates.Conversion::rateDate).orElse(null)),
                money(cny.map(FxRates.Conversion::converted).orElse(null)), bool(s.belowIssue())));
        Standing.RECENT_SESSIONS.forEach(k -> row.add(fraction(s.recentReturn(k).orElse(null))));
        row.addAll(List.of(date(s.dataLastDate()), whole(s.sessionsSinceDataLastDate()), bool(s.stale()),
                text(s.note())));
        table.add(row);
    }

    static SeriesSpec lotGains() {
        return new SeriesSpec("lot-gains", "Gain of one winning lot (中一签盈利) at every reference price: "
                + "the first day's open, high, low and close, then every later close; gross, and net of the fee "
                + "schedule's charges (those of the first day itemised in lot-charges.csv)",
                List.of("ticker", "name_en", "reference_price_kind", "price_date", "reference_price", "offer_price",
                        "lot_shares", "currency", "lot_gain_trading_currency", "lot_cost_trading_currency",
                        "return_on_lot_capital_fraction", "cny_per_unit", "fx_rate_date", "lot_gain_cny",
                        "subscription_charges", "sale_charges", "net_lot_gain_trading_currency",
                        "net_return_on_lot_capital_fraction", "note"), "price_date");
    }

    public static void addLotGains(RowSink table, IpoAnalysis a) {
        Listing l = a.listing();
        for (LotGain g : a.lotGains()) {
            if (!table.keeps(g.date())) {
                continue;
            }
            Optional<FxRates.Conversion> cny = g.inCny();
            table.add(List.of(text(l.ticker()), text(l.nameEn()), g.reference().label(), date(g.date()),
                    price(g.price().amount()), price(l.offerPrice()), whole(l.lotShares()),
                    l.currency().getCurrencyCode(), money(g.gain()), money(g.lotCost()), fraction(g.returnOnCapital()),
                    rate(cny.map(FxRates.Conversion::rate).orElse(null)),
                    date(cny.map(FxRates.Conversion::rateDate).orElse(null)),
                    money(cny.map(FxRates.Conversion::converted).orElse(null)),
                    money(g.netOfFees().map(n -> n.subscription().total()).orElse(null)),
                    money(g.netOfFees().map(n -> n.sale().total()).orElse(null)),
                    money(g.netOfFees().map(NetLotGain::net).orElse(null)),
                    fraction(g.netOfFees().map(NetLotGain::netReturn).orElse(null)), text(g.priceNote())));
        }
    }

    static TableSpec lotCharges() {
        return new TableSpec("lot-charges.csv", "Every charge behind the first day's net gains (first-day.csv, "
                + "and the first-day rows of the lot-gains series): per IPO, reference price, side and charge, with the "
                + "fee schedule row it came from; amounts exact as charged (a charge rounded in its side's total is "
                + "shown unrounded). Later closes' charges are totalled per side in the lot-gains series",
                List.of("ticker", "reference_price_kind", "price_date", "side", "charge", "consideration", "currency",
                        "rate", "minimum", "maximum", "rounding", "amount", "side_total", "schedule_row"));
    }

    public static void addLotCharges(RowSink table, IpoAnalysis a) {
        // The first day's only: every close's charges would be ten rows per lot-gain row, far past what a spreadsheet opens.
        for (LotGain g : a.lotGains().stream().filter(g -> ReferencePrice.FIRST_DAY.contains(g.reference())).toList()) {
            g.netOfFees().ifPresent(n -> {
                for (FeeSchedule.SideCharges side : List.of(n.subscription(), n.sale())) {
                    for (Charge c : side.charges()) {
                        FeeRule r = c.rule();
                        table.add(List.of(text(a.listing().ticker()), g.reference().label(), date(g.date()),
                                r.side().label(), text(r.charge()), price(c.consideration().amount()),
                                c.consideration().currency().getCurrencyCode(), rate(r.rate()), price(Money.amountOf(r.minimum())),
                                price(Money.amountOf(r.maximum())), r.rounding().label(), price(c.amount().amount()),
                                money(side.total()), text(c.scheduleRow())));
                    }
                }
            });
        }
    }

    static SeriesSpec marketValue() {
        return new SeriesSpec("market-value", "Market value (price × shares outstanding) at the offer and at "
                + "every close: change since offer, peak so far and drawdown from it, and in CNY",
                List.of("ticker", "name_en", "date", "reference_price_kind", "price", "shares_outstanding", "currency",
                        "market_cap_trading_currency", "change_since_offer_fraction", "peak_market_cap_to_date",
                        "peak_date", "drawdown_from_peak_fraction", "cny_per_unit", "fx_rate_date", "market_cap_cny",
                        "note"), "date");
    }

    public static void addMarketValue(RowSink table, IpoAnalysis a) {
        a.marketCap().ifPresent(series -> {
            List<MarketCapPoint> points = new ArrayList<>();
            if (series.atOffer() != null) {
                points.add(series.atOffer());
            }
            points.addAll(series.closes());
            for (MarketCapPoint p : points) {
                if (!table.keeps(p.date())) {
                    continue;
                }
                Optional<FxRates.Conversion> cny = p.inCny();
                table.add(List.of(text(a.listing().ticker()), text(a.listing().nameEn()), date(p.date()),
                        p.reference().label(), price(p.price().amount()), whole(p.shares()),
                        p.cap().currency().getCurrencyCode(), money(p.cap()), fraction(p.changeSinceOffer()),
                        money(p.peakToDate()), date(p.peakDate()), fraction(p.drawdownFromPeak()),
                        rate(cny.map(FxRates.Conversion::rate).orElse(null)),
                        date(cny.map(FxRates.Conversion::rateDate).orElse(null)),
                        money(cny.map(FxRates.Conversion::converted).orElse(null)),
                        text(join(p.note(), approximate(a.listing().note())))));
            }
        });
    }

    static TableSpec priceToSales() {
        return new TableSpec("price-to-sales.csv", "Price-to-sales: market value over the revenue of each "
                + "named period (and the trailing twelve months where the periods allow), at the offer and at the "
                + "latest close; the basis of each period named (half-years not annualised)",
                List.of("ticker", "name_en", "revenue_period", "revenue_basis", "period_start", "period_end",
                        "period_months", "revenue",
                        "revenue_currency", "market_cap_reference", "market_cap_date", "market_cap", "market_cap_currency",
                        "cny_per_unit", "fx_rate_date", "price_to_sales_multiple", "note"));
    }

    public static void addPriceToSales(RowSink table, IpoAnalysis a) {
        for (PriceToSales p : a.priceToSales()) {
            Money revenue = p.period().revenue();
            // The note of the close the value is taken at (an approximate price says so), then the revenue's.
            String closeNote = p.capReference() == ReferencePrice.OFFER ? null : a.marketCap()
                    .flatMap(s -> s.on(p.capDate())).map(MarketCapPoint::note).orElse(null);
            String note = join(join(join(p.note(), closeNote), p.period().note()), approximate(a.listing().note()));
            table.add(List.of(text(a.listing().ticker()), text(a.listing().nameEn()), text(p.period().period()),
                    TrailingRevenue.basis(p.period()), date(p.period().start()), date(p.period().end()), whole(p.period().months()),
                    money(revenue), revenue == null ? "" : revenue.currency().getCurrencyCode(), p.capReference().label(),
                    date(p.capDate()), money(p.cap()), p.cap().currency().getCurrencyCode(),
                    rate(p.capInCny() == null ? null : p.capInCny().rate()),
                    date(p.capInCny() == null ? null : p.capInCny().rateDate()), multiple(p.multiple()), text(note)));
        }
    }

    static TableSpec capReconciliation() {
        return new TableSpec("cap-reconciliation.csv", "Market caps reported in the news beside price × shares "
                + "on the same date (or, for a day without a session, the latest close before it, with the lag), with the gap",
                List.of("ticker", "name_en", "date", "reported_cap", "reported_currency", "close_on_date",
                        "shares_outstanding", "computed_cap", "gap_computed_minus_reported", "gap_fraction",
                        "close_date", "lag_trading_days", "note"));
    }

    public static void addCapReconciliation(RowSink table, IpoAnalysis a) {
        for (CapReconciliation c : a.capReconciliations()) {
            MarketCapPoint p = c.computedPoint();
            table.add(List.of(text(a.listing().ticker()), text(a.listing().nameEn()), date(c.reported().date()),
                    money(c.reported().cap()), c.reported().cap().currency().getCurrencyCode(),
                    price(p == null ? null : p.price().amount()), whole(p == null ? null : p.shares()),
                    money(c.computed()), money(c.gap()), fraction(c.gapFraction()),
                    date(p == null ? null : p.date()), whole(c.lagTradingDays()),
                    text(join(c.note(), c.reported().note()))));
        }
    }

    public static CsvTable rejects(Path folder, List<MarketDataStore.RejectedRow> rejects) {
        CsvTable table = new CsvTable(folder, "rejects.csv", "Input rows that were not loaded, with the rule they broke",
                List.of("file", "line", "column", "value", "rule", "reason"));
        for (MarketDataStore.RejectedRow r : rejects) {
            table.add(List.of(text(r.file()), whole(r.line()), text(r.column()), text(r.rawValue()), r.rule(),
                    text(r.reason())));
        }
        return table;
    }

    public static CsvTable inputFiles(Path folder, Map<String, String> sha256, Map<String, MarketDataStore.FileCounts> counts,
                                      Map<String, List<String>> notices, Map<String, Long> parsedInRun) {
        CsvTable table = new CsvTable(folder, "input-files.csv", "Every input file, with its SHA-256, row accounting "
                + "(rows read = rows loaded + rows repeated + rows rejected + rows set aside; a repeat says nothing a "
                + "row already loaded does not; a row set aside is of a ticker not in listings.csv), the run that "
                + "parsed it (an unchanged file is not parsed again) and notices",
                List.of("file", "sha256", "rows_read", "rows_loaded", "rows_repeated", "rows_rejected", "rows_set_aside",
                        "parsed_in_run", "notices"));
        sha256.forEach((file, hash) -> {
            MarketDataStore.FileCounts c = counts.getOrDefault(file, MarketDataStore.FileCounts.NONE);
            table.add(List.of(text(file), hash, whole(c.read()), whole(c.loaded()), whole(c.repeated()), whole(c.rejected()),
                    whole(c.setAside()),
                    whole(parsedInRun.get(file)), text(String.join("; ", notices.getOrDefault(file, List.of())))));
        });
        return table;
    }

    /**
     * A listing's note where it marks an input approximate (the total shares, say), for every
     * figure of market value computed from it; null otherwise.
     */
    private static String approximate(String note) {
        return note != null && note.toLowerCase(java.util.Locale.ROOT).contains("approximate") ? note : null;
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + "; " + b;
    }
}
