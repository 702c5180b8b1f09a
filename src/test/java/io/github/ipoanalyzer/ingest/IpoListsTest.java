package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.market.Listing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An IPO list as Tushare or AKShare exports it, read as listings.csv: what it gives as the project's listings, what it lacks said. */
class IpoListsTest {

    private static final Path SAMPLES = Path.of("src/test/resources/sources/ipo-lists");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"new_share.csv", "stock_xgsglb_em.csv", "stock_ipo_ths.csv"})
    void theListGivesTheStarListingsOfTheShippedFile(String list) throws IOException {
        InputCheck.FileCheck listings = checkListings(list);
        List<Listing> shipped = InputCheck.check(Path.of("input")).get(0).rows().stream().map(Listing.class::cast)
                .filter(l -> l.ticker().endsWith(".SH")).toList();
        List<Listing> read = listings.rows().stream().map(Listing.class::cast).toList();
        assertEquals(shipped.stream().map(IpoListsTest::offer).toList(), read.stream().map(IpoListsTest::offer).toList());
        for (Listing l : read) {
            assertNull(l.totalShares(), "not in the list: unknown, so no market value");
            assertEquals(l.ticker(), l.nameEn(), "no English name: the ticker stands for it");
            assertTrue(l.note().contains("one lot of 500 shares by the STAR Market convention; total shares after listing "
                    + "not in the list, so no market value"), l.note());
        }
        assertTrue(listings.notices().get(0).startsWith("read as "), listings.notices().toString());
    }

    @Test
    void tushareProceedsAreIn100Millions() throws IOException {
        Listing moore = (Listing) checkListings("new_share.csv").rows().get(0);
        assertEquals(0, new BigDecimal("7999600000").compareTo(moore.grossProceedsStated()), "79.996 亿元");
    }

    @Test
    void unlistedIposUnplaceableDatesAndSharesInTheWrongUnitAreRejected() throws IOException {
        assertEquals(List.of("4 issue_date  not-listed"), checkListings("new_share.csv").rejects().stream()
                .map(r -> r.line() + " " + r.column() + " " + r.rawValue() + " " + r.rule()).toList());
        List<InputCheck.Reject> rejects = checkListings("stock_xgsglb_em.csv").rejects();
        assertEquals(List.of("4 发行总数 7000 shares-units", "5 上市日期 12-17 date-format"), rejects.stream()
                .map(r -> r.line() + " " + r.column() + " " + r.rawValue() + " " + r.rule()).toList());
        assertEquals("上市日期 '12-17' has no year, so the day cannot be placed: export full dates", rejects.get(1).reason());
        assertTrue(rejects.get(0).reason().endsWith("name the unit in the header (发行总数(万股))"), rejects.get(0).reason());
        // 同花顺's page writes dates without a year, with the weekday: refused, never guessed.
        assertEquals(List.of("4 上市日期 12-19 周五 date-format"), checkListings("stock_ipo_ths.csv").rejects().stream()
                .map(r -> r.line() + " " + r.column() + " " + r.rawValue() + " " + r.rule()).toList());
    }

    @Test
    void aUnitNamedInTheHeaderOverridesTheDocumentedOne() throws IOException {
        Path input = dir.resolve("named");
        Files.createDirectories(input);
        Files.writeString(input.resolve("listings.csv"), "股票代码,股票简称,申购代码,发行总数(万股),发行价格,上市日期\n"
                + "688795,摩尔线程,787795,7000,114.28,2025-12-05\n");
        Listing moore = (Listing) InputCheck.check(input).get(0).rows().get(0);
        assertEquals(70_000_000L, moore.sharesOffered());
    }

    private InputCheck.FileCheck checkListings(String list) throws IOException {
        Path input = dir.resolve(list);
        Files.createDirectories(input);
        Files.copy(SAMPLES.resolve(list), input.resolve("listings.csv"));
        return InputCheck.check(input).get(0);
    }

    private static String offer(Listing l) {
        return String.join(" ", l.ticker(), l.exchange(), l.board(), l.currency().toString(), l.listingDate().toString(),
                l.offerPrice().stripTrailingZeros().toPlainString(), String.valueOf(l.lotShares()),
                String.valueOf(l.sharesOffered()), l.nameLocal());
    }
}
