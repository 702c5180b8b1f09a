package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.store.Sourced;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DuplicateGuardTest {

    record Row(String key, BigDecimal close, BigDecimal low, String note) {
    }

    private static Row row(String close, String low, String note) {
        return new Row("A 2025-01-02", close == null ? null : new BigDecimal(close), low == null ? null : new BigDecimal(low),
                note);
    }

    @Test
    void aRowThatSaysNothingNewIsARepeatEvenWithAnotherNote() {
        DuplicateGuard<Row> guard = new DuplicateGuard<>(Row::key, "ticker and date", List::of);
        guard.admit(new Sourced<>(row("10.00", "9.50", "listing day"), "prices/a.csv", 2));

        RejectedRowException same = assertThrows(RejectedRowException.class,
                () -> guard.admit(new Sourced<>(row("10", null, "from the bulletin"), "prices/b.csv", 9)));
        assertEquals("repeat", same.rule());
        assertEquals("repeats line 2 of prices/a.csv: the same ticker and date and no value that differs or is new; "
                + "counted as a repeat, not loaded", same.reason());
        assertEquals(List.of(), guard.takeReplacements());
    }

    @Test
    void aRowThatKnowsMoreReplacesTheEarlierWithTheUnionOfBoth() {
        DuplicateGuard<Row> guard = new DuplicateGuard<>(Row::key, "ticker and date", List::of);
        Sourced<Row> earlier = new Sourced<>(row("10.00", null, "listing day"), "prices/a.csv", 2);
        guard.admit(earlier);
        Sourced<Row> kept = guard.admit(new Sourced<>(row(null, "9.50", null), "prices/b.csv", 9));
        assertEquals(new Sourced<>(row("10.00", "9.50", "listing day"), "prices/b.csv", 9), kept);
        List<RowGuard.Replacement<Row>> replaced = guard.takeReplacements();
        assertEquals(1, replaced.size());
        assertEquals(earlier, replaced.get(0).earlier());
        assertEquals("repeated by line 9 of prices/b.csv, which gives the same values and more (the two are kept as "
                + "one row, loaded from there); counted as a repeat, not loaded", replaced.get(0).asReject().reason());
        // The next row of the key is judged against the kept one.
        assertThrows(RejectedRowException.class, () -> guard.admit(new Sourced<>(row(null, "9.5", null), "prices/c.csv", 3)));
    }

    @Test
    void onlyAValueThatDiffersIsAConflictAndItsRejectNamesTheFieldBothValuesAndBothRows() {
        DuplicateGuard<Row> guard = new DuplicateGuard<>(Row::key, "ticker and date", List::of);
        guard.admit(new Sourced<>(row("10.00", null, null), "prices/a.csv", 2));
        RejectedRowException conflict = assertThrows(RejectedRowException.class,
                () -> guard.admit(new Sourced<>(row("10.10", "9.50", null), "prices/b.csv", 10)));
        assertEquals("conflict", conflict.rule());
        assertEquals("close", conflict.column());
        assertEquals("10.10", conflict.rawValue());
        assertEquals("close differs for ticker and date A 2025-01-02: 10.00 at line 2 of prices/a.csv, 10.10 at line 10 "
                + "of prices/b.csv; both rows are rejected: correct the wrong one, or remove prices/b.csv if it is another "
                + "copy of prices/a.csv", conflict.reason());
        assertEquals("prices/a.csv", conflict.otherFile());
        assertEquals(2, conflict.otherLine());
    }

    @Test
    void afterARestartTheCommittedRowsStillCount() {
        DuplicateGuard<Row> guard = new DuplicateGuard<>(Row::key, "ticker and date",
                () -> List.of(new Sourced<>(row("1", null, null), "prices/a.csv", 2)));
        guard.seed();
        assertEquals("repeat", assertThrows(RejectedRowException.class,
                () -> guard.admit(new Sourced<>(row("1", null, null), "prices/a.csv", 3))).rule());
    }
}
