package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.fees.FeeRule;
import io.github.ipoanalyzer.market.Allotment;
import io.github.ipoanalyzer.market.AllotmentBasisRow;
import io.github.ipoanalyzer.market.BenchmarkAssignment;
import io.github.ipoanalyzer.market.BenchmarkLevel;
import io.github.ipoanalyzer.market.CohortMember;
import io.github.ipoanalyzer.market.DailyPrice;
import io.github.ipoanalyzer.market.Event;
import io.github.ipoanalyzer.market.ExchangeHoliday;
import io.github.ipoanalyzer.market.GreyMarketPrice;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.market.Lockup;
import io.github.ipoanalyzer.market.OfferFacts;
import io.github.ipoanalyzer.market.ReportedCap;
import io.github.ipoanalyzer.market.RevenuePeriod;
import io.github.ipoanalyzer.money.FxRate;
import io.github.ipoanalyzer.store.MarketDataStore;
import io.github.ipoanalyzer.store.MarketTables;
import io.github.ipoanalyzer.store.PriceStore;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every kind of input, in load order: listings first (every other row refers to them), then the
 * calendars (a price's date is checked against them). Adding a kind is one entry here, plus its
 * record, its rule and its table.
 */
public final class InputKinds {

    private static final boolean REQUIRED = true;
    private static final boolean OPTIONAL = false;

    public static final InputKind<Listing> LISTINGS = InputKind.file("listings", "listings.csv", REQUIRED,
            new CsvFormat(List.of("ticker", "name_en", "exchange", "currency", "listing_date", "offer_price", "lot_shares",
                    "shares_offered"), List.of("name_local", "board", "total_shares_after_listing", "gross_proceeds", "note",
                    "offer_price_max", "float_shares"), IpoListSource.ALL),
            new ListingValidator(), MarketTables.LISTING, Listing::ticker, "ticker");

    /** Scheduled closures per exchange: day counts use them, and a price dated on a closed day is rejected. */
    public static final InputKind<ExchangeHoliday> CALENDARS = InputKind.file("calendars", "calendars.csv", OPTIONAL,
            new CsvFormat(List.of("exchange", "date"), List.of("note")), new CalendarValidator(),
            MarketTables.EXCHANGE_HOLIDAY, h -> h.exchange() + " " + h.date(), "exchange and date");

    /**
     * Any number of files, in the project's format or a data source's export ({@link PriceSources});
     * prices go to the block store, and their duplicates are settled once every file is loaded
     * ({@link PriceDuplicates}), as the files are loaded at once.
     */
    public static final InputKind<DailyPrice> PRICES = new InputKind<>("prices", "prices", true, OPTIONAL,
            new CsvFormat(List.of("ticker", "date"), List.of("open", "high", "low", "close", "volume", "turnover", "note"),
                    PriceSources.ALL),
            new PriceValidator(), PriceStore.TABLE, store -> RowGuard.afterTheLoad(),
            MarketDataStore::prices);

    public static final InputKind<RevenuePeriod> REVENUE = InputKind.file("revenue", "revenue.csv", OPTIONAL,
            new CsvFormat(List.of("ticker", "period", "period_start", "period_end", "currency"), List.of("revenue", "note")),
            new RevenueValidator(), MarketTables.REVENUE, r -> r.ticker() + " " + r.period(), "ticker and period");

    public static final InputKind<FxRate> FX_RATES = InputKind.file("fxRates", "fx-rates.csv", OPTIONAL,
            new CsvFormat(List.of("date", "currency", "cny_per_unit"), List.of("note")),
            new FxRateValidator(), MarketTables.FX_RATE, f -> f.currency() + " " + f.date(), "currency and date");

    public static final InputKind<ReportedCap> REPORTED_CAPS = InputKind.file("reportedCaps", "reported-caps.csv",
            OPTIONAL, new CsvFormat(List.of("ticker", "date", "reported_cap", "currency"), List.of("note")),
            new ReportedCapValidator(), MarketTables.REPORTED_CAP, c -> c.ticker() + " " + c.date(), "ticker and date");

    public static final InputKind<BenchmarkLevel> BENCHMARKS = InputKind.file("benchmarks", "benchmarks.csv", OPTIONAL,
            new CsvFormat(List.of("index", "date"), List.of("close", "daily_return", "note")),
            new BenchmarkLevelValidator(), MarketTables.BENCHMARK_LEVEL, b -> b.index() + " " + b.date(),
            "index and date");

    public static final InputKind<BenchmarkAssignment> BENCHMARK_MAP = InputKind.file("benchmarkMap",
            "benchmark-map.csv", OPTIONAL,
            new CsvFormat(List.of("benchmark"), List.of("exchange", "board", "ticker", "note")),
            new BenchmarkMapValidator(), MarketTables.BENCHMARK_MAP,
            m -> m.ticker() != null ? "ticker " + m.ticker() : m.exchange() + " / " + m.board(), "exchange, board or ticker");

    public static final InputKind<Event> EVENTS = InputKind.file("events", "events.csv", OPTIONAL,
            new CsvFormat(List.of("ticker", "date", "kind"), List.of("description", "note")),
            new EventValidator(), MarketTables.LISTING_EVENT, e -> e.ticker() + " " + e.date() + " " + e.kind(),
            "ticker, date and kind");

    public static final InputKind<Lockup> LOCKUPS = InputKind.file("lockups", "lockups.csv", OPTIONAL,
            new CsvFormat(List.of("ticker", "months", "holders"), List.of("note")),
            new LockupValidator(), MarketTables.LOCKUP, l -> l.ticker() + " " + l.months() + " " + l.holders(),
            "ticker, months and holders");

    public static final InputKind<CohortMember> COHORTS = InputKind.file("cohorts", "cohorts.csv", OPTIONAL,
            new CsvFormat(List.of("cohort", "ticker"), List.of("note")),
            new CohortValidator(), MarketTables.COHORT_MEMBER, c -> c.cohort() + " " + c.ticker(), "cohort and ticker");

    /** The fee schedule: dated charges; two rows of one charge whose dates overlap are a conflict. */
    public static final InputKind<FeeRule> FEES = new InputKind<>("fees", "fees.csv", false, OPTIONAL,
            new CsvFormat(List.of("market", "side", "charge", "currency"),
                    List.of("rate", "minimum", "maximum", "rounding", "effective_from", "effective_to", "note")),
            new FeeValidator(), MarketTables.FEE_RULE.name(), FeeOverlapGuard::new,
            store -> store.writer(MarketTables.FEE_RULE));

    public static final InputKind<Allotment> ALLOTMENTS = InputKind.file("allotments", "allotments.csv", OPTIONAL,
            new CsvFormat(List.of("ticker"), List.of("application_lots", "applicants", "successful_applicants",
                    "success_rate", "lots_per_success", "subscription_multiple", "note")),
            new AllotmentValidator(), MarketTables.ALLOTMENT, a -> a.ticker() + " " + a.applicationLots(),
            "ticker and application size");

    /**
     * HK allotment results, every row of the basis of allotment (as fields or as written) and the
     * announcement's totals, which the rows must add up to ({@link AllotmentBasisGuard}).
     */
    public static final InputKind<AllotmentBasisRow> ALLOTMENT_BASIS = new InputKind<>("allotmentBasis",
            "allotment-basis.csv", false, OPTIONAL,
            new CsvFormat(List.of("ticker", "pool"), List.of("shares_applied", "valid_applications", "basis",
                    "guaranteed_shares", "winners", "out_of", "extra_shares", "successful_applicants", "shares_allotted",
                    "source", "note")),
            new AllotmentBasisValidator(), MarketTables.ALLOTMENT_BASIS.name(),
            store -> new AllotmentBasisGuard(() -> store.loadAll(MarketTables.ALLOTMENT_BASIS)),
            store -> store.writer(MarketTables.ALLOTMENT_BASIS));

    /** An offer's dates and terms: days tied up, the A-share cap, cornerstone lock-up and stabilization ends. */
    public static final InputKind<OfferFacts> OFFERS = InputKind.file("offers", "offers.csv", OPTIONAL,
            new CsvFormat(List.of("ticker"), List.of("application_close", "refund_date", "public_tranche_initial",
                    "public_tranche_final", "regime", "subscription_cap_shares", "market_value_required",
                    "cornerstone_shares", "cornerstone_lockup_end", "stabilization_end", "source", "note")),
            new OfferFactsValidator(), MarketTables.OFFER_FACTS, OfferFacts::ticker, "ticker");

    public static final InputKind<GreyMarketPrice> GREY_MARKET = InputKind.file("greyMarket", "grey-market.csv",
            OPTIONAL, new CsvFormat(List.of("ticker", "date", "broker"), List.of("open", "high", "low", "close", "note")),
            new GreyMarketValidator(), MarketTables.GREY_MARKET, g -> g.ticker() + " " + g.date() + " " + g.broker(),
            "ticker, date and broker");

    public static final List<InputKind<?>> ALL = List.of(LISTINGS, CALENDARS, PRICES, REVENUE, FX_RATES, REPORTED_CAPS,
            BENCHMARKS, BENCHMARK_MAP, EVENTS, LOCKUPS, COHORTS, FEES, ALLOTMENTS, ALLOTMENT_BASIS,
            OFFERS, GREY_MARKET);

    /**
     * The kinds loaded once the listings are loaded and their conflicts settled: every kind but
     * the listings, in the order of {@link #ALL}, since their rows are checked against the listings.
     */
    public static final List<InputKind<?>> AFTER_LISTINGS = ALL.stream().filter(kind -> kind != LISTINGS).toList();

    private InputKinds() {
    }

    /** The tables of loaded rows, in the reverse of load order: rows that refer to listings first. */
    public static List<String> tables() {
        List<String> tables = new ArrayList<>(ALL.stream().map(InputKind::table).toList());
        Collections.reverse(tables);
        return List.copyOf(tables);
    }
}
