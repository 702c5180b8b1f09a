package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.store.Sourced;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DuplicateGuardTest {

    record Row(String key, String value) {
    }

    @Test
    void anIdenticalRepeatIsCountedOnceAndAConflictIsNamed() {
        DuplicateGuard<Row> guard = new DuplicateGuard<>(Row::key, "ticker and date", List::of);
        guard.admit(new Sourced<>(new Row("A 2025-01-02", "1"), "prices/a.csv", 2));

        RejectedRowException same = assertThrows(RejectedRowException.class,
                () -> guard.admit(new Sourced<>(new Row("A 2025-01-02", "1"), "prices/b.csv", 9)));
        assertEquals("duplicate", same.rule());
        assertEquals("repeats line 2 of prices/a.csv exactly; the row is counted once", same.reason());

        RejectedRowException conflict = assertThrows(RejectedRowException.class,
                () -> guard.admit(new Sourced<>(new Row("A 2025-01-02", "2"), "prices/b.csv", 10)));
        assertEquals("conflict", conflict.rule());
        assertEquals("same ticker and date as line 2 of prices/a.csv but different values; both rows are rejected",
                conflict.reason());
        assertEquals("prices/a.csv", conflict.otherFile());
        assertEquals(2, conflict.otherLine());
    }

    @Test
    void afterARestartTheCommittedRowsStillCount() {
        DuplicateGuard<Row> guard = new DuplicateGuard<>(Row::key, "ticker and date",
                () -> List.of(new Sourced<>(new Row("A 2025-01-02", "1"), "prices/a.csv", 2)));
        guard.seed();
        assertThrows(RejectedRowException.class, () -> guard.admit(new Sourced<>(new Row("A 2025-01-02", "1"), "prices/a.csv", 3)));
    }
}
