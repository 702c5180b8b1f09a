package io.github.ipoanalyzer.ingest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One data source's export of daily prices, as {@link PriceSources} lists them: how its header
 * is recognised, which of its columns hold the project's columns, its dates, its units and how
 * it says that its prices are adjusted. A plain description: {@link SourceReading} reads a file of it.
 *
 * @param signature        normalised header names that must all be present
 * @param separator        the separator the export uses, or 0 for either comma or tab
 * @param titleLine        a title line the source writes above the header, which is required (TDX:
 *                         "688019 澜起科技 日线 不复权"), or null
 * @param tickerRowHeader  yfinance's three header rows: Price, Ticker, Date
 * @param tickerColumn     the column of codes, or null: from the file name (or title line, or Ticker row)
 * @param columns          project column to the source's candidate columns, the first present wins
 * @param dateForm         how its dates are written, for messages
 * @param aShareVolume     shares per unit of its volume for A-shares (手: 100)
 * @param hkVolume         shares per unit of its volume for HKEX listings
 * @param aShareTurnover   currency units per unit of its turnover for A-shares (千元: 1,000)
 * @param hkTurnover       currency units per unit of its turnover for HKEX listings
 * @param ignored          columns it always writes that no metric needs (percent columns among them)
 * @param footerPrefix     a line starting with this is the export's footer, not a row (or null)
 * @param unadjustedColumn a column whose presence shows that close is unadjusted (Yahoo's Adj Close), or null
 * @param adjustFlag       column and the value that means unadjusted (baostock adjustflag 3), or null
 * @param suspendedFlag    column and the value that marks a suspended day (baostock tradestatus 0), or null
 * @param priceDecimals    decimals prices are rounded to (half-even), for a source that writes binary
 *                         floating point (Yahoo: 156.8000030517578); null keeps them exactly as written
 */
public record PriceSource(String id, String title, List<String> signature, char separator, String titleLine,
                          boolean tickerRowHeader, String tickerColumn, Map<String, List<String>> columns,
                          String dateForm, BigDecimal aShareVolume, BigDecimal hkVolume, BigDecimal aShareTurnover,
                          BigDecimal hkTurnover, List<String> ignored, String footerPrefix, String unadjustedColumn,
                          Map.Entry<String, String> adjustFlag, Map.Entry<String, String> suspendedFlag,
                          Integer priceDecimals) implements Export {

    @Override
    public boolean recognises(List<String> header, char usedSeparator, List<String> linesAbove, List<String> linesBelow) {
        if (!header.containsAll(signature) || (separator != 0 && separator != usedSeparator)) {
            return false;
        }
        if (titleLine != null && linesAbove.isEmpty()) {
            return false;
        }
        return !tickerRowHeader || (!linesBelow.isEmpty() && linesBelow.get(0).toLowerCase(java.util.Locale.ROOT)
                .startsWith("ticker"));
    }

    @Override
    public java.util.Optional<String> lacking(List<String> header) {
        return titleLine == null || !header.containsAll(signature) ? java.util.Optional.empty()
                : java.util.Optional.of("has the columns of a " + title + " without the title line it writes above them "
                + "(such as '" + titleLine + "'): add that line back");
    }

    @Override
    public List<String> knownColumns() {
        return java.util.stream.Stream.of(signature.stream(), columns.values().stream().flatMap(List::stream),
                ignored.stream(), java.util.stream.Stream.ofNullable(tickerColumn)).flatMap(s -> s).distinct().toList();
    }

    @Override
    public int extraHeaderRows() {
        return tickerRowHeader ? 2 : 0;
    }

    @Override
    public Export.Translation open(String file, List<String> rawHeader, List<String> linesAbove,
                                   List<List<String>> extraHeaderRows, java.util.Collection<String> listed) {
        return SourceReading.open(this, file, rawHeader, linesAbove,
                extraHeaderRows.isEmpty() ? List.of() : extraHeaderRows.get(0), listed);
    }
}
