package io.github.ipoanalyzer.analysis;

import io.github.ipoanalyzer.money.Money;
import io.github.ipoanalyzer.money.Rounding;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LotGainTest {

    @Test
    void mooreThreadsOneWinningLotAtTheOpenAndTheClose() {
        // (650.00 − 114.28) × 500 = 535.72 × 500 = 267,860 ("26.78万")
        LotGain open = LotGain.at(Fixtures.MOORE_THREADS, "open", LocalDate.of(2025, 12, 5), new BigDecimal("650.00"));
        assertEquals(Money.of("267860.00", "CNY"), rounded(open.gain()));
        // (600.50 − 114.28) × 500 = 486.22 × 500 = 243,110 ("24.31万")
        LotGain close = LotGain.at(Fixtures.MOORE_THREADS, "close", LocalDate.of(2025, 12, 5), new BigDecimal("600.50"));
        assertEquals(Money.of("243110.00", "CNY"), rounded(close.gain()));
        // One lot ties up 114.28 × 500 = 57,140; 267,860 / 57,140 = 4.687784…
        assertEquals(Money.of("57140.00", "CNY"), rounded(open.lotCost()));
        assertEquals(new BigDecimal("4.687784"), Rounding.fraction(open.returnOnCapital()));
    }

    @Test
    void metaxOneWinningLotAtTheDaysHigh() {
        // (895.00 − 104.66) × 500 = 790.34 × 500 = 395,170 ("39.5万")
        LotGain high = LotGain.at(Fixtures.METAX, "high", LocalDate.of(2025, 12, 17), new BigDecimal("895.00"));
        assertEquals(Money.of("395170.00", "CNY"), rounded(high.gain()));
    }

    @Test
    void aHongKongBoardLotGainsInHongKongDollars() {
        // Iluvatar CoreX, 100-share board lot: (156.80 − 144.60) × 100 = 1,220 HKD
        LotGain close = LotGain.at(Fixtures.ILUVATAR, "close", LocalDate.of(2026, 1, 8), new BigDecimal("156.80"));
        assertEquals(Money.of("1220.00", "HKD"), rounded(close.gain()));
    }

    private static Money rounded(Money m) {
        return new Money(Rounding.money(m.amount()), m.currency());
    }
}
