package io.github.ipoanalyzer.ingest;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RowValuesTest {

    private static final List<String> HEADER = List.of("ticker", "date", "close", "currency", "lot_shares");

    private static RowValues row(String... values) {
        return new RowValues(new CsvRecord("prices/x.csv", 7, HEADER, Arrays.asList(values)));
    }

    @Test
    void parsesPlainValuesAndTreatsEmptyAsUnknown() {
        RowValues v = row("688795.SH", "2025-12-05", "600.50", "CNY", "");
        assertEquals(LocalDate.of(2025, 12, 5), v.date("date"));
        assertEquals(0, new BigDecimal("600.5").compareTo(v.positiveDecimal("close")));
        assertNull(v.optionalPositiveWholeNumber("lot_shares"));
    }

    @Test
    void textWithInvisibleControlCharactersIsKeptAsGivenAndNamedInANotice() {
        RowValues clean = row("688795.SH", "2025-12-05", "600.50", "CNY", "");
        clean.text("ticker");
        assertEquals(java.util.Optional.empty(), clean.invisibleCharacters());
        RowValues v = row("688795\u200B.SH\u202E", "2025-12-05", "600.50", "C\u2066NY", "");
        assertEquals("688795\u200B.SH\u202E", v.text("ticker"), "the row keeps what the file says");
        v.optionalText("currency");
        v.text("ticker");
        assertEquals(java.util.Optional.of("line 7: invisible control characters left out of the report: ticker U+200B "
                + "(zero width space), U+202E (right-to-left override); currency U+2066 (left-to-right isolate)"),
                v.invisibleCharacters());
    }

    @Test
    void rejectsWithAReasonThatNamesWhatWasFound() {
        assertReject(() -> row("X", "2025-12-05", "1,234.50", "CNY", "").positiveDecimal("close"), "number-format",
                "close '1,234.50' has thousands separators: write it without them, e.g. 1234.50");
        assertReject(() -> row("X", "2025-12-05", "42.5%", "CNY", "").positiveDecimal("close"), "number-format",
                "close '42.5%' has a percent sign: write a plain number");
        assertReject(() -> row("X", "2025-12-05", "3177億", "CNY", "").positiveDecimal("close"), "number-format",
                "close '3177億' has a unit suffix: write the full number, e.g. 1.5億 as 150000000");
        assertReject(() -> row("X", "12/05", "1", "CNY", "").date("date"), "date-format",
                "date '12/05' is not a date written YYYY-MM-DD");
        // The plain YYYY-MM-DD fast path and LocalDate.parse agree on what is a date.
        assertEquals(LocalDate.of(2024, 2, 29), row("X", "2024-02-29", "1", "CNY", "").date("date"));
        for (String notADate : java.util.List.of("2025-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "2025-1-05",
                "2025-01-0a", "2025/01/05", " 2025-01-05x")) {
            assertReject(() -> row("X", notADate, "1", "CNY", "").date("date"), "date-format",
                    "date '" + notADate.trim() + "' is not a date written YYYY-MM-DD");
        }
        assertReject(() -> row("X", "2025-12-05", "0", "CNY", "").positiveDecimal("close"), "positive",
                "close must be greater than 0");
        assertReject(() -> row("X", "2025-12-05", "1", "RMB", "").currency("currency"), "currency",
                "currency 'RMB' is not an ISO 4217 currency code such as CNY or HKD");
        assertReject(() -> row("X", "2025-12-05", "1", "CNY", "500.5").optionalPositiveWholeNumber("lot_shares"),
                "whole-number", "lot_shares '500.5' must be a whole number of shares");
        assertReject(() -> row("", "2025-12-05", "1", "CNY", "").text("ticker"), "required", "ticker is required but empty");
        assertReject(() -> row("X", "2025-12-05", "1" + "0".repeat(26), "CNY", "").positiveDecimal("close"), "number-size",
                "close '1" + "0".repeat(26) + "' has more than 26 digits before or 12 after the decimal point");
        assertReject(() -> row("X", "2025-12-05", "1", "CNY", "99999999999999999999").optionalPositiveWholeNumber("lot_shares"),
                "number-size", "lot_shares '99999999999999999999' is too large");
        assertReject(() -> row("X", "+10000-01-01", "1", "CNY", "").date("date"), "date-range",
                "date +10000-01-01 is outside 1900-01-01 to 2199-12-31");
        assertReject(() -> row("X", "2025-12-05", "1e3", "CNY", "").positiveDecimal("close"), "number-format",
                "close '1e3' uses exponent notation: write the plain number");
        // Words with an e in them are no exponent notation.
        assertReject(() -> row("X", "2025-12-05", "not a price", "CNY", "").positiveDecimal("close"), "number-format",
                "close 'not a price' is not a plain decimal number");
    }

    @Test
    void aLineWithTheWrongNumberOfFieldsIsRejected() {
        assertReject(() -> row("X", "2025-12-05", "1", "234", "CNY", ""), "field-count",
                "the line has 6 fields but the header has 5 (an unquoted comma inside a value?)");
    }

    private static void assertReject(Runnable action, String rule, String reason) {
        RejectedRowException e = assertThrows(RejectedRowException.class, action::run);
        assertEquals(rule, e.rule());
        assertEquals(reason, e.reason());
    }
}
