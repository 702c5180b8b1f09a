package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.market.Allotment;

import java.math.BigDecimal;

/** allotments.csv: the allotment result of one application size of one IPO. */
public class AllotmentValidator implements RowRule<Allotment> {

    @Override
    public Allotment apply(RowValues v, ListingLookup listings) {
        String ticker = listings.of(v).ticker();
        Long lots = v.optionalPositiveWholeNumber("application_lots");
        Allotment a = new Allotment(ticker, lots == null ? 1 : lots, v.optionalPositiveWholeNumber("applicants"),
                v.optionalNonNegativeWholeNumber("successful_applicants"), v.optionalNonNegativeDecimal("success_rate"),
                v.optionalPositiveWholeNumber("lots_per_success"), v.optionalPositiveDecimal("subscription_multiple"),
                v.optionalText("note"));
        if (a.successRate() != null && a.successRate().compareTo(BigDecimal.ONE) > 0) {
            throw v.reject("success_rate", "success-rate", "a success rate is a fraction from 0 to 1: write 0.05 for 5%");
        }
        if (a.applicants() != null && a.successfulApplicants() != null && a.successfulApplicants() > a.applicants()) {
            throw v.reject("successful_applicants", "success-rate", a.successfulApplicants() + " successful of "
                    + a.applicants() + " applicants");
        }
        return a;
    }
}
