package io.github.ipoanalyzer.eventstudy;

import io.github.ipoanalyzer.money.Rounding;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * CAR over one event window: {@code Σ AR_t}, with {@code AR_t = R_t − R_m,t} (market-adjusted)
 * or {@code AR_t = R_t − (α + β·R_m,t)} (market model, fitted by least squares on the
 * post-listing days of the event's estimation window when at least {@code minHistory} of them
 * have both returns; see {@link EstimationWindow}). Days before listing, past the end of the data or without a return are left out and
 * counted: {@code daysAvailable} of {@code window.length()}.
 */
public record CumulativeAbnormalReturn(EventWindow window, String model, BigDecimal alpha, BigDecimal beta,
                                       int estimationDays, int daysAvailable, BigDecimal car, BigDecimal residualSd,
                                       String note) {

    /**
     * The CAR standardized by its estimation-period standard error, {@code CAR / (s · √L)} with
     * {@code s²} the market model's residual variance and L the window's days (Boehmer, Musumeci
     * and Poulsen 1991, without the forecast-error correction); null without a market-model fit
     * or when the residuals have no dispersion.
     */
    public BigDecimal standardized() {
        if (car == null || residualSd == null || residualSd.signum() == 0 || daysAvailable == 0) {
            return null;
        }
        return Rounding.divide(car, residualSd.multiply(BigDecimal.valueOf(daysAvailable).sqrt(Rounding.DIVISION)));
    }

    /** True when every day of the window has an abnormal return. */
    public boolean complete() {
        return daysAvailable == window.length();
    }

    /**
     * The same CAR as published: a window missing some of its days is left blank with the days
     * it has (k of h), never shown under the full window's name, unless partial figures are
     * asked for, and then marked.
     */
    public CumulativeAbnormalReturn published(boolean partialWindows) {
        if (complete() || car == null) {
            return this;
        }
        String partial = "partial: " + daysAvailable + " of " + window.length() + " days"
                + (partialWindows ? "" : "; left blank (ipo.partial-windows=true shows partial figures, marked)");
        return new CumulativeAbnormalReturn(window, model, alpha, beta, estimationDays, daysAvailable,
                partialWindows ? car : null, residualSd, note == null ? partial : partial + "; " + note);
    }

    public static final String MARKET_ADJUSTED = "market-adjusted";
    public static final String MARKET_MODEL = "market model";

    public static CumulativeAbnormalReturn of(ListingReturns r, int eventDay, EventWindow window, int minHistory) {
        return of(r, eventDay, window, new EstimationWindow(null, 0, minHistory));
    }

    /** The CAR of an event studied over this one window. */
    public static CumulativeAbnormalReturn of(ListingReturns r, int eventDay, EventWindow window,
                                              EstimationWindow estimation) {
        return of(r, eventDay, window, estimation, window.from());
    }

    /**
     * The CAR of one of an event's windows, with the event's one fit: {@code earliestWindowDay} is
     * the first day of the earliest of its windows.
     */
    public static CumulativeAbnormalReturn of(ListingReturns r, int eventDay, EventWindow window,
                                              EstimationWindow estimation, int earliestWindowDay) {
        Set<String> notes = new LinkedHashSet<>();
        int minHistory = estimation.minDays();
        int estimationStart = estimation.firstIndex(eventDay);
        int estimationEnd = estimation.endIndex(eventDay, earliestWindowDay);
        int estimationDays = r.estimationDays(estimationStart, estimationEnd);
        Optional<BigDecimal[]> fit = r.marketModel(estimationStart, estimationEnd, minHistory);
        BigDecimal alpha = fit.map(f -> f[0]).orElse(null);
        BigDecimal beta = fit.map(f -> f[1]).orElse(null);
        String model = fit.isPresent() ? MARKET_MODEL : MARKET_ADJUSTED;
        if (fit.isEmpty()) {
            notes.add("market-adjusted: " + estimationDays + " post-listing day(s) in the estimation window ("
                    + estimation.describe() + ") for the market model");
        }
        BigDecimal sum = BigDecimal.ZERO;
        int available = 0;
        for (int tau = window.from(); tau <= window.to(); tau++) {
            int k = eventDay + tau;
            if (k < r.listingIndex()) {
                notes.add("day " + tau + " is before listing");
                continue;
            }
            if (k > r.lastDay()) {
                notes.add("the data ends before day " + tau);
                break;
            }
            BigDecimal stock = r.stock(k);
            BenchmarkSeries.Return market = r.market(k);
            if (stock == null) {
                notes.add("no close (or no previous close) on " + r.calendar().day(k));
                continue;
            }
            if (market.value() == null) {
                notes.add(market.note());
                continue;
            }
            if (market.note() != null) {
                notes.add(market.note());
            }
            sum = sum.add(abnormal(stock, market.value(), alpha, beta));
            available++;
        }
        return new CumulativeAbnormalReturn(window, model, alpha, beta, estimationDays, available,
                available == 0 ? null : sum, r.residualSd(estimationStart, estimationEnd, fit.orElse(null)),
                notes.isEmpty() ? null : String.join("; ", notes));
    }

    /**
     * The CARs of the windows (from, from), (from, from + 1), … (from, to) in one pass: element i
     * is the {@link #car} that {@link #of} gives for window (from, from + i), null while no day
     * has an abnormal return, with the event's one fit ({@code from} is the earliest day of its
     * windows). For a CAR path, which would otherwise sum each prefix again.
     */
    public static BigDecimal[] running(ListingReturns r, int eventDay, int from, int to, EstimationWindow estimation) {
        Optional<BigDecimal[]> fit = r.marketModel(estimation.firstIndex(eventDay), estimation.endIndex(eventDay, from),
                estimation.minDays());
        BigDecimal alpha = fit.map(f -> f[0]).orElse(null);
        BigDecimal beta = fit.map(f -> f[1]).orElse(null);
        BigDecimal[] cars = new BigDecimal[to - from + 1];
        BigDecimal sum = null;
        for (int tau = from; tau <= to; tau++) {
            int k = eventDay + tau;
            if (k >= r.listingIndex() && k <= r.lastDay() && r.stock(k) != null && r.market(k).value() != null) {
                BigDecimal ar = abnormal(r.stock(k), r.market(k).value(), alpha, beta);
                sum = sum == null ? BigDecimal.ZERO.add(ar) : sum.add(ar);
            }
            cars[tau - from] = sum;
        }
        return cars;
    }

    /** {@code AR = R − R_m} (market-adjusted, no fit) or {@code R − (α + β·R_m)}. */
    private static BigDecimal abnormal(BigDecimal stock, BigDecimal market, BigDecimal alpha, BigDecimal beta) {
        BigDecimal expected = alpha == null ? market : alpha.add(beta.multiply(market));
        return stock.subtract(expected);
    }

    /**
     * {α, β} of R = α + β·R_m by ordinary least squares, or null when R_m does not vary. The
     * centred sums are taken from the raw ones, exactly: with the means m_x, m_y (each a division
     * at the intermediate precision) Σ(x − m_x)(y − m_y) = Σxy − m_y·Σx − m_x·Σy + n·m_x·m_y,
     * which is the same number as summing the centred products point by point.
     */
    static BigDecimal[] leastSquares(ListingReturns.EstimationSums s) {
        BigDecimal n = BigDecimal.valueOf(s.n());
        BigDecimal meanY = Rounding.divide(s.sumY(), n);
        BigDecimal meanX = Rounding.divide(s.sumX(), n);
        BigDecimal sxy = s.sumXY().subtract(meanY.multiply(s.sumX())).subtract(meanX.multiply(s.sumY()))
                .add(n.multiply(meanX).multiply(meanY));
        BigDecimal sxx = s.sumXX().subtract(BigDecimal.valueOf(2).multiply(meanX).multiply(s.sumX()))
                .add(n.multiply(meanX).multiply(meanX));
        if (sxx.signum() == 0) {
            return null;
        }
        BigDecimal beta = Rounding.divide(sxy, sxx);
        return new BigDecimal[] {meanY.subtract(beta.multiply(meanX)), beta};
    }
}
