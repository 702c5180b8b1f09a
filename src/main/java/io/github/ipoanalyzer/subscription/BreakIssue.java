package io.github.ipoanalyzer.subscription;

import io.github.ipoanalyzer.money.Rounding;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Break-issue rates (破发率): the share of listings whose first open, first close or latest close
 * is below the offer price, per group (every listing; each exchange, board, listing year,
 * subscription-multiple band and named cohort), each with its n (the listings with that price).
 * Below {@link #MIN_N} a rate is marked "n < 5", never a headline.
 */
public final class BreakIssue {

    /** The fewest listings whose rate is a headline (subscription.md). */
    public static final int MIN_N = 5;
    public static final List<String> PRICES = List.of("first open", "first close", "latest close");

    /** What a listing gives the rates: where it belongs, its offer price and the three prices (each null where unknown). */
    public record Outcome(String ticker, String exchange, String board, int year, BigDecimal subscriptionMultiple,
                          BigDecimal offer, BigDecimal firstOpen, BigDecimal firstClose, BigDecimal latestClose) {

        BigDecimal at(String price) {
            return switch (price) {
                case "first open" -> firstOpen;
                case "first close" -> firstClose;
                default -> latestClose;
            };
        }
    }

    public record Rate(String dimension, String group, String price, int n, int broke, BigDecimal rate, String note) {
    }

    private BreakIssue() {
    }

    /** The band of a subscription multiple: below 15×, 15–100×, 100–1,000×, 1,000× and above; null where unknown. */
    public static String band(BigDecimal multiple) {
        if (multiple == null) {
            return null;
        }
        if (multiple.compareTo(BigDecimal.valueOf(15)) < 0) {
            return "below 15x";
        }
        if (multiple.compareTo(BigDecimal.valueOf(100)) < 0) {
            return "15-100x";
        }
        return multiple.compareTo(BigDecimal.valueOf(1000)) < 0 ? "100-1,000x" : "1,000x and above";
    }

    /** {@code cohorts}: named cohorts and their tickers. */
    public static List<Rate> rates(List<Outcome> outcomes, Map<String, List<String>> cohorts) {
        Map<String, Function<Outcome, String>> dimensions = new LinkedHashMap<>();
        dimensions.put("all", o -> "every listing");
        dimensions.put("exchange", Outcome::exchange);
        dimensions.put("board", o -> o.board() == null ? null : o.exchange() + " " + o.board());
        dimensions.put("year", o -> String.valueOf(o.year()));
        dimensions.put("subscription multiple", o -> band(o.subscriptionMultiple()));
        List<Rate> rates = new ArrayList<>();
        dimensions.forEach((dimension, groupOf) -> {
            Map<String, List<Outcome>> groups = new TreeMap<>();
            outcomes.forEach(o -> {
                String group = groupOf.apply(o);
                if (group != null) {
                    groups.computeIfAbsent(group, g -> new ArrayList<>()).add(o);
                }
            });
            groups.forEach((group, members) -> add(rates, dimension, group, members));
        });
        cohorts.forEach((cohort, tickers) -> add(rates, "cohort", cohort,
                outcomes.stream().filter(o -> tickers.contains(o.ticker())).toList()));
        return rates;
    }

    private static void add(List<Rate> rates, String dimension, String group, List<Outcome> members) {
        for (String price : PRICES) {
            List<Outcome> known = members.stream().filter(o -> o.at(price) != null && o.offer() != null).toList();
            int broke = (int) known.stream().filter(o -> o.at(price).compareTo(o.offer()) < 0).count();
            BigDecimal rate = known.isEmpty() ? null
                    : Rounding.divide(BigDecimal.valueOf(broke), BigDecimal.valueOf(known.size()));
            rates.add(new Rate(dimension, group, price, known.size(), broke, rate,
                    known.size() < MIN_N ? "n < " + MIN_N : null));
        }
    }
}
