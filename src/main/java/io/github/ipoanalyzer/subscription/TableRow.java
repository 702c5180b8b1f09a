package io.github.ipoanalyzer.subscription;

import io.github.ipoanalyzer.market.AllotmentBasisRow;


/** A row of the basis of allotment with where it was read, so that every figure names its row. */
public record TableRow(AllotmentBasisRow row, String file, long line) {

    public String where() {
        return file + " line " + line;
    }
}
