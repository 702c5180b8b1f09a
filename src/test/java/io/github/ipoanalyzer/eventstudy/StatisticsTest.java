package io.github.ipoanalyzer.eventstudy;

import io.github.ipoanalyzer.money.Rounding;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cross-sectional tests, checked against printed tables and by hand. */
class StatisticsTest {

    @Test
    void studentsTwoSidedPValuesMatchTheTable() {
        // Critical values of Student's t (two-sided 5% and 10%), as statistics tables print them.
        assertEquals(0.05, Significance.studentTwoSided(2.776445, 4), 1e-6);
        assertEquals(0.05, Significance.studentTwoSided(2.570582, 5), 1e-6);
        assertEquals(0.10, Significance.studentTwoSided(1.812461, 10), 1e-6);
        assertEquals(0.01, Significance.studentTwoSided(3.169273, 10), 1e-6);
        assertEquals(1.0, Significance.studentTwoSided(0, 7), 1e-12);
    }

    @Test
    void theSignTestIsAnExactBinomialTail() {
        // 5 of 5 positive: 2 × (1/2)^5 = 0.0625; 4 of 6: 2 × (1 + 6 + 15) / 64 = 0.6875; 3 of 6: capped at 1.
        assertEquals(new BigDecimal("0.0625"), Significance.signTwoSided(5, 5));
        assertEquals(new BigDecimal("0.6875"), Significance.signTwoSided(4, 6));
        assertEquals(BigDecimal.ONE, Significance.signTwoSided(3, 6));
    }

    @Test
    void belowTheMinimumNTheTestsAreBlankWithTheReason() {
        Cohort hk = new Cohort("exchange HKEX", "listed on HKEX", List.of("A", "B", "C"));
        CohortCar three = CohortCar.of(hk, "listing", new EventWindow(0, 0), List.of(obs("0.7", "2026-01-02"),
                obs("0.1", "2026-01-08"), obs("0.3", "2026-03-02")), 5);
        // The mean is still shown: (0.7 + 0.1 + 0.3) / 3.
        assertEquals(0, new BigDecimal("1.1").divide(new BigDecimal("3"), Rounding.DIVISION).compareTo(three.mean()));
        assertNull(three.t());
        assertNull(three.pValue());
        assertEquals("n = 3 < 5: no test statistics (too few events to conclude anything)", three.note());
    }

    @Test
    void fromTheMinimumNTheTTestWithItsDegreesOfFreedomAndTheSignTest() {
        Cohort all = new Cohort("all", "every listing", List.of("A", "B", "C", "D", "E"));
        // CARs 0.1, 0.2, 0.3, 0.4, 0.5: mean 0.3, sd √(0.1 / 4) = 0.158114, t = 0.3 / (0.158114 / √5) = 4.242641,
        // 4 degrees of freedom: p = 0.013236 (two-sided); all five positive: sign test p = 0.0625.
        CohortCar five = CohortCar.of(all, "lock-up expiry", new EventWindow(0, 1), List.of(obs("0.1", "2025-01-02"),
                obs("0.2", "2025-03-03"), obs("0.3", "2025-06-02"), obs("0.4", "2025-09-01"), obs("0.5", "2025-12-01")), 5);
        assertEquals(new BigDecimal("4.242641"), five.t().setScale(6, java.math.RoundingMode.HALF_EVEN));
        assertEquals(4, five.degreesOfFreedom());
        assertEquals(0.013236, five.pValue().doubleValue(), 1e-6);
        assertEquals(5, five.positive());
        assertEquals(new BigDecimal("0.0625"), five.signTestPValue());
        assertNull(five.note(), "spread over a year: no cluster");

        CohortCar clustered = CohortCar.of(all, "listing", new EventWindow(0, 0), List.of(obs("0.1", "2025-12-01"),
                obs("0.2", "2025-12-05"), obs("0.3", "2025-12-10"), obs("0.4", "2025-12-17"), obs("0.5", "2025-12-24")), 5);
        assertTrue(clustered.note().startsWith("the events cluster in time (all within 23 calendar days"), clustered.note());
    }

    @Test
    void theStandardizedCrossSectionalTestWhereEveryCarHasAFit() {
        Cohort all = new Cohort("all", "every listing", List.of("A", "B", "C", "D", "E"));
        // Standardized CARs 1, 2, 3, 4, 5: mean 3, sd √2.5, t_BMP = 3 / (√2.5 / √5) = 4.242641, p = 0.013236 at 4 df.
        List<CohortCar.Observation> five = new java.util.ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            five.add(new CohortCar.Observation(new BigDecimal("0.0" + i), new BigDecimal(i), LocalDate.of(2025, 2 * i, 1)));
        }
        CohortCar c = CohortCar.of(all, "lock-up expiry", new EventWindow(0, 1), five, 5);
        assertEquals(new BigDecimal("4.242641"), c.bmpT().setScale(6, java.math.RoundingMode.HALF_EVEN));
        assertEquals(0.013236, c.bmpPValue().doubleValue(), 1e-6);
        // One CAR without a market-model fit (market-adjusted): no standardized test.
        five.set(0, new CohortCar.Observation(new BigDecimal("0.01"), null, LocalDate.of(2025, 2, 1)));
        assertNull(CohortCar.of(all, "lock-up expiry", new EventWindow(0, 1), five, 5).bmpT());
    }

    @Test
    void continuouslyCompoundedReturnsAreNaturalLogarithmsToThe34thDigit() {
        // ln 2 = 0.693147180559945309417232121458176568…; ln(1.05) = 0.048790164169432003065374404223…
        assertEquals(new BigDecimal("0.6931471805599453094172321214581766"), ReturnKind.ln(new BigDecimal("2"))
                .round(new java.math.MathContext(34)));
        assertEquals(new BigDecimal("0.04879016416943200306537440422"), ReturnKind.LOG.of(new BigDecimal("0.05"))
                .setScale(29, java.math.RoundingMode.HALF_EVEN));
        // A first day of +700%: ln 8 = 3 ln 2.
        assertEquals(0, ReturnKind.ln(new BigDecimal("2")).multiply(new BigDecimal("3"))
                .subtract(ReturnKind.LOG.of(new BigDecimal("7"))).abs().compareTo(new BigDecimal("1e-30")) < 0 ? 0 : 1);
        assertEquals(new BigDecimal("0.05"), ReturnKind.SIMPLE.of(new BigDecimal("0.05")));
    }

    private static CohortCar.Observation obs(String car, String date) {
        return new CohortCar.Observation(new BigDecimal(car), LocalDate.parse(date));
    }
}
