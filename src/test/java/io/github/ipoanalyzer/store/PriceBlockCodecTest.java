package io.github.ipoanalyzer.store;

import io.github.ipoanalyzer.market.DailyPrice;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PriceBlockCodecTest {

    private static Sourced<DailyPrice> row(long line, String date, String open, String high, String low, String close,
                                           Long volume, String turnover, String note) {
        return new Sourced<>(new DailyPrice("688795.SH", LocalDate.parse(date), dec(open), dec(high), dec(low),
                dec(close), volume, dec(turnover), note), "prices/a.csv", line);
    }

    private static BigDecimal dec(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    @Test
    void everyValueComesBackEqualWithItsScale() {
        List<Sourced<DailyPrice>> rows = List.of(
                row(2, "2025-12-05", "650.00", "688.00", "570.10", "600.5", 1_000_000L, "123456789.12", "首日"),
                // lines need not be consecutive (blank lines, rejects), dates need not ascend
                row(7, "2025-12-04", null, null, null, "114.28", null, null, null),
                // beyond 63 bits of unscaled value, a negative scale, a zero volume
                row(8, "2025-12-08", "123456789012345678901234.5678", "1E+3", "0.000001", null, 0L, "0", "a,\"b\""),
                row(1_000_000_000_123L, "1970-01-01", "1", null, null, null, Long.MAX_VALUE, null, ""));

        List<Sourced<DailyPrice>> back = PriceBlockCodec.decode(PriceBlockCodec.encode(rows), "688795.SH", "prices/a.csv");

        assertEquals(rows, back);
        // record equality uses BigDecimal.equals, which compares scale too; say it outright for one
        assertEquals(1, back.get(0).row().close().scale());
        assertEquals(-3, back.get(2).row().high().scale());
        assertArrayEquals(rows.stream().mapToLong(r -> r.row().date().toEpochDay()).toArray(),
                PriceBlockCodec.epochDays(PriceBlockCodec.encode(rows)));
    }

    @Test
    void aRowTakesAboutAsManyBytesAsItsDigits() {
        List<Sourced<DailyPrice>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rows.add(row(i + 2, LocalDate.of(2025, 12, 5).plusDays(i).toString(), "650.00", "688.00", "570.10",
                    "600.50", 1_000_000L + i, "123456789.12", null));
        }
        // 1 (date step) + 1 (line step) + 1 (mask) + 4 × 4 (scale, 65000 in 3 bytes) + 3 (volume)
        // + 6 (scale, 12345678912 in 5 bytes) = 28 bytes a row, against 60 in the CSV
        assertEquals(28, PriceBlockCodec.encode(rows).length / 1000);
    }
}
