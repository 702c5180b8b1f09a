package io.github.ipoanalyzer.subscription;

import io.github.ipoanalyzer.market.OfferFacts;
import io.github.ipoanalyzer.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;

import static io.github.ipoanalyzer.subscription.ShippedTables.MOORE_THREADS;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Moore Threads' online issue: cap 11,000 shares = 22 签 of 500, final lottery rate 0.03635054% per 签. */
class AShareApplicationTest {

    private static final OfferFacts MOORE = new OfferFacts("688795.SH", LocalDate.of(2025, 11, 24), null, 11_200_000L,
            16_800_000L, "STAR", 11_000L, new BigDecimal("110000"), null, null, null, null, null);
    private static final BigDecimal RATE = new BigDecimal("0.0003635054");
    private static final io.github.ipoanalyzer.market.Allotment ONE_LOT = new io.github.ipoanalyzer.market.Allotment(
            "688795.SH", 1, null, null, RATE, 1L, null, null);
    /** One lot sold at the first close nets CNY 242,940.62 (FeesTest works it out). */
    private static final Money NET = Money.of("242940.62", "CNY");

    @Test
    void anApplicationAtTheCapOfMooreThreads() {
        AShareApplication cap = AShareApplication.of(MOORE_THREADS, MOORE, null, ONE_LOT, NET).orElseThrow();
        // 11,000 / 500 = 22 签; 22 × 0.0003635054 = 0.0079971188 签 won.
        assertEquals(22, cap.lots());
        assertEquals(new BigDecimal("0.0079971188"), cap.expectedLotsWon());
        // 0.0079971188 × 242,940.62 = 1,942.824999485656; the CNY 110,000 of holdings the cap needs; per CNY 10,000: ÷ 11 = 176.6204…
        assertEquals(new BigDecimal("1942.824999485656"), cap.expectedNet().amount().stripTrailingZeros());
        assertEquals(new BigDecimal("110000"), cap.marketValueRequired().amount());
        assertEquals(0, new BigDecimal("1942.824999485656").divide(new BigDecimal(11), MathContext.DECIMAL128)
                .compareTo(cap.expectedNetPer10000().amount()));
    }

    @Test
    void aChosenNumberOfLotsNeedsItsOwnMarketValueAndNeverExceedsTheCap() {
        AShareApplication five = AShareApplication.of(MOORE_THREADS, MOORE, 5, ONE_LOT, NET).orElseThrow();
        // 5 签 × 500 shares × CNY 10 of holdings per share = CNY 25,000.
        assertEquals(new BigDecimal("25000"), five.marketValueRequired().amount());
        assertEquals(new BigDecimal("0.0018175270"), five.expectedLotsWon());
        assertEquals(22, AShareApplication.of(MOORE_THREADS, MOORE, 40, ONE_LOT, NET).orElseThrow().lots());
        AShareApplication unknownRate = AShareApplication.of(MOORE_THREADS, MOORE, null, (io.github.ipoanalyzer.market.Allotment) null, NET).orElseThrow();
        assertEquals(null, unknownRate.expectedNet(), "a rate unknown: the expected gain unknown, never 0");
    }

    @Test
    void aRateGivenAsCountsIsAppliedWithItsDivisionLast() {
        // One 签 in 12 won (1 of 12 applicants): 22 签 win 22/12; 22 × 242,940.62 / 12 = 445,391.136666…
        io.github.ipoanalyzer.market.Allotment counted = new io.github.ipoanalyzer.market.Allotment("688795.SH", 1, 12L, 1L,
                null, 1L, null, null);
        AShareApplication cap = AShareApplication.of(MOORE_THREADS, MOORE, null, counted, NET).orElseThrow();
        assertEquals(0, new BigDecimal(22).divide(new BigDecimal(12), MathContext.DECIMAL128).compareTo(cap.expectedLotsWon()));
        assertEquals(0, new BigDecimal("242940.62").multiply(new BigDecimal(22)).divide(new BigDecimal(12), MathContext.DECIMAL128)
                .compareTo(cap.expectedNet().amount()));
    }
}
