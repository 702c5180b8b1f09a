package io.github.ipoanalyzer.subscription;

import io.github.ipoanalyzer.market.AllotmentBasisRow;

import java.io.Serializable;

/** A row of the basis of allotment with where it was read, so that every figure names its row. */
public record TableRow(AllotmentBasisRow row, String file, long line) implements Serializable {

    public String where() {
        return file + " line " + line;
    }
}
