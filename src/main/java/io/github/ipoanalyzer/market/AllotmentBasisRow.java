package io.github.ipoanalyzer.market;

/**
 * One row of an HK allotment results announcement's basis of allotment (allotment-basis.csv):
 * in pool {@code pool} (A or B), {@code validApplications} applications of {@code sharesApplied}
 * shares each get {@code guaranteedShares}, and {@code winners} of them, drawn out of
 * {@code outOf}, get {@code extraShares} more. A row of the announcement's totals instead has no
 * size applied for ({@code sharesApplied} null), its pool A, B or {@link #ALL_POOLS}, and the
 * totals it states ({@code validApplications}, {@code successfulApplicants}, {@code sharesAllotted};
 * each null where not stated). {@code basis} is the basis as the announcement writes it, when given.
 */
public record AllotmentBasisRow(String ticker, String pool, Long sharesApplied, Long validApplications,
                                long guaranteedShares, long winners, long outOf, long extraShares,
                                Long successfulApplicants, Long sharesAllotted, String basis, String source, String note) {

    /** The pool of a totals row over both pools. */
    public static final String ALL_POOLS = "all";

    public boolean isTotal() {
        return sharesApplied == null;
    }

    /** Applicants of the row who get at least one share: all of them where some are guaranteed, else the winners. */
    public long successfulOfRow() {
        return guaranteedShares > 0 ? validApplications : winners;
    }

    /** Shares the row allots in all: {@code V·G + W·E}. */
    public long sharesOfRow() {
        return validApplications * guaranteedShares + winners * extraShares;
    }
}
