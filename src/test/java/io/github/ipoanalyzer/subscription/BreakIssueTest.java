package io.github.ipoanalyzer.subscription;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BreakIssueTest {

    private static BreakIssue.Outcome hk(String ticker, String open, String close, String latest, String multiple) {
        return new BreakIssue.Outcome(ticker, "HKEX", "Main Board", 2025, multiple == null ? null : new BigDecimal(multiple),
                new BigDecimal("10.00"), open == null ? null : new BigDecimal(open), new BigDecimal(close),
                latest == null ? null : new BigDecimal(latest));
    }

    @Test
    void sixListingsTwoOfWhichCloseBelowTheOffer() {
        List<BreakIssue.Outcome> outcomes = new ArrayList<>(List.of(hk("1.HK", "9.00", "9.50", "12", "12"),
                hk("2.HK", "11", "9.99", "8", "15"), hk("3.HK", "11", "10.00", "11", "99.99"),
                hk("4.HK", "11", "12", "12", "100"), hk("5.HK", null, "13", null, "1000"), hk("6.HK", "11", "14", "9",
                        null)));
        List<BreakIssue.Rate> rates = BreakIssue.rates(outcomes, Map.of("mine", List.of("1.HK", "2.HK")));
        // Every listing: first open known for 5, one below 10 (1.HK); first close 6, two below (9.50, 9.99:
        // 10.00 is not below); latest close 5, two below (8, 9).
        assertEquals(List.of(5, 1, 6, 2, 5, 2), rates.subList(0, 3).stream().flatMap(r -> java.util.stream.Stream.of(r.n(),
                r.broke())).toList());
        assertEquals(new BigDecimal("0.3333333333333333333333333333333333"), rates.get(1).rate());
        assertEquals(null, rates.get(1).note(), "n of 6: a headline");
        assertEquals("n < 5", rates.stream().filter(r -> r.dimension().equals("cohort")).findFirst().orElseThrow().note());
        assertEquals(List.of("below 15x", "15-100x", "15-100x", "100-1,000x", "1,000x and above"), List.of(
                BreakIssue.band(new BigDecimal("12")), BreakIssue.band(new BigDecimal("15")),
                BreakIssue.band(new BigDecimal("99.99")), BreakIssue.band(new BigDecimal("100")),
                BreakIssue.band(new BigDecimal("1000"))));
    }
}
