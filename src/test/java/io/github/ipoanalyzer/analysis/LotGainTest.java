package io.github.ipoanalyzer.analysis;

import io.github.ipoanalyzer.money.FxRate;
import io.github.ipoanalyzer.money.FxRates;
import io.github.ipoanalyzer.money.Money;
import io.github.ipoanalyzer.money.Rounding;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Currency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LotGainTest {

    @Test
    void mooreThreadsOneWinningLotAtTheOpenAndTheClose() {
        // (650.00 − 114.28) × 500 = 535.72 × 500 = 267,860 ("26.78万")
        LotGain open = LotGain.at(Fixtures.MOORE_THREADS, ReferencePrice.FIRST_DAY_OPEN, LocalDate.of(2025, 12, 5), new BigDecimal("650.00"), Fixtures.NO_RATES, Fixtures.NO_FEES);
        assertEquals(Money.of("267860.00", "CNY"), rounded(open.gain()));
        // (600.50 − 114.28) × 500 = 486.22 × 500 = 243,110 ("24.31万")
        LotGain close = LotGain.at(Fixtures.MOORE_THREADS, ReferencePrice.FIRST_DAY_CLOSE, LocalDate.of(2025, 12, 5), new BigDecimal("600.50"), Fixtures.NO_RATES, Fixtures.NO_FEES);
        assertEquals(Money.of("243110.00", "CNY"), rounded(close.gain()));
        // One lot ties up 114.28 × 500 = 57,140; 267,860 / 57,140 = 4.687784…
        assertEquals(Money.of("57140.00", "CNY"), rounded(open.lotCost()));
        assertEquals(new BigDecimal("4.687784"), Rounding.fraction(open.returnOnCapital()));
    }

    @Test
    void metaxOneWinningLotAtTheDaysHigh() {
        // (895.00 − 104.66) × 500 = 790.34 × 500 = 395,170 ("39.5万")
        LotGain high = LotGain.at(Fixtures.METAX, ReferencePrice.FIRST_DAY_HIGH, LocalDate.of(2025, 12, 17), new BigDecimal("895.00"), Fixtures.NO_RATES, Fixtures.NO_FEES);
        assertEquals(Money.of("395170.00", "CNY"), rounded(high.gain()));
    }

    @Test
    void aHongKongBoardLotGainsInHongKongDollars() {
        // Iluvatar CoreX, 100-share board lot: (156.80 − 144.60) × 100 = 1,220 HKD
        FxRates rates = new FxRates(List.of(new FxRate(LocalDate.of(2026, 1, 8), Currency.getInstance("HKD"),
                new BigDecimal("0.8957"))));
        LotGain close = LotGain.at(Fixtures.ILUVATAR, ReferencePrice.CLOSE, LocalDate.of(2026, 1, 8), new BigDecimal("156.80"),
                rates, Fixtures.NO_FEES);
        assertEquals(Money.of("1220.00", "HKD"), rounded(close.gain()));
        // In CNY at the rate of the same day: 1,220 × 0.8957 = 1,092.754 → 1,092.75, with the rate and its date.
        assertEquals(Money.of("1092.75", "CNY"), rounded(close.inCny().orElseThrow().converted()));
        assertEquals(LocalDate.of(2026, 1, 8), close.inCny().orElseThrow().rateDate());
        assertTrue(LotGain.at(Fixtures.ILUVATAR, ReferencePrice.CLOSE, LocalDate.of(2026, 1, 7), new BigDecimal("156.80"),
                rates, Fixtures.NO_FEES).inCny().isEmpty(), "no rate on or before the day: unknown, never a later rate");
    }

    private static Money rounded(Money m) {
        return new Money(Rounding.money(m), m.currency());
    }
}
