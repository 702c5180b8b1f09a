package io.github.ipoanalyzer.report;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** From which date a series computed now can differ from the one the latest report holds. */
class SeriesBasisTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 27);

    private static SeriesBasis basis(LocalDate asOf, String fixed, Map<String, LocalDate> marks) {
        return new SeriesBasis("2026-11-27_run-1", asOf, fixed, marks);
    }

    private static Map<String, LocalDate> market() {
        Map<String, LocalDate> marks = new HashMap<>();
        marks.put("listing a", LocalDate.of(2025, 12, 5));
        marks.put("listing b", LocalDate.of(2026, 1, 2));
        marks.put("prices 1 250", LocalDate.of(2025, 12, 5));
        marks.put("prices 2 240", LocalDate.of(2026, 1, 2));
        marks.put("rate 2025-12-05 HKD 0.9120", LocalDate.of(2025, 12, 5));
        return marks;
    }

    @Test
    void theSameInputsChangeNothing() {
        assertEquals(Optional.empty(), basis(AS_OF, "v1", market()).firstChange(basis(AS_OF, "v1", market())));
    }

    @Test
    void anAppendedDayChangesTheSeriesFromThatDayOn() {
        Map<String, LocalDate> now = market();
        now.put("prices 3 1", LocalDate.of(2026, 11, 26));
        now.put("prices 4 1", LocalDate.of(2026, 11, 27));
        assertEquals(Optional.of(LocalDate.of(2026, 11, 26)), basis(AS_OF, "v1", market()).firstChange(basis(AS_OF, "v1", now)));
    }

    @Test
    void aRewrittenBlockChangesTheSeriesFromItsFirstDateTheOldOneCounts() {
        // A row removed from block 2 rewrote it as block 5; block 1 (earlier) is untouched.
        Map<String, LocalDate> now = market();
        now.remove("prices 2 240");
        now.put("prices 5 239", LocalDate.of(2026, 1, 2));
        assertEquals(Optional.of(LocalDate.of(2026, 1, 2)), basis(AS_OF, "v1", market()).firstChange(basis(AS_OF, "v1", now)));
        // Gone entirely (a price file deleted): the missing mark's date counts just the same.
        Map<String, LocalDate> gone = market();
        gone.remove("prices 1 250");
        assertEquals(Optional.of(LocalDate.of(2025, 12, 5)), basis(AS_OF, "v1", market()).firstChange(basis(AS_OF, "v1", gone)));
    }

    @Test
    void aCorrectedListingOrRateChangesTheSeriesFromItsDate() {
        Map<String, LocalDate> now = market();
        now.remove("listing b");
        now.put("listing b corrected", LocalDate.of(2026, 1, 2));
        now.put("rate 2026-03-02 HKD 0.9001", LocalDate.of(2026, 3, 2));
        assertEquals(Optional.of(LocalDate.of(2026, 1, 2)), basis(AS_OF, "v1", market()).firstChange(basis(AS_OF, "v1", now)));
    }

    @Test
    void anotherAsOfDateChangesTheDaysAfterTheEarlierOne() {
        assertEquals(Optional.of(AS_OF.plusDays(1)),
                basis(AS_OF, "v1", market()).firstChange(basis(AS_OF.plusDays(3), "v1", market())));
        assertEquals(Optional.of(AS_OF.minusDays(9)),
                basis(AS_OF, "v1", market()).firstChange(basis(AS_OF.minusDays(10), "v1", market())));
    }

    @Test
    void anotherVersionOrFeeScheduleChangesEverything() {
        assertEquals(Optional.of(LocalDate.MIN), basis(AS_OF, "v1", market()).firstChange(basis(AS_OF, "v2", market())));
    }

    @Test
    void itIsKeptAsCompressedBytes() throws Exception {
        SeriesBasis basis = basis(AS_OF, "v1", market());
        assertEquals(basis, SeriesBasis.fromBytes(basis.toBytes()));
    }
}
