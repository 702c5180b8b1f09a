package io.github.ipoanalyzer.store;

import io.github.ipoanalyzer.fees.FeeRounding;
import io.github.ipoanalyzer.fees.FeeRule;
import io.github.ipoanalyzer.fees.Side;
import io.github.ipoanalyzer.market.Allotment;
import io.github.ipoanalyzer.market.AllotmentBasisRow;
import io.github.ipoanalyzer.market.BenchmarkAssignment;
import io.github.ipoanalyzer.market.BenchmarkLevel;
import io.github.ipoanalyzer.market.CohortMember;
import io.github.ipoanalyzer.market.Event;
import io.github.ipoanalyzer.market.ExchangeHoliday;
import io.github.ipoanalyzer.market.GreyMarketPrice;
import io.github.ipoanalyzer.market.Lockup;
import io.github.ipoanalyzer.market.OfferFacts;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.market.ReportedCap;
import io.github.ipoanalyzer.market.RevenuePeriod;
import io.github.ipoanalyzer.money.FxRate;
import io.github.ipoanalyzer.money.Money;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Arrays;
import java.util.List;

/**
 * The analysis tables, one {@link Table} per input kind (see db/analysis-schema.sql); which
 * kinds there are, and so which tables hold loaded rows, the input-kind table says.
 */
public final class MarketTables {

    public static final Table<Listing> LISTING = new Table<>("LISTING", "LISTING_DATE, TICKER",
            List.of("TICKER", "NAME_EN", "NAME_LOCAL", "EXCHANGE", "BOARD", "CURRENCY", "LISTING_DATE", "OFFER_PRICE",
                    "LOT_SHARES", "SHARES_OFFERED", "TOTAL_SHARES", "GROSS_PROCEEDS", "NOTE", "OFFER_PRICE_MAX",
                    "FLOAT_SHARES"),
            l -> Arrays.asList(l.ticker(), l.nameEn(), l.nameLocal(), l.exchange(), l.board(),
                    l.currency().getCurrencyCode(), l.listingDate(), l.offerPrice(), l.lotShares(), l.sharesOffered(),
                    l.totalShares(), l.grossProceedsStated(), l.note(), l.offerPriceMax(), l.floatShares()),
            rs -> new Listing(rs.getString("TICKER"), rs.getString("NAME_EN"), rs.getString("NAME_LOCAL"),
                    rs.getString("EXCHANGE"), rs.getString("BOARD"), Currency.getInstance(rs.getString("CURRENCY")),
                    date(rs, "LISTING_DATE"), decimal(rs, "OFFER_PRICE"), rs.getLong("LOT_SHARES"),
                    rs.getLong("SHARES_OFFERED"), nullableLong(rs, "TOTAL_SHARES"), decimal(rs, "GROSS_PROCEEDS"),
                    rs.getString("NOTE"), decimal(rs, "OFFER_PRICE_MAX"), nullableLong(rs, "FLOAT_SHARES")));

    public static final Table<RevenuePeriod> REVENUE = new Table<>("REVENUE", "TICKER, PERIOD_END, PERIOD",
            List.of("TICKER", "PERIOD", "PERIOD_START", "PERIOD_END", "REVENUE", "CURRENCY", "NOTE"),
            r -> Arrays.asList(r.ticker(), r.period(), r.start(), r.end(), r.amount(),
                    r.currency().getCurrencyCode(), r.note()),
            rs -> new RevenuePeriod(rs.getString("TICKER"), rs.getString("PERIOD"), date(rs, "PERIOD_START"),
                    date(rs, "PERIOD_END"), decimal(rs, "REVENUE"), Currency.getInstance(rs.getString("CURRENCY")),
                    rs.getString("NOTE")));

    public static final Table<FxRate> FX_RATE = new Table<>("FX_RATE", "CURRENCY, RATE_DATE",
            List.of("RATE_DATE", "CURRENCY", "CNY_PER_UNIT"),
            f -> Arrays.asList(f.date(), f.currency().getCurrencyCode(), f.cnyPerUnit()),
            rs -> new FxRate(date(rs, "RATE_DATE"), Currency.getInstance(rs.getString("CURRENCY")),
                    decimal(rs, "CNY_PER_UNIT")));

    public static final Table<ReportedCap> REPORTED_CAP = new Table<>("REPORTED_CAP", "TICKER, CAP_DATE",
            List.of("TICKER", "CAP_DATE", "REPORTED_CAP", "CURRENCY", "NOTE"),
            c -> Arrays.asList(c.ticker(), c.date(), c.cap().amount(), c.cap().currency().getCurrencyCode(), c.note()),
            rs -> new ReportedCap(rs.getString("TICKER"), date(rs, "CAP_DATE"),
                    new Money(decimal(rs, "REPORTED_CAP"), Currency.getInstance(rs.getString("CURRENCY"))),
                    rs.getString("NOTE")));

    public static final Table<BenchmarkLevel> BENCHMARK_LEVEL = new Table<>("BENCHMARK_LEVEL",
            "BENCHMARK_INDEX, LEVEL_DATE", List.of("BENCHMARK_INDEX", "LEVEL_DATE", "CLOSE_LEVEL", "DAILY_RETURN"),
            b -> Arrays.asList(b.index(), b.date(), b.close(), b.dailyReturn()),
            rs -> new BenchmarkLevel(rs.getString("BENCHMARK_INDEX"), date(rs, "LEVEL_DATE"), decimal(rs, "CLOSE_LEVEL"),
                    decimal(rs, "DAILY_RETURN")));

    public static final Table<BenchmarkAssignment> BENCHMARK_MAP = new Table<>("BENCHMARK_MAP", "SOURCE_LINE",
            List.of("EXCHANGE", "BOARD", "TICKER", "BENCHMARK_INDEX"),
            m -> Arrays.asList(m.exchange(), m.board(), m.ticker(), m.benchmark()),
            rs -> new BenchmarkAssignment(rs.getString("EXCHANGE"), rs.getString("BOARD"), rs.getString("TICKER"),
                    rs.getString("BENCHMARK_INDEX")));

    public static final Table<Event> LISTING_EVENT = new Table<>("LISTING_EVENT", "TICKER, EVENT_DATE, KIND",
            List.of("TICKER", "EVENT_DATE", "KIND", "DESCRIPTION", "NOTE"),
            e -> Arrays.asList(e.ticker(), e.date(), e.kind(), e.description(), e.note()),
            rs -> new Event(rs.getString("TICKER"), date(rs, "EVENT_DATE"), null, rs.getString("KIND"),
                    rs.getString("DESCRIPTION"), "input", rs.getString("NOTE")));

    public static final Table<Lockup> LOCKUP = new Table<>("LOCKUP", "TICKER, MONTHS, HOLDERS",
            List.of("TICKER", "MONTHS", "HOLDERS"), l -> Arrays.asList(l.ticker(), l.months(), l.holders()),
            rs -> new Lockup(rs.getString("TICKER"), rs.getInt("MONTHS"), rs.getString("HOLDERS")));

    public static final Table<FeeRule> FEE_RULE = new Table<>("FEE_RULE", "SOURCE_FILE, SOURCE_LINE",
            List.of("MARKET", "SIDE", "CHARGE", "RATE", "MINIMUM", "MAXIMUM", "ROUNDING", "EFFECTIVE_FROM", "EFFECTIVE_TO",
                    "CURRENCY", "NOTE"),
            f -> Arrays.asList(f.market(), f.side().label(), f.charge(), f.rate(), Money.amountOf(f.minimum()),
                    Money.amountOf(f.maximum()), f.rounding().label(), f.effectiveFrom(), f.effectiveTo(), f.currency().getCurrencyCode(), f.note()),
            rs -> new FeeRule(rs.getString("MARKET"), Side.of(rs.getString("SIDE")).orElseThrow(), rs.getString("CHARGE"),
                    decimal(rs, "RATE"), money(rs, "MINIMUM", "CURRENCY"), money(rs, "MAXIMUM", "CURRENCY"),
                    FeeRounding.of(rs.getString("ROUNDING")).orElseThrow(), date(rs, "EFFECTIVE_FROM"),
                    date(rs, "EFFECTIVE_TO"), Currency.getInstance(rs.getString("CURRENCY")), rs.getString("NOTE")));

    public static final Table<Allotment> ALLOTMENT = new Table<>("ALLOTMENT", "TICKER, APPLICATION_LOTS",
            List.of("TICKER", "APPLICATION_LOTS", "APPLICANTS", "SUCCESSFUL_APPLICANTS", "SUCCESS_RATE", "LOTS_PER_SUCCESS",
                    "SUBSCRIPTION_MULTIPLE", "NOTE"),
            a -> Arrays.asList(a.ticker(), a.applicationLots(), a.applicants(), a.successfulApplicants(), a.successRate(),
                    a.lotsPerSuccess(), a.subscriptionMultiple(), a.note()),
            rs -> new Allotment(rs.getString("TICKER"), rs.getLong("APPLICATION_LOTS"), nullableLong(rs, "APPLICANTS"),
                    nullableLong(rs, "SUCCESSFUL_APPLICANTS"), decimal(rs, "SUCCESS_RATE"), nullableLong(rs, "LOTS_PER_SUCCESS"),
                    decimal(rs, "SUBSCRIPTION_MULTIPLE"), rs.getString("NOTE")));

    /** Ordered as the announcement prints it: the file's own order (totals after the rows they total). */
    public static final Table<AllotmentBasisRow> ALLOTMENT_BASIS = new Table<>("ALLOTMENT_BASIS",
            "SOURCE_FILE, SOURCE_LINE",
            List.of("TICKER", "POOL", "SHARES_APPLIED", "VALID_APPLICATIONS", "GUARANTEED_SHARES", "WINNERS", "OUT_OF",
                    "EXTRA_SHARES", "SUCCESSFUL_APPLICANTS", "SHARES_ALLOTTED", "BASIS", "SOURCE", "NOTE"),
            b -> Arrays.asList(b.ticker(), b.pool(), b.sharesApplied(), b.validApplications(), b.guaranteedShares(),
                    b.winners(), b.outOf(), b.extraShares(), b.successfulApplicants(), b.sharesAllotted(), b.basis(),
                    b.source(), b.note()),
            rs -> new AllotmentBasisRow(rs.getString("TICKER"), rs.getString("POOL"), nullableLong(rs, "SHARES_APPLIED"),
                    nullableLong(rs, "VALID_APPLICATIONS"), rs.getLong("GUARANTEED_SHARES"), rs.getLong("WINNERS"),
                    rs.getLong("OUT_OF"), rs.getLong("EXTRA_SHARES"), nullableLong(rs, "SUCCESSFUL_APPLICANTS"),
                    nullableLong(rs, "SHARES_ALLOTTED"), rs.getString("BASIS"), rs.getString("SOURCE"),
                    rs.getString("NOTE")));

    public static final Table<OfferFacts> OFFER_FACTS = new Table<>("OFFER_FACTS", "TICKER",
            List.of("TICKER", "APPLICATION_CLOSE", "REFUND_DATE", "PUBLIC_TRANCHE_INITIAL", "PUBLIC_TRANCHE_FINAL", "REGIME",
                    "SUBSCRIPTION_CAP_SHARES", "MARKET_VALUE_REQUIRED", "CORNERSTONE_SHARES", "CORNERSTONE_LOCKUP_END",
                    "STABILIZATION_END", "SOURCE", "NOTE"),
            o -> Arrays.asList(o.ticker(), o.applicationClose(), o.refundDate(), o.publicTrancheInitial(),
                    o.publicTrancheFinal(), o.regime(), o.subscriptionCapShares(), o.marketValueRequired(),
                    o.cornerstoneShares(), o.cornerstoneLockupEnd(), o.stabilizationEnd(), o.source(), o.note()),
            rs -> new OfferFacts(rs.getString("TICKER"), date(rs, "APPLICATION_CLOSE"), date(rs, "REFUND_DATE"),
                    nullableLong(rs, "PUBLIC_TRANCHE_INITIAL"), nullableLong(rs, "PUBLIC_TRANCHE_FINAL"),
                    rs.getString("REGIME"), nullableLong(rs, "SUBSCRIPTION_CAP_SHARES"), decimal(rs, "MARKET_VALUE_REQUIRED"),
                    nullableLong(rs, "CORNERSTONE_SHARES"), date(rs, "CORNERSTONE_LOCKUP_END"),
                    date(rs, "STABILIZATION_END"), rs.getString("SOURCE"), rs.getString("NOTE")));

    public static final Table<GreyMarketPrice> GREY_MARKET = new Table<>("GREY_MARKET", "TICKER, PRICE_DATE, BROKER",
            List.of("TICKER", "PRICE_DATE", "BROKER", "OPEN_PRICE", "HIGH_PRICE", "LOW_PRICE", "CLOSE_PRICE"),
            g -> Arrays.asList(g.ticker(), g.date(), g.broker(), g.open(), g.high(), g.low(), g.close()),
            rs -> new GreyMarketPrice(rs.getString("TICKER"), date(rs, "PRICE_DATE"), rs.getString("BROKER"),
                    decimal(rs, "OPEN_PRICE"), decimal(rs, "HIGH_PRICE"), decimal(rs, "LOW_PRICE"), decimal(rs, "CLOSE_PRICE")));

    public static final Table<ExchangeHoliday> EXCHANGE_HOLIDAY = new Table<>("EXCHANGE_HOLIDAY", "EXCHANGE, HOLIDAY",
            List.of("EXCHANGE", "HOLIDAY", "NOTE"), h -> Arrays.asList(h.exchange(), h.date(), h.note()),
            rs -> new ExchangeHoliday(rs.getString("EXCHANGE"), date(rs, "HOLIDAY"), rs.getString("NOTE")));

    public static final Table<CohortMember> COHORT_MEMBER = new Table<>("COHORT_MEMBER", "COHORT, TICKER",
            List.of("COHORT", "TICKER"), c -> Arrays.asList(c.cohort(), c.ticker()),
            rs -> new CohortMember(rs.getString("COHORT"), rs.getString("TICKER")));

    /** How many loaded rows a set of a table's rows holds: a price block holds many. */
    public static String rowCount(String table) {
        return table.equals(PriceStore.TABLE) ? "SUM(ROW_COUNT)" : "COUNT(*)";
    }

    /** How many of a table's rows to delete at once to remove about {@code rows} loaded rows. */
    static int deleteLimit(String table, int rows, int rowsPerBlock) {
        return table.equals(PriceStore.TABLE) ? Math.max(1, rows / rowsPerBlock) : rows;
    }

    private MarketTables() {
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    /** Trailing zeros of the column scale are dropped so that values compare as they were written. */
    private static BigDecimal decimal(ResultSet rs, String column) throws SQLException {
        BigDecimal d = rs.getBigDecimal(column);
        return d == null ? null : d.stripTrailingZeros();
    }

    /** An optional amount in the currency of the row's {@code currencyColumn}. */
    private static Money money(ResultSet rs, String column, String currencyColumn) throws SQLException {
        BigDecimal amount = decimal(rs, column);
        return amount == null ? null : new Money(amount, Currency.getInstance(rs.getString(currencyColumn)));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
