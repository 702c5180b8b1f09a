package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.market.BenchmarkAssignment;
import io.github.ipoanalyzer.store.MarketDataStore;
import io.github.ipoanalyzer.store.MarketTables;

import java.util.List;

/** benchmark-map.csv: the default benchmark of an exchange (and board), or of one ticker. */
public class BenchmarkMapValidator extends RowValidator<BenchmarkAssignment> {

    public static final CsvFormat FORMAT = new CsvFormat(
            List.of("benchmark"),
            List.of("exchange", "board", "ticker", "note"));

    public BenchmarkMapValidator(MarketDataStore store) {
        super(store, MarketTables.BENCHMARK_MAP,
                m -> m.ticker() != null ? "ticker " + m.ticker() : m.exchange() + " / " + m.board(), "exchange, board or ticker");
    }

    @Override
    protected BenchmarkAssignment validate(RowValues v) {
        String ticker = v.optionalText("ticker");
        String exchange = v.optionalText("exchange");
        if (ticker == null && exchange == null) {
            throw v.reject("exchange", "no-target", "give an exchange (and board) or a ticker");
        }
        if (ticker != null) {
            ticker = listingOf(v).ticker();
        }
        return new BenchmarkAssignment(exchange, v.optionalText("board"), ticker, v.text("benchmark"));
    }
}
