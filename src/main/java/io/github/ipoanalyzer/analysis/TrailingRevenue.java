package io.github.ipoanalyzer.analysis;

import io.github.ipoanalyzer.market.RevenuePeriod;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Trailing-twelve-month revenue where a listing's periods allow it: a half-year H ending on E,
 * the fiscal year ending six months before E and the half-year ending twelve months before E
 * give {@code TTM(E) = FY + H − H_prior}, in one currency. What basis a period is, in words a
 * reader will not misread (a half-year is never annualised).
 */
public final class TrailingRevenue {

    private TrailingRevenue() {
    }

    /** The listing's periods, with a trailing-twelve-month period after each half-year that allows one. */
    public static List<RevenuePeriod> withTrailingTwelveMonths(List<RevenuePeriod> periods) {
        List<RevenuePeriod> all = new ArrayList<>(periods);
        for (RevenuePeriod half : periods) {
            if (half.months() != 6 || half.amount() == null) {
                continue;
            }
            // Counted from the day after the period (month ends differ: June has 30 days, December 31).
            java.time.LocalDate after = half.end().plusDays(1);
            Optional<RevenuePeriod> year = find(periods, 12, after.minusMonths(6).minusDays(1));
            Optional<RevenuePeriod> prior = find(periods, 6, after.minusMonths(12).minusDays(1));
            if (year.isEmpty() || prior.isEmpty() || !year.get().currency().equals(half.currency())
                    || !prior.get().currency().equals(half.currency())) {
                continue;
            }
            all.add(new RevenuePeriod(half.ticker(), "TTM to " + half.end(), after.minusMonths(12),
                    half.end(), year.get().amount().add(half.amount()).subtract(prior.get().amount()), half.currency(),
                    "trailing twelve months: " + year.get().period() + " + " + half.period() + " − " + prior.get().period()));
        }
        return all;
    }

    /** "fiscal year", "half-year (not annualised)", "trailing twelve months", or "N months (not annualised)". */
    public static String basis(RevenuePeriod period) {
        if (period.period().startsWith("TTM to ")) {
            return "trailing twelve months";
        }
        long months = period.months();
        return months == 12 ? "fiscal year" : months == 6 ? "half-year (not annualised)"
                : months + " months (not annualised)";
    }

    private static Optional<RevenuePeriod> find(List<RevenuePeriod> periods, int months, java.time.LocalDate end) {
        return periods.stream().filter(p -> p.months() == months && p.end().equals(end) && p.amount() != null).findFirst();
    }
}
