package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.market.BenchmarkLevel;
import io.github.ipoanalyzer.store.MarketDataStore;
import io.github.ipoanalyzer.store.MarketTables;

import java.math.BigDecimal;
import java.util.List;

/** benchmarks.csv: index levels by date, and/or a stated one-day return where no level is public. */
public class BenchmarkLevelValidator extends RowValidator<BenchmarkLevel> {

    public static final CsvFormat FORMAT = new CsvFormat(
            List.of("index", "date"),
            List.of("close", "daily_return", "note"));

    public BenchmarkLevelValidator(MarketDataStore store) {
        super(store, MarketTables.BENCHMARK_LEVEL, b -> b.index() + " " + b.date(), "index and date");
    }

    @Override
    protected BenchmarkLevel validate(RowValues v) {
        BenchmarkLevel b = new BenchmarkLevel(v.text("index"), v.date("date"), v.optionalPositiveDecimal("close"),
                v.optionalDecimal("daily_return"));
        if (b.close() == null && b.dailyReturn() == null) {
            throw v.reject("close", "no-level", "neither close nor daily_return is given");
        }
        if (b.dailyReturn() != null && b.dailyReturn().compareTo(BigDecimal.ONE.negate()) <= 0) {
            throw v.reject("daily_return", "return-range", "daily_return is a fraction above -1 (0.025 is +2.5%)");
        }
        return b;
    }
}
