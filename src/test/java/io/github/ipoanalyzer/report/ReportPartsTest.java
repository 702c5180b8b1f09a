package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.analysis.FirstDay;
import io.github.ipoanalyzer.analysis.FirstDayReturn;
import io.github.ipoanalyzer.analysis.IpoAnalysis;
import io.github.ipoanalyzer.analysis.OfferProceeds;
import io.github.ipoanalyzer.eventstudy.EventStudy;
import io.github.ipoanalyzer.eventstudy.EventWindow;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.money.FxRates;
import io.github.ipoanalyzer.money.Money;
import io.github.ipoanalyzer.subscription.PolicyBacktest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A report partition's file: what a partition writes reads back equal, decimals with their
 * scale; a record cut short (a killed worker) is dropped and the partition goes on after the
 * complete ones; a file of other work starts afresh and a file of another format is refused.
 */
class ReportPartsTest {

    @TempDir
    Path folder;

    private static final String WORK = "1.0|run-7|0|3|series from the first month";

    @Test
    void aListingReadsBackAsWrittenDecimalsWithTheirScaleAndUnknownsUnknown() throws IOException {
        ReportParts parts = new ReportParts(folder);
        ListingPart moore = part(0, moore());
        ListingPart peer = part(1, peer());
        try (ReportPartWriter writer = parts.write(0, WORK)) {
            writer.add(moore);
            writer.add(peer);
        }
        List<ListingPart> read = readAll(parts);
        assertEquals(2, read.size());
        assertSame(moore, read.get(0));
        assertSame(peer, read.get(1));
        IpoAnalysis a = read.get(0).summary();
        // 114.28 is kept as 11428 × 10^-2, 8E+3 as 8 × 10^3: equal, scale included.
        assertEquals(2, a.listing().offerPrice().scale());
        assertEquals(-3, a.proceeds().grossProceeds().amount().scale());
        assertEquals("摩尔线程", a.listing().nameLocal());
        assertEquals(Boolean.FALSE, a.firstDayReturn().brokeAtClose());
        assertNull(a.firstDayReturn().brokeAtLow(), "an unknown flag stays unknown, never false");
        assertNull(read.get(1).summary().proceeds(), "a peer has no proceeds");
        assertTrue(read.get(1).summary().offerInCny().isEmpty());
    }

    @Test
    void aRecordCutShortIsDroppedAndThePartitionGoesOnAfterTheCompleteOnes() throws IOException {
        ReportParts parts = new ReportParts(folder);
        try (ReportPartWriter writer = parts.write(0, WORK)) {
            assertEquals(0, writer.listingsBefore());
            writer.add(part(0, moore()));
            writer.add(part(1, peer()));
            writer.add(part(2, moore()));
        }
        Path file = parts.files().get(0);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 5); // the worker was killed while the third record was written
        }
        try (ReportPartWriter writer = parts.write(0, WORK)) {
            assertEquals(2, writer.listingsBefore(), "the two complete records are kept");
            writer.add(part(2, peer()));
        }
        List<ListingPart> read = readAll(parts);
        assertEquals(List.of(0, 1, 2), read.stream().map(ListingPart::index).toList());
        assertSame(part(2, peer()), read.get(2));
    }

    @Test
    void aFileOfOtherWorkStartsAfreshAndOneOfAnotherFormatIsRefused() throws IOException {
        ReportParts parts = new ReportParts(folder);
        try (ReportPartWriter writer = parts.write(0, WORK)) {
            writer.add(part(0, moore()));
        }
        try (ReportPartWriter writer = parts.write(0, "1.0|run-8|0|3|series from the first month")) {
            assertEquals(0, writer.listingsBefore(), "another run's listings are not this one's");
        }
        assertEquals(List.of(), readAll(parts));

        // A file as the Java-serialization format (1) began: its header names no format 2.
        Path old = parts.files().get(0);
        byte[] header = ("ipo-analyzer report partition|" + WORK).getBytes(StandardCharsets.UTF_8);
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(old))) {
            out.writeInt(header.length);
            out.write(header);
        }
        IOException refused = assertThrows(IOException.class, () -> readAll(parts));
        assertTrue(refused.getMessage().contains("another version of ipo-analyzer"), refused.getMessage());
        try (ReportPartWriter writer = parts.write(0, WORK)) {
            assertEquals(0, writer.listingsBefore(), "a partition computing again starts such a file afresh");
        }
    }

    private static List<ListingPart> readAll(ReportParts parts) throws IOException {
        List<ListingPart> all = new ArrayList<>();
        for (Path file : parts.files()) {
            try (ReportParts.Reader reader = parts.read(file)) {
                for (ListingPart p = reader.next(); p != null; p = reader.next()) {
                    all.add(p);
                }
            }
        }
        return all;
    }

    /** Records compare their components with equals, but a chunk's bytes are an array: compared by content. */
    private static void assertSame(ListingPart expected, ListingPart actual) {
        assertEquals(expected.index(), actual.index());
        assertEquals(expected.summary(), actual.summary());
        assertEquals(expected.carValues(), actual.carValues());
        assertEquals(expected.pathPoints(), actual.pathPoints());
        assertEquals(List.of(expected.leftOut().prices(), expected.leftOut().revenue(), expected.leftOut().caps()),
                List.of(actual.leftOut().prices(), actual.leftOut().revenue(), actual.leftOut().caps()));
        assertEquals(expected.rows().size(), actual.rows().size());
        for (int i = 0; i < expected.rows().size(); i++) {
            List<RenderedRows.Chunk> e = expected.rows().get(i).chunks();
            List<RenderedRows.Chunk> a = actual.rows().get(i).chunks();
            assertEquals(e.size(), a.size());
            for (int j = 0; j < e.size(); j++) {
                assertEquals(e.get(j).month(), a.get(j).month());
                assertEquals(e.get(j).count(), a.get(j).count());
                assertArrayEquals(e.get(j).utf8(), a.get(j).utf8());
            }
        }
    }

    private static ListingPart part(int index, IpoAnalysis summary) {
        List<EventStudy.CarValue> cars = List.of(
                new EventStudy.CarValue("688795.SH", "listing", new EventWindow(-1, 1), new BigDecimal("0.0123400"),
                        null, LocalDate.of(2025, 12, 5)),
                new EventStudy.CarValue("688795.SH", "lockup-expiry", new EventWindow(0, 0), new BigDecimal("-1E-7"),
                        new BigDecimal("-2.5"), LocalDate.of(2026, 6, 5)));
        List<EventStudy.PathPoint> points = List.of(new EventStudy.PathPoint("listing", -1, new BigDecimal("0.00")));
        List<RenderedRows> rows = List.of(
                new RenderedRows(List.of(new RenderedRows.Chunk("", "688795.SH,摩尔线程,4.25\r\n"
                        .getBytes(StandardCharsets.UTF_8), 1))),
                new RenderedRows(List.of()),
                new RenderedRows(List.of(
                        new RenderedRows.Chunk("2025-12", "a\r\nb\r\n".getBytes(StandardCharsets.UTF_8), 2),
                        new RenderedRows.Chunk("2026-01", new byte[0], 0))));
        // The one-lot application of a listing with a table, and a policy skipped, with its reason.
        SubscriberFigures subscriber = new SubscriberFigures(List.of(
                new PolicyBacktest.Choice("one-lot", "200 shares, pool A", Money.of("3959.53", "HKD"), 2,
                        Money.of("146.2328045888", "HKD"), "allotment-basis.csv line 2", null),
                new PolicyBacktest.Choice("cap", null, null, null, null, null, "no A-share subscription cap in offers.csv")),
                new BigDecimal("2347.53"), new BigDecimal("34.460"));
        return new ListingPart(index, summary, subscriber, cars, points, new AsOfInputs.Tally(3, 0, 1), rows);
    }

    /** Moore Threads as of its first day: the offer, the first day and the returns of the shipped input. */
    private static IpoAnalysis moore() {
        Currency cny = Currency.getInstance("CNY");
        Listing listing = new Listing("688795.SH", "Moore Threads", "摩尔线程", "SSE", "STAR", cny,
                LocalDate.of(2025, 12, 5), new BigDecimal("114.28"), 500, 70_000_000L, 470_023_534L,
                null, null, null, 28_000_000L);
        FirstDay day = new FirstDay(LocalDate.of(2025, 12, 5), new BigDecimal("650.00"), new BigDecimal("688.00"),
                new BigDecimal("520.00"), new BigDecimal("600.50"), LocalDate.of(2025, 12, 5), 0, 12_345_678L,
                new BigDecimal("7.4E+9"), "approximate");
        FirstDayReturn returns = new FirstDayReturn(new BigDecimal("4.6877"), null, new BigDecimal("3.55"),
                new BigDecimal("4.2546"), new BigDecimal("-0.0761538461538"), false, null);
        OfferProceeds proceeds = new OfferProceeds(new Money(new BigDecimal("8E+3"), cny),
                new Money(new BigDecimal("34039000000.00"), cny));
        FxRates.Conversion offerCny = new FxRates.Conversion(new Money(new BigDecimal("114.28"), cny), BigDecimal.ONE, null);
        return new IpoAnalysis(listing, day, returns, proceeds, List.of(), Optional.empty(), offerCny, List.of(),
                List.of(), null, null, null);
    }

    /** A seasoned peer: no offer terms, nothing of a first day known. */
    private static IpoAnalysis peer() {
        Listing listing = new Listing("NVDA", "NVIDIA", null, "NASDAQ", null, Currency.getInstance("USD"),
                LocalDate.of(1999, 1, 22), null, 0, 0, null, null, "peer", null, null);
        return new IpoAnalysis(listing, FirstDay.notStudied(listing.listingDate()), FirstDayReturn.NONE, null,
                List.of(), Optional.empty(), null, List.of(), List.of(), null, null, null);
    }
}
