package io.github.ipoanalyzer.eventstudy;

import io.github.ipoanalyzer.money.Rounding;

import java.math.BigDecimal;
import java.util.List;

/**
 * Cross-sectional mean CAR of one cohort for one event kind and window, with its t statistic
 * {@code mean / (sd / √n)} (sample standard deviation) and n. The t statistic needs n ≥ 2 and
 * some dispersion; otherwise it is unknown.
 */
public record CohortCar(Cohort cohort, String eventKind, EventWindow window, int n, BigDecimal mean, BigDecimal sd,
                        BigDecimal t) {

    public static CohortCar of(Cohort cohort, String eventKind, EventWindow window, List<BigDecimal> cars) {
        int n = cars.size();
        if (n == 0) {
            return new CohortCar(cohort, eventKind, window, 0, null, null, null);
        }
        BigDecimal mean = Rounding.divide(CohortStats.sum(cars), BigDecimal.valueOf(n));
        if (n < 2) {
            return new CohortCar(cohort, eventKind, window, n, mean, null, null);
        }
        BigDecimal squares = BigDecimal.ZERO;
        for (BigDecimal car : cars) {
            BigDecimal d = car.subtract(mean);
            squares = squares.add(d.multiply(d));
        }
        BigDecimal sd = Rounding.divide(squares, BigDecimal.valueOf(n - 1)).sqrt(Rounding.DIVISION);
        BigDecimal t = sd.signum() == 0 ? null
                : Rounding.divide(mean, Rounding.divide(sd, BigDecimal.valueOf(n).sqrt(Rounding.DIVISION)));
        return new CohortCar(cohort, eventKind, window, n, mean, sd, t);
    }
}
