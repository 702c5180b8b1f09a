package io.github.ipoanalyzer.money;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FxRatesTest {

    private static final Currency HKD = Currency.getInstance("HKD");
    private final FxRates rates = new FxRates(List.of(
            new FxRate(LocalDate.of(2026, 1, 8), HKD, new BigDecimal("0.8957")),
            new FxRate(LocalDate.of(2026, 1, 27), HKD, new BigDecimal("0.89592"))));

    @Test
    void usesTheRateOfTheSameDateElseTheLatestEarlierOneNeverALaterOne() {
        assertEquals(new BigDecimal("0.8957"), rates.asOf(HKD, LocalDate.of(2026, 1, 8)).orElseThrow().cnyPerUnit());
        assertEquals(new BigDecimal("0.8957"), rates.asOf(HKD, LocalDate.of(2026, 1, 26)).orElseThrow().cnyPerUnit());
        assertEquals(new BigDecimal("0.89592"), rates.asOf(HKD, LocalDate.of(2026, 3, 1)).orElseThrow().cnyPerUnit());
        assertTrue(rates.asOf(HKD, LocalDate.of(2026, 1, 2)).isEmpty());
    }

    @Test
    void convertsWithTheRateAndKeepsItsDate() {
        // 1,220 HKD × 0.8957 = 1,092.754 CNY
        FxRates.Conversion c = rates.toCny(Money.of("1220", "HKD"), LocalDate.of(2026, 1, 9)).orElseThrow();
        assertEquals(new BigDecimal("1092.75"), Rounding.money(c.converted()));
        assertEquals(FxRates.CNY, c.converted().currency());
        assertEquals(LocalDate.of(2026, 1, 8), c.rateDate());
    }

    @Test
    void cnyNeedsNoRate() {
        FxRates.Conversion c = rates.toCny(Money.of("5", "CNY"), LocalDate.of(2000, 1, 1)).orElseThrow();
        assertEquals(BigDecimal.ONE, c.rate());
        assertNull(c.rateDate());
    }

    @Test
    void convertsOutOfCnyAtTheInverseRateAndBetweenTwoCurrenciesThroughCny() {
        // 1,092.754 CNY at 0.8957 CNY per HKD is 1,092.754 / 0.8957 = 1,220 HKD exactly.
        FxRates.Conversion back = rates.convert(Money.of("1092.754", "CNY"), HKD, LocalDate.of(2026, 1, 9)).orElseThrow();
        assertEquals(0, new BigDecimal("1220").compareTo(back.converted().amount()));
        assertEquals(HKD, back.converted().currency());
        assertEquals(LocalDate.of(2026, 1, 8), back.rateDate());
        // 1 / 0.8957 = 1.116445238361058…
        assertEquals(new BigDecimal("1.116445"), Rounding.fraction(back.rate()));

        Currency usd = Currency.getInstance("USD");
        FxRates withUsd = new FxRates(List.of(new FxRate(LocalDate.of(2026, 1, 8), HKD, new BigDecimal("0.8957")),
                new FxRate(LocalDate.of(2026, 1, 5), usd, new BigDecimal("7.0245"))));
        FxRates.Conversion cross = withUsd.convert(Money.of("100", "USD"), HKD, LocalDate.of(2026, 1, 9)).orElseThrow();
        // 100 × 7.0245 = 702.45 CNY; / 0.8957 = 784.2469… HKD; dated as the older rate.
        assertEquals(new BigDecimal("784.25"), Rounding.money(cross.converted()));
        assertEquals(LocalDate.of(2026, 1, 5), cross.rateDate());
        assertTrue(withUsd.convert(Money.of("100", "USD"), HKD, LocalDate.of(2026, 1, 6)).isEmpty(),
                "no HKD rate on or before the day");
    }

    @Test
    void moneyAddsOnlyInOneCurrency() {
        assertEquals(Money.of("3.50", "HKD"), Money.zero(HKD).plus(Money.of("1.25", "HKD")).plus(Money.of("2.25", "HKD")));
        assertThrows(IllegalArgumentException.class, () -> Money.of("1", "CNY").plus(Money.of("1", "HKD")));
    }

    @Test
    void moneyNeverCombinesCurrenciesImplicitly() {
        assertThrows(IllegalArgumentException.class, () -> Money.of("1", "CNY").minus(Money.of("1", "HKD")));
    }

    @Test
    void roundingIsHalfEvenAtTheStatedScales() {
        assertEquals(new BigDecimal("0.12"), Rounding.money(Money.of("0.125", "CNY")));
        assertEquals(new BigDecimal("0.14"), Rounding.money(Money.of("0.135", "HKD")));
        assertEquals(new BigDecimal("0.000002"), Rounding.fraction(new BigDecimal("0.0000025")));
        assertEquals(new BigDecimal("-0.000002"), Rounding.fraction(new BigDecimal("-0.0000015")));
    }
}
