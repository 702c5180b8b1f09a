package io.github.ipoanalyzer.ingest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * An IPO list as a data source exports it (Tushare {@code new_share}, AKShare
 * {@code stock_xgsglb_em} and {@code stock_ipo_ths}), read as listings.csv. Such a list has what an A-share listing needs
 * but its lot and its total shares after listing: the lot is the board's convention, and said;
 * total shares stay unknown, so no market value. Nothing is invented.
 *
 * @param columns       listings.csv column to the list's candidate columns, the first present wins
 * @param sharesUnit    shares per unit of its shares-offered column (Tushare: 万股, 10,000)
 * @param proceedsUnit  currency units per unit of its proceeds column (Tushare: 亿元), or null when it has none
 */
public record IpoListSource(String title, List<String> signature, Map<String, List<String>> columns, String dateForm,
                            BigDecimal sharesUnit, BigDecimal proceedsUnit) implements Export {

    public static final IpoListSource TUSHARE = new IpoListSource("Tushare pro new_share",
            List.of("ts_code", "sub_code", "issue_date", "price", "amount"),
            Map.of("ticker", List.of("ts_code"), "name_local", List.of("name"), "listing_date", List.of("issue_date"),
                    "offer_price", List.of("price"), "shares_offered", List.of("amount"), "gross_proceeds", List.of("funds")),
            "YYYYMMDD", HeaderUnits.factor("万股"), HeaderUnits.factor("亿元"));

    /**
     * AKShare's Eastmoney list documents 发行总数 in shares (注意单位: 股); its 同花顺 list writes the
     * headers of the 同花顺 page, which name their units (发行总数(万股)), and a named unit overrides.
     */
    public static final IpoListSource AKSHARE = new IpoListSource("AKShare stock_xgsglb_em / stock_ipo_ths",
            List.of("股票代码", "股票简称", "申购代码", "发行总数", "发行价格", "上市日期"),
            Map.of("ticker", List.of("股票代码"), "name_local", List.of("股票简称"), "listing_date", List.of("上市日期"),
                    "offer_price", List.of("发行价格"), "shares_offered", List.of("发行总数")),
            "YYYY-MM-DD", HeaderUnits.factor("股"), null);

    public static final List<IpoListSource> ALL = List.of(TUSHARE, AKSHARE);

    @Override
    public boolean recognises(List<String> header, char separator, List<String> linesAbove, List<String> linesBelow) {
        return header.containsAll(signature);
    }

    @Override
    public List<String> knownColumns() {
        return java.util.stream.Stream.concat(signature.stream(), columns.values().stream().flatMap(List::stream))
                .distinct().toList();
    }

    @Override
    public Export.Translation open(String file, List<String> rawHeader, List<String> linesAbove,
                                   List<List<String>> extraHeaderRows, java.util.Collection<String> listed) {
        return new IpoListReading(this, file, rawHeader);
    }
}
