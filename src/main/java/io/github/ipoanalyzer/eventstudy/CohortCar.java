package io.github.ipoanalyzer.eventstudy;

import io.github.ipoanalyzer.money.Rounding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Cross-sectional mean CAR of one cohort for one event kind and window (complete windows only,
 * one observation per listing), with its test statistics: {@code t = mean / (sd / √n)} (sample
 * standard deviation) with {@code n − 1} degrees of freedom and its two-sided p-value, and the
 * sign test (how many CARs are positive, exact two-sided p-value), which does not assume
 * normality; and, where every CAR has a market-model fit, the standardized cross-sectional test
 * of Boehmer, Musumeci and Poulsen (1991). Below {@code minimumN} events the tests are left blank with the reason: a mean of
 * two or three IPOs says nothing a reader should conclude from. When the events cluster in time
 * (all within {@value #CLUSTER_DAYS} calendar days) the note says so: their CARs share market
 * moves, so the t test overstates the evidence.
 */
public record CohortCar(Cohort cohort, String eventKind, EventWindow window, int n, BigDecimal mean, BigDecimal sd,
                        BigDecimal t, Integer degreesOfFreedom, BigDecimal pValue, Integer positive,
                        BigDecimal signTestPValue, BigDecimal bmpT, BigDecimal bmpPValue, String note) {

    static final int CLUSTER_DAYS = 30;

    /** One CAR of one listing's event, and the CAR standardized by its estimation-period error (null without a fit). */
    public record Observation(BigDecimal car, BigDecimal standardized, LocalDate eventDate) {

        public Observation(BigDecimal car, LocalDate eventDate) {
            this(car, null, eventDate);
        }
    }

    public static CohortCar of(Cohort cohort, String eventKind, EventWindow window, List<Observation> observations,
                               int minimumN) {
        int n = observations.size();
        if (n == 0) {
            return new CohortCar(cohort, eventKind, window, 0, null, null, null, null, null, null, null, null, null,
                    "no complete window");
        }
        List<BigDecimal> cars = observations.stream().map(Observation::car).toList();
        BigDecimal mean = Rounding.divide(CohortStats.sum(cars), BigDecimal.valueOf(n));
        BigDecimal sd = null;
        if (n >= 2) {
            BigDecimal squares = BigDecimal.ZERO;
            for (BigDecimal car : cars) {
                BigDecimal d = car.subtract(mean);
                squares = squares.add(d.multiply(d));
            }
            sd = Rounding.divide(squares, BigDecimal.valueOf(n - 1)).sqrt(Rounding.DIVISION);
        }
        String cluster = clustered(observations);
        if (n < minimumN) {
            String why = "n = " + n + " < " + minimumN + ": no test statistics (too few events to conclude anything)";
            return new CohortCar(cohort, eventKind, window, n, mean, sd, null, null, null, null, null, null, null,
                    cluster == null ? why : why + "; " + cluster);
        }
        BigDecimal t = sd.signum() == 0 ? null
                : Rounding.divide(mean, Rounding.divide(sd, BigDecimal.valueOf(n).sqrt(Rounding.DIVISION)));
        BigDecimal p = t == null ? null : BigDecimal.valueOf(Significance.studentTwoSided(t.doubleValue(), n - 1));
        int nonZero = (int) cars.stream().filter(c -> c.signum() != 0).count();
        int positive = (int) cars.stream().filter(c -> c.signum() > 0).count();
        BigDecimal sign = nonZero == 0 ? null : Significance.signTwoSided(positive, nonZero);
        BigDecimal[] bmp = standardizedTest(observations);
        return new CohortCar(cohort, eventKind, window, n, mean, sd, t, n - 1, p, positive, sign, bmp[0], bmp[1],
                cluster);
    }

    /**
     * The standardized cross-sectional test (Boehmer, Musumeci and Poulsen 1991): the t statistic
     * of the standardized CARs, {@code mean(SCAR) / (sd(SCAR) / √n)}, with its two-sided p-value
     * at n − 1 degrees of freedom; blank unless every CAR has a market-model fit to standardize it.
     */
    private static BigDecimal[] standardizedTest(List<Observation> observations) {
        if (observations.stream().anyMatch(o -> o.standardized() == null)) {
            return new BigDecimal[2];
        }
        List<BigDecimal> scars = observations.stream().map(Observation::standardized).toList();
        int n = scars.size();
        BigDecimal mean = Rounding.divide(CohortStats.sum(scars), BigDecimal.valueOf(n));
        BigDecimal squares = BigDecimal.ZERO;
        for (BigDecimal s : scars) {
            squares = squares.add(s.subtract(mean).multiply(s.subtract(mean)));
        }
        BigDecimal sd = Rounding.divide(squares, BigDecimal.valueOf(n - 1)).sqrt(Rounding.DIVISION);
        if (sd.signum() == 0) {
            return new BigDecimal[2];
        }
        BigDecimal t = Rounding.divide(mean, Rounding.divide(sd, BigDecimal.valueOf(n).sqrt(Rounding.DIVISION)));
        return new BigDecimal[] {t, BigDecimal.valueOf(Significance.studentTwoSided(t.doubleValue(), n - 1))};
    }

    private static String clustered(List<Observation> observations) {
        if (observations.size() < 2) {
            return null;
        }
        LocalDate first = observations.stream().map(Observation::eventDate).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = observations.stream().map(Observation::eventDate).max(LocalDate::compareTo).orElseThrow();
        long days = ChronoUnit.DAYS.between(first, last);
        return days <= CLUSTER_DAYS ? "the events cluster in time (all within " + days + " calendar days of each "
                + "other): their CARs share market moves, so the t test overstates the evidence" : null;
    }
}
