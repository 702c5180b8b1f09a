package io.github.ipoanalyzer.money;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;

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
    void aWalkAlongDatesConvertsAsEachDateAlone() {
        FxRates.CnyAlongDates walk = rates.toCnyAlongDates(HKD);
        Money cap = new Money(new BigDecimal("1000.00"), HKD);
        // Before the first rate: none. On 01-08 and up to 01-26: 0.8957; from 01-27: 0.89592.
        assertNull(walk.at(cap, LocalDate.of(2026, 1, 7)));
        assertEquals(new BigDecimal("895.700000"), walk.at(cap, LocalDate.of(2026, 1, 8)).converted().amount());
        assertEquals(LocalDate.of(2026, 1, 8), walk.at(cap, LocalDate.of(2026, 1, 26)).rateDate());
        assertEquals(new BigDecimal("895.9200000"), walk.at(cap, LocalDate.of(2026, 1, 27)).converted().amount());
        // A date before the last one asked for is still converted at its own rate.
        assertEquals(LocalDate.of(2026, 1, 8), walk.at(cap, LocalDate.of(2026, 1, 9)).rateDate());
        assertThrows(IllegalArgumentException.class, () -> walk.at(new Money(BigDecimal.ONE, FxRates.CNY),
                LocalDate.of(2026, 1, 9)));
        assertEquals(BigDecimal.ONE, rates.toCnyAlongDates(FxRates.CNY).at(new Money(BigDecimal.TEN, FxRates.CNY),
                LocalDate.of(2026, 1, 1)).rate());
        assertNull(rates.toCnyAlongDates(Currency.getInstance("USD")).at(new Money(BigDecimal.TEN,
                Currency.getInstance("USD")), LocalDate.of(2026, 1, 9)), "no USD rate");
        // Against toCny on random rates and dates: gaps, a date repeated, a step back now and then.
        Random random = new Random(20261207);
        for (int round = 0; round < 200; round++) {
            List<FxRate> list = new ArrayList<>();
            LocalDate start = LocalDate.of(2020, 1, 1);
            for (int i = random.nextInt(30); i > 0; i--) {
                list.add(new FxRate(start.plusDays(random.nextInt(200)), HKD,
                        new BigDecimal(random.nextInt(100_000)).movePointLeft(5)));
            }
            FxRates some = new FxRates(list);
            FxRates.CnyAlongDates along = some.toCnyAlongDates(HKD);
            LocalDate day = start.minusDays(10);
            for (int i = 0; i < 60; i++) {
                day = day.plusDays(random.nextInt(10) == 0 ? -random.nextInt(30) : random.nextInt(6));
                Money amount = new Money(new BigDecimal(random.nextInt(1_000_000)).movePointLeft(2), HKD);
                assertEquals(some.toCny(amount, day).orElse(null), along.at(amount, day), day + " " + list);
            }
        }
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
