package io.github.ipoanalyzer.eventstudy;

import io.github.ipoanalyzer.money.Rounding;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each day's factor is compounded once per first day, whichever listing asks first and however far. */
class MarketProductsTest {

    @Test
    void aLongerHorizonGoesOnFromTheKeptOneAndAnotherListingAsksNoFactorAgain() {
        List<Integer> asked = new ArrayList<>();
        // Day k's factor 1 + k / 7: products that round at 34 digits from the third day on.
        IntFunction<BigDecimal> factor = k -> {
            asked.add(k);
            return BigDecimal.ONE.add(Rounding.divide(BigDecimal.valueOf(k), BigDecimal.valueOf(7)));
        };
        MarketProducts products = new MarketProducts();

        BigDecimal five = products.over(10, true, 5, factor);
        BigDecimal twenty = products.over(10, true, 20, factor);
        assertEquals(java.util.stream.IntStream.range(10, 30).boxed().toList(), asked, "days 10 … 29, each once");
        assertEquals(byHand(10, 5), five);
        assertEquals(byHand(10, 20), twenty);

        asked.clear();
        assertEquals(twenty, products.over(10, true, 20, factor), "another listing of that first day");
        assertEquals(byHand(10, 12), products.over(10, true, 12, factor), "a shorter horizon from the nearest kept");
        assertEquals(java.util.stream.IntStream.range(15, 22).boxed().toList(), asked);
        asked.clear();
        // The same day as a later day of an earlier listing: its own products.
        assertEquals(byHand(10, 5), products.over(10, false, 5, factor));
        assertEquals(List.of(10, 11, 12, 13, 14), asked);
    }

    private static BigDecimal byHand(int first, int days) {
        BigDecimal product = BigDecimal.ONE;
        for (int k = first; k < first + days; k++) {
            product = Rounding.compound(product, BigDecimal.ONE.add(Rounding.divide(BigDecimal.valueOf(k), BigDecimal.valueOf(7))));
        }
        return product;
    }
}
