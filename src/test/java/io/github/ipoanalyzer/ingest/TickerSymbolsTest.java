package io.github.ipoanalyzer.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TickerSymbolsTest {

    @ParameterizedTest
    @CsvSource({
            "688795, 688795.SH", "sh688795, 688795.SH", "sh.688795, 688795.SH", "SH688795, 688795.SH",
            "SH#688795, 688795.SH", "688795.SS, 688795.SH", "688795.SH, 688795.SH", "' 688795.sh ', 688795.SH",
            "000001, 000001.SZ", "sz.000001, 000001.SZ", "300750.SZ, 300750.SZ", "159915, 159915.SZ",
            "830799, 830799.BJ", "bj.430047, 430047.BJ", "920001, 920001.BJ", "900901, 900901.SH", "510300, 510300.SH",
            "06082, 6082.HK", "06082.HK, 6082.HK", "6082.HK, 6082.HK", "hk06082, 6082.HK", "HK.06082, 6082.HK",
            "31#09903, 9903.HK", "00700, 0700.HK", "700.HK, 0700.HK", "0700.HK, 0700.HK", "80737, 80737.HK"})
    void everyCommonSpellingHasOneForm(String raw, String expected) {
        assertEquals(Optional.of(expected), TickerSymbols.normalise(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"787795", "1", "6082", "688795.XX", "abc", "", "6887a", "6887950"})
    void whatCannotBePlacedIsRefused(String raw) {
        assertEquals(Optional.empty(), TickerSymbols.normalise(raw));
    }

    @Test
    void refusalsSayWhyAndWhichFormsWork() {
        assertTrue(TickerSymbols.whyNot("787795").contains("subscription code (申购代码)"));
        assertTrue(TickerSymbols.whyNot("1").contains("leading zeros were lost"));
        assertTrue(TickerSymbols.whyNot("abc").endsWith(TickerSymbols.FORMS));
    }

    @ParameterizedTest
    @CsvSource({"SH#688795.txt, 688795.SH", "31#09903.txt, 9903.HK", "688795.SS.csv, 688795.SH", "06082.csv, 6082.HK",
            "prices/stock_hk_hist_06082.csv, 6082.HK", "688795_daily.csv, 688795.SH", "6082.HK.csv, 6082.HK"})
    void aFileNameGivesItsTicker(String name, String expected) {
        assertEquals(Optional.of(expected), TickerSymbols.fromFileName(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"prices.csv", "688795_vs_688802.csv", "export.txt"})
    void aNameWithNoneOrTwoTickersGivesNone(String name) {
        assertEquals(Optional.empty(), TickerSymbols.fromFileName(name));
    }

    @Test
    void aFileNameGivesAnyTickerOfTheListingsInAnyOfItsSpellings() {
        List<String> listed = List.of("AMZN", "BRK.B", "688795.SH");
        assertEquals(Optional.of("AMZN"), TickerSymbols.fromFileName("prices/AMZN.csv", listed));
        assertEquals(Optional.of("AMZN"), TickerSymbols.fromFileName("amzn.csv", listed));
        assertEquals(Optional.of("BRK.B"), TickerSymbols.fromFileName("BRK-B.csv", listed), "Yahoo's spelling of BRK.B");
        assertEquals(Optional.of("AMZN"), TickerSymbols.fromFileName("AMZN_daily.csv", listed));
        assertEquals(Optional.of("688795.SH"), TickerSymbols.fromFileName("688795.csv", listed));
        // Only a ticker of listings.csv: a name that is no ticker, or one not listed, gives none.
        assertEquals(Optional.empty(), TickerSymbols.fromFileName("prices.csv", listed));
        assertEquals(Optional.empty(), TickerSymbols.fromFileName("MSFT.csv", listed));
        assertEquals(Optional.empty(), TickerSymbols.fromFileName("AMZN.csv"), "without the listings");
    }
}
