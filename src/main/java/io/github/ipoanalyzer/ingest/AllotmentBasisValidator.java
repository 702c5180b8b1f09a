package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.market.AllotmentBasisRow;
import io.github.ipoanalyzer.market.Listing;

import java.util.Locale;

/**
 * allotment-basis.csv: one row of an HK announcement's basis of allotment, as fields or as written
 * ({@link AllotmentBasisText}; both, when given, must agree), or one of its totals (no size applied
 * for). Checked here row by row: pool A or B, every share count a whole number of the listing's
 * lots, {@code V} the row's valid applications, {@code W ≤ V}, nothing allotted beyond the size
 * applied for. Whether the rows add up to the totals is {@link AllotmentBasisGuard}'s check.
 */
public class AllotmentBasisValidator implements RowRule<AllotmentBasisRow> {

    @Override
    public AllotmentBasisRow apply(RowValues v, ListingLookup listings) {
        Listing listing = listings.of(v);
        String pool = v.text("pool").toUpperCase(Locale.ROOT);
        Long applied = v.optionalPositiveWholeNumber("shares_applied");
        Long valid = v.optionalPositiveWholeNumber("valid_applications");
        String written = v.optionalText("basis");
        String source = v.optionalText("source");
        String note = v.optionalText("note");
        if (applied == null) {
            return total(v, listing, pool, valid, written, source, note);
        }
        if (!pool.equals("A") && !pool.equals("B")) {
            throw v.reject("pool", "pool", "pool '" + v.text("pool") + "' is not A (applications up to HK$5m) or B "
                    + "(above); a totals row leaves shares_applied empty");
        }
        wholeLots(v, "shares_applied", applied, listing);
        if (valid == null) {
            throw v.reject("valid_applications", "required", "valid_applications is required on a row of the table");
        }
        AllotmentBasisText.Basis basis = basis(v, written);
        if (basis.winners() > 0 && basis.outOf() != valid) {
            throw v.reject(written != null ? "basis" : "out_of", "basis-applicants", "the basis draws out of "
                    + basis.outOf() + " applicants but the row has " + valid + " valid applications: they must be equal");
        }
        if (basis.winners() > basis.outOf()) {
            throw v.reject(written != null ? "basis" : "winners", "winners", basis.winners() + " winners out of "
                    + basis.outOf() + " applicants: there cannot be more winners than applicants");
        }
        if (basis.winners() > 0 && basis.extra() == 0) {
            throw v.reject(written != null ? "basis" : "extra_shares", "basis", basis.winners()
                    + " winners receive no shares: extra_shares is required with winners");
        }
        if (basis.guaranteed() == 0 && basis.winners() == 0) {
            throw v.reject(written != null ? "basis" : "guaranteed_shares", "basis", "the basis allots nothing: give it "
                    + "as written (basis) or as guaranteed_shares, winners, out_of and extra_shares");
        }
        wholeLots(v, written != null ? "basis" : "guaranteed_shares", basis.guaranteed(), listing);
        wholeLots(v, written != null ? "basis" : "extra_shares", basis.extra(), listing);
        if (basis.guaranteed() + basis.extra() > applied) {
            throw v.reject(written != null ? "basis" : "extra_shares", "basis", "an applicant would receive "
                    + (basis.guaranteed() + basis.extra()) + " shares, more than the " + applied + " applied for");
        }
        return new AllotmentBasisRow(listing.ticker(), pool, applied, valid, basis.guaranteed(), basis.winners(),
                basis.outOf(), basis.extra(), null, null, written, source, note);
    }

    private static AllotmentBasisRow total(RowValues v, Listing listing, String pool, Long valid, String written,
                                           String source, String note) {
        if (!pool.equals("A") && !pool.equals("B") && !pool.equalsIgnoreCase(AllotmentBasisRow.ALL_POOLS)) {
            throw v.reject("pool", "pool", "a totals row (no shares_applied) is of pool A, B or "
                    + AllotmentBasisRow.ALL_POOLS + ", not '" + v.text("pool") + "'");
        }
        if (written != null || v.optionalText("winners") != null || v.optionalText("guaranteed_shares") != null) {
            throw v.reject("shares_applied", "required", "a row with a basis needs the shares applied for; a totals "
                    + "row gives only valid_applications, successful_applicants and shares_allotted");
        }
        Long successful = v.optionalNonNegativeWholeNumber("successful_applicants");
        Long shares = v.optionalNonNegativeWholeNumber("shares_allotted");
        if (valid == null && successful == null && shares == null) {
            throw v.reject("shares_applied", "required", "shares_applied is empty, so this is a totals row, but it "
                    + "gives no total (valid_applications, successful_applicants or shares_allotted)");
        }
        if (shares != null) {
            wholeLots(v, "shares_allotted", shares, listing);
        }
        return new AllotmentBasisRow(listing.ticker(), pool.equals("A") || pool.equals("B") ? pool
                : AllotmentBasisRow.ALL_POOLS, null, valid, 0, 0, 0, 0, successful, shares, null, source, note);
    }

    /** As written, else the fields; both given, they must say the same. */
    private static AllotmentBasisText.Basis basis(RowValues v, String written) {
        AllotmentBasisText.Basis fields = fields(v);
        if (written == null) {
            if (fields == null) {
                throw v.reject("basis", "required", "the basis is required: as written (basis) or as guaranteed_shares, "
                        + "winners, out_of and extra_shares");
            }
            return fields;
        }
        AllotmentBasisText.Basis read = AllotmentBasisText.read(written).orElseThrow(() -> v.reject("basis",
                "basis-text", "cannot read the basis '" + written + "': write it as the announcement does, e.g. "
                        + "'8,741 out of 174,816 applicants to receive 200 H Shares', '200 H Shares plus 78 out of 4,914 "
                        + "applicants to receive an additional 200 H Shares' or '400 H Shares'"));
        if (fields != null && !fields.equals(read)) {
            throw v.reject("basis", "basis-fields", "the basis as written reads " + describe(read)
                    + " but the fields say " + describe(fields));
        }
        return read;
    }

    private static AllotmentBasisText.Basis fields(RowValues v) {
        Long guaranteed = v.optionalNonNegativeWholeNumber("guaranteed_shares");
        Long winners = v.optionalNonNegativeWholeNumber("winners");
        Long outOf = v.optionalNonNegativeWholeNumber("out_of");
        Long extra = v.optionalNonNegativeWholeNumber("extra_shares");
        if (guaranteed == null && winners == null && outOf == null && extra == null) {
            return null;
        }
        if ((winners != null && winners > 0) && outOf == null) {
            throw v.reject("out_of", "required", "winners are drawn out of a number of applicants: out_of is required");
        }
        return new AllotmentBasisText.Basis(guaranteed == null ? 0 : guaranteed, winners == null ? 0 : winners,
                outOf == null ? 0 : outOf, extra == null ? 0 : extra);
    }

    private static String describe(AllotmentBasisText.Basis b) {
        return b.guaranteed() + " guaranteed, " + b.winners() + " out of " + b.outOf() + " receive " + b.extra();
    }

    private static void wholeLots(RowValues v, String column, long shares, Listing listing) {
        if (listing.lotShares() > 0 && shares % listing.lotShares() != 0) {
            throw v.reject(column, "whole-lots", shares + " shares is not a whole number of lots of "
                    + listing.lotShares() + " (the board lot of " + listing.ticker() + ")");
        }
    }
}
