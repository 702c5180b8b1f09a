package io.github.ipoanalyzer.ingest;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** What an export's header, title line and file name say: whether its prices are adjusted, and its ticker. */
final class SourceHeader {

    record FileTicker(String ticker, String origin) {
    }

    private SourceHeader() {
    }

    /**
     * Adjusted prices make every return against the unadjusted offer price wrong: a TDX title
     * naming 前复权 or 后复权, or a Yahoo file without Adj Close (its Close is then the adjusted
     * one), refuses the whole file.
     */
    static void refuseAdjusted(String file, PriceSource source, List<String> rawHeader, List<String> linesAbove) {
        for (String line : linesAbove) {
            if (line.contains("前复权") || line.contains("后复权")) {
                throw new InputFileException(file + " holds " + (line.contains("前复权") ? "forward-adjusted (前复权)"
                        : "back-adjusted (后复权)") + " prices (its title: '" + line.trim() + "'): every return "
                        + "against the unadjusted offer price would be wrong. Export the prices 不复权 (unadjusted).");
            }
        }
        if (source.unadjustedColumn() != null
                && rawHeader.stream().map(SourceValues::name).noneMatch(source.unadjustedColumn()::equals)) {
            throw new InputFileException(file + " is a " + source.title() + " file without an Adj Close column: its "
                    + "Close is then adjusted for dividends and splits (yfinance's default, auto_adjust=True), and "
                    + "every return against the unadjusted offer price would be wrong. Download with "
                    + "auto_adjust=False, or give the file a ticker column to have it read as the project's own format.");
        }
    }

    /**
     * The ticker of a file without a ticker column: from yfinance's Ticker row, TDX's title line
     * or the file's name; two of them that disagree refuse the file.
     */
    static Optional<FileTicker> fileTicker(String file, PriceSource source, List<String> linesAbove, List<String> tickerRow,
                                           Collection<String> listed) {
        Optional<FileTicker> fromName = TickerSymbols.fromFileName(file, listed).map(t -> new FileTicker(t, "the file name"));
        Optional<FileTicker> fromInside = Optional.empty();
        if (!tickerRow.isEmpty()) {
            List<String> codes = tickerRow.subList(1, tickerRow.size()).stream().map(String::trim)
                    .filter(c -> !c.isEmpty()).distinct().toList();
            if (codes.size() > 1) {
                throw new InputFileException(file + " holds several tickers (" + String.join(", ", codes)
                        + "): download one ticker per file");
            }
            fromInside = codes.stream().findFirst().map(code -> new FileTicker(TickerSymbols.normalise(code)
                    .orElseThrow(() -> new InputFileException(file + ": its Ticker row names " + TickerSymbols.whyNot(code))),
                    "the Ticker row"));
        } else if (source.titleLine() != null && !linesAbove.isEmpty()) {
            String code = linesAbove.get(0).trim().split("\\s+")[0];
            fromInside = TickerSymbols.normalise(code).map(t -> new FileTicker(t, "the title line"));
        }
        if (fromInside.isPresent() && fromName.isPresent() && !fromInside.get().ticker().equals(fromName.get().ticker())) {
            throw new InputFileException(file + ": " + fromInside.get().origin() + " names " + fromInside.get().ticker()
                    + " but the file name names " + fromName.get().ticker() + ": which one the prices are of is unclear");
        }
        return fromInside.isPresent() ? fromInside : fromName;
    }
}
