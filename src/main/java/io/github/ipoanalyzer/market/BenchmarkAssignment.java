package io.github.ipoanalyzer.market;

import io.github.ipoanalyzer.market.Listing;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which benchmark a listing is measured against: a row for its ticker overrides a row for its
 * exchange and board, which overrides a row for its exchange (any board).
 */
public record BenchmarkAssignment(String exchange, String board, String ticker, String benchmark) {

    public static Optional<String> benchmarkOf(Listing listing, List<BenchmarkAssignment> assignments) {
        return assignments.stream().filter(a -> a.appliesTo(listing))
                .min(Comparator.comparingInt(BenchmarkAssignment::precedence)).map(BenchmarkAssignment::benchmark);
    }

    private boolean appliesTo(Listing l) {
        if (ticker != null) {
            return ticker.equals(l.ticker());
        }
        return exchange.equals(l.exchange()) && (board == null || board.equals(l.board()));
    }

    private int precedence() {
        return ticker != null ? 0 : board != null ? 1 : 2;
    }
}
