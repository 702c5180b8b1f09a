package io.github.ipoanalyzer.market;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** An expected share of an amount is the amount times the rate, the division by the applicants last. */
class AllotmentTest {

    @Test
    void aRateFromCountsIsAppliedWithItsDivisionLast() {
        Allotment oneInTwelve = new Allotment("9903.HK", 1, 1_116L, 93L, null, 1L, null, null);
        // 1,056.18 × 93 / 1,116 = 88.015 exactly; times a 34-digit 1/12 it was 88.01499…
        assertEquals(0, new BigDecimal("88.015").compareTo(oneInTwelve.expectedShareOf(new BigDecimal("1056.18")).orElseThrow()));
        assertEquals(0, new BigDecimal("0.08333333333333333333333333333333333").compareTo(oneInTwelve.rate().orElseThrow()));
    }

    @Test
    void aStatedRateIsExact() {
        Allotment stated = new Allotment("6082.HK", 1, null, null, new BigDecimal("0.05"), 1L, null, null);
        assertEquals(new BigDecimal("146.2295"), stated.expectedShareOf(new BigDecimal("2924.59")).orElseThrow());
    }
}
