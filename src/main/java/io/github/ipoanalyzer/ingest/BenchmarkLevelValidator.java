package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.market.BenchmarkLevel;

import java.math.BigDecimal;

/** benchmarks.csv: index levels by date, and/or a stated one-day return where no level is public. */
public class BenchmarkLevelValidator implements RowRule<BenchmarkLevel> {

    @Override
    public BenchmarkLevel apply(RowValues v, ListingLookup listings) {
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
