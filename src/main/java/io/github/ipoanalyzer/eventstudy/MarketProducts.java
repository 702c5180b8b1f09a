package io.github.ipoanalyzer.eventstudy;

import io.github.ipoanalyzer.money.Rounding;

import java.math.BigDecimal;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * A benchmark's compounded factors {@code Π(1 + R_m)} from each first day, each step rounded
 * ({@link Rounding#compound}): for one listing, or shared by every listing of one calendar and
 * benchmark, from its listing day or a later day (the products are the same for each: a day
 * after a listing's first is close to close for all, and the listing day's own return is told
 * apart). Only the lengths asked for are kept: a longer one goes on from the nearest kept before
 * it, which gives the same product, each step rounding the one before. Safe for several threads.
 */
final class MarketProducts {

    private final Map<Long, NavigableMap<Integer, BigDecimal>> byFirstDay = new ConcurrentHashMap<>();

    /**
     * The product of the factors of the {@code days} calendar days from {@code first};
     * {@code listingDay}: whether {@code first} is the listing's own day (its return is the
     * benchmark's on that day alone); {@code factor}: 1 + the benchmark's return on a calendar day.
     */
    BigDecimal over(int first, boolean listingDay, int days, IntFunction<BigDecimal> factor) {
        NavigableMap<Integer, BigDecimal> kept = byFirstDay.computeIfAbsent(((long) first << 1) | (listingDay ? 1 : 0),
                k -> new TreeMap<>(Map.of(0, BigDecimal.ONE)));
        synchronized (kept) {
            Map.Entry<Integer, BigDecimal> from = kept.floorEntry(days);
            BigDecimal product = from.getValue();
            if (from.getKey() == days) {
                return product;
            }
            for (int i = from.getKey(); i < days; i++) {
                product = Rounding.compound(product, factor.apply(first + i));
            }
            kept.put(days, product);
            return product;
        }
    }
}
