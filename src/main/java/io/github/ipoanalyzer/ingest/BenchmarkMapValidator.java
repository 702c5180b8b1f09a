package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.market.BenchmarkAssignment;

/** benchmark-map.csv: the default benchmark of an exchange (and board), or of one ticker. */
public class BenchmarkMapValidator implements RowRule<BenchmarkAssignment> {

    @Override
    public BenchmarkAssignment apply(RowValues v, ListingLookup listings) {
        String ticker = v.optionalText("ticker");
        String exchange = v.optionalText("exchange");
        if (ticker == null && exchange == null) {
            throw v.reject("exchange", "no-target", "give an exchange (and board) or a ticker");
        }
        if (ticker != null) {
            ticker = listings.of(v).ticker();
        }
        return new BenchmarkAssignment(exchange, v.optionalText("board"), ticker, v.text("benchmark"));
    }
}
