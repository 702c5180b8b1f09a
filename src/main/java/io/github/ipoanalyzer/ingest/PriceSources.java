package io.github.ipoanalyzer.ingest;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The price exports read as they come, beside the project's own format, in the order their
 * headers are tried. Adding a source is one entry here (and a sample in the README). The units
 * are the sources' documented ones; a unit written in the header, as in {@code 成交量(股)},
 * overrides them.
 */
public final class PriceSources {


    public static final PriceSource TUSHARE = source("tushare", "Tushare pro daily / hk_daily")
            .signature("ts_code", "trade_date").tickerColumn("ts_code").date("trade_date", "YYYYMMDD")
            .column("volume", "vol").column("turnover", "amount")
            .units("手", "股", "千元", "元").ignored("pre_close", "change", "pct_chg").build();

    public static final PriceSource BAOSTOCK = source("baostock", "baostock query_history_k_data_plus")
            .signature("date", "code").tickerColumn("code").date("date", "YYYY-MM-DD")
            .column("volume", "volume").column("turnover", "amount")
            .ignored("preclose", "turn", "pctchg", "isst", "pettm", "pbmrq", "psttm", "pcfncfttm", "adjustflag",
                    "tradestatus")
            .adjustFlag("adjustflag", "3").suspendedFlag("tradestatus", "0").build();

    public static final PriceSource YFINANCE = source("yfinance", "yfinance download (Price / Ticker / Date header rows)")
            .signature("price", "close").tickerRowHeader().date("price", "YYYY-MM-DD")
            .column("volume", "volume").unadjustedColumn("adj close").ignored("adj close")
            .floatingPoint().build();

    public static final PriceSource TDX = source("tdx", "通达信 (TDX) export")
            .signature("日期", "开盘", "最高", "最低", "收盘").titleLine("688802 沐曦股份 日线 不复权").date("日期", "YYYY/MM/DD")
            .open("开盘").high("最高").low("最低").close("收盘").column("volume", "成交量").column("turnover", "成交额")
            .footer("数据来源").build();

    public static final PriceSource AKSHARE = source("akshare", "AKShare stock_zh_a_hist / stock_hk_hist")
            .signature("日期", "开盘", "收盘", "最高", "最低", "成交量", "成交额", "涨跌额").separator(',')
            .tickerColumn("股票代码").date("日期", "YYYY-MM-DD")
            .open("开盘").high("最高").low("最低").close("收盘").column("volume", "成交量").column("turnover", "成交额")
            .units("手", "股", "元", "元").ignored("振幅", "涨跌幅", "涨跌额", "换手率", "").build();

    public static final PriceSource CLIENT_EXPORT = source("client", "同花顺 / 东方财富 client export")
            .signature("开盘", "最高", "最低", "收盘").separator('\t').date("时间", "YYYY-MM-DD").date("日期", "YYYY-MM-DD")
            .open("开盘").high("最高").low("最低").close("收盘").column("volume", "总手", "成交量")
            .column("turnover", "金额", "成交额", "成交金额").units("手", "股", "元", "元")
            .ignored("涨幅", "振幅", "换手%", "换手率", "涨跌", "涨跌幅", "成交次数", "量比").build();

    public static final PriceSource YAHOO = source("yahoo", "Yahoo Finance download")
            .signature("date", "open", "high", "low", "close", "volume").date("date", "YYYY-MM-DD")
            .column("volume", "volume").unadjustedColumn("adj close").ignored("adj close")
            .floatingPoint().build();

    public static final List<PriceSource> ALL = List.of(TUSHARE, BAOSTOCK, YFINANCE, TDX, AKSHARE, CLIENT_EXPORT, YAHOO);

    private PriceSources() {
    }

    private static Builder source(String id, String title) {
        return new Builder(id, title);
    }

    private static final class Builder {
        private final String id;
        private final String title;
        private List<String> signature = List.of();
        private char separator;
        private String titleLine;
        private boolean tickerRowHeader;
        private String tickerColumn;
        private final Map<String, List<String>> columns = new LinkedHashMap<>();
        private String dateForm;
        private BigDecimal[] units = {BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE};
        private List<String> ignored = List.of();
        private String footer;
        private String unadjustedColumn;
        private Map.Entry<String, String> adjustFlag;
        private Map.Entry<String, String> suspendedFlag;
        private Integer priceDecimals;

        Builder(String id, String title) {
            this.id = id;
            this.title = title;
            columns.put("date", List.of());
            for (String price : List.of("open", "high", "low", "close")) {
                columns.put(price, List.of(price));
            }
        }

        Builder signature(String... names) {
            signature = List.of(names);
            return this;
        }

        Builder separator(char c) {
            separator = c;
            return this;
        }

        /** A title line is required above the header; {@code sample}, one as the source writes it, for messages. */
        Builder titleLine(String sample) {
            titleLine = sample;
            return this;
        }

        Builder tickerRowHeader() {
            tickerRowHeader = true;
            return this;
        }

        Builder tickerColumn(String name) {
            tickerColumn = name;
            return this;
        }

        /** Each call adds a candidate date column; the first form is the one messages name. */
        Builder date(String name, String form) {
            columns.merge("date", List.of(name), (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
            dateForm = dateForm == null ? form : dateForm;
            return this;
        }

        Builder column(String project, String... names) {
            columns.put(project, List.of(names));
            return this;
        }

        Builder open(String name) {
            return column("open", name);
        }

        Builder high(String name) {
            return column("high", name);
        }

        Builder low(String name) {
            return column("low", name);
        }

        Builder close(String name) {
            return column("close", name);
        }

        /** The units the source documents, by name in {@link HeaderUnits}; unset, shares and whole currency units. */
        Builder units(String aShareVolume, String hkVolume, String aShareTurnover, String hkTurnover) {
            units = java.util.stream.Stream.of(aShareVolume, hkVolume, aShareTurnover, hkTurnover).map(HeaderUnits::factor)
                    .toArray(BigDecimal[]::new);
            return this;
        }

        Builder ignored(String... names) {
            ignored = List.of(names);
            return this;
        }

        Builder footer(String prefix) {
            footer = prefix;
            return this;
        }

        Builder unadjustedColumn(String name) {
            unadjustedColumn = name;
            return this;
        }

        Builder adjustFlag(String column, String unadjusted) {
            adjustFlag = Map.entry(column, unadjusted);
            return this;
        }

        Builder suspendedFlag(String column, String suspended) {
            suspendedFlag = Map.entry(column, suspended);
            return this;
        }

        /** Binary floating point: rounded to 3 decimals, the finest tick of SSE, SZSE, BSE and HKEX prices. */
        Builder floatingPoint() {
            priceDecimals = 3;
            return this;
        }

        PriceSource build() {
            return new PriceSource(id, title, signature, separator, titleLine, tickerRowHeader, tickerColumn,
                    java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns)), dateForm, units[0], units[1], units[2], units[3], ignored, footer,
                    unadjustedColumn, adjustFlag, suspendedFlag, priceDecimals);
        }
    }
}
