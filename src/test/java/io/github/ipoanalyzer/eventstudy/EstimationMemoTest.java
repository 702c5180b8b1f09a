package io.github.ipoanalyzer.eventstudy;

import io.github.ipoanalyzer.analysis.IpoAnalyzer;
import io.github.ipoanalyzer.market.BenchmarkAssignment;
import io.github.ipoanalyzer.market.BenchmarkLevel;
import io.github.ipoanalyzer.market.DailyPrice;
import io.github.ipoanalyzer.market.Event;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.market.ListingHistory;
import io.github.ipoanalyzer.money.FxRates;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A listing's estimation sums kept from one run and used by the next: every CAR the same as one
 * computed from the first day (the records compare each number with its scale, as the report
 * prints it), and only the new days summed unless something before a kept sum changed.
 */
class EstimationMemoTest {

    private static final EventWindow AROUND = new EventWindow(-2, 2);
    private static final EstimationWindow ALL_DAYS = new EstimationWindow(null, 0, 30);
    private static final EstimationWindow LAST_60 = new EstimationWindow(-60, 5, 30);

    /** A listing's closes and its benchmark's levels, a random walk with 2 and 2 decimals, one per weekday. */
    private static final class Market {
        final List<LocalDate> days = new ArrayList<>();
        final Map<LocalDate, BigDecimal> closes = new HashMap<>();
        final Map<LocalDate, BigDecimal> levels = new HashMap<>();
        /** Trading days before the listing's first: the benchmark's only. */
        final int before;

        Market(int count, long seed) {
            this(count, seed, 0);
        }

        Market(int count, long seed, int before) {
            this.before = before;
            Random random = new Random(seed);
            LocalDate day = LocalDate.of(2024, 1, 1);
            long close = 1_000;
            long level = 300_000;
            levels.put(day.minusDays(1), BigDecimal.valueOf(level, 2));
            for (int i = 0; i < count; i++) {
                close = Math.max(1, close + random.nextInt(81) - 40);
                level = Math.max(1, level + random.nextInt(6001) - 3000);
                days.add(day);
                if (i >= before) {
                    closes.put(day, BigDecimal.valueOf(close, 2));
                }
                levels.put(day, BigDecimal.valueOf(level, 2));
                day = day.plusDays(day.getDayOfWeek().getValue() == 5 ? 3 : 1);
            }
        }

        void correct(int day, String by) {
            closes.put(days.get(day), closes.get(days.get(day)).add(new BigDecimal(by)));
        }

        /** One more trading day. */
        void append(String close, String level) {
            LocalDate last = days.get(days.size() - 1);
            LocalDate day = last.plusDays(last.getDayOfWeek().getValue() == 5 ? 3 : 1);
            days.add(day);
            closes.put(day, new BigDecimal(close));
            levels.put(day, new BigDecimal(level));
        }

        Listing listing() {
            return new Listing("T", "Test", null, "SSE", null, Currency.getInstance("CNY"), days.get(before),
                    new BigDecimal("9.00"), 500, 1000L, 10_000L, null, null);
        }

        List<DailyPrice> prices() {
            return days.stream().filter(closes::containsKey)
                    .map(d -> new DailyPrice("T", d, null, null, null, closes.get(d), null, null, null)).toList();
        }

        ListingReturns returns(ReturnKind kind) {
            return new ListingReturns(listing(), prices(), TradingCalendar.of(days), benchmark()).as(kind);
        }

        /** The event study of the listing as a report runs it, with events on these calendar days. */
        EventStudy.ListingResult study(EstimationMemo memo, int... eventDays) {
            List<BenchmarkLevel> levelRows = levels.entrySet().stream()
                    .map(e -> new BenchmarkLevel("X", e.getKey(), e.getValue(), null)).toList();
            List<Event> events = java.util.Arrays.stream(eventDays).mapToObj(k -> new Event("T", days.get(k), null,
                    "results", "results day " + k, "test", null)).toList();
            EventStudy study = new EventStudy(new EventStudySettings(List.of(AROUND), List.of(), 30, List.of()),
                    new FxRates(List.of()), List.of(listing()), Map.of("SSE", Set.copyOf(days)), levelRows,
                    List.of(new BenchmarkAssignment("SSE", null, null, "X")), events, List.of(), memo);
            ListingHistory history = new ListingHistory(listing(), prices(), List.of(), List.of());
            return study.study(new IpoAnalyzer(new FxRates(List.of()), days.get(days.size() - 1), 5).analyse(history),
                    history);
        }

        BenchmarkSeries benchmark() {
            return new BenchmarkSeries("X", levels, Map.of());
        }
    }

    /** As the event study makes it: the benchmark's close-to-close returns, of whatever kind the listing's are. */
    private static byte[][] chain(Market market, ListingReturns r) {
        TradingCalendar calendar = r.calendar();
        return ListingReturns.calendarChain(calendar, k -> market.benchmark().between(calendar.day(k - 1), calendar.day(k)));
    }

    /** The CARs of events on these calendar days, each with its one fit, as the event study asks for them. */
    private static List<CumulativeAbnormalReturn> study(ListingReturns r, EstimationWindow estimation, int... eventDays) {
        List<CumulativeAbnormalReturn> cars = new ArrayList<>();
        for (int day : eventDays) {
            cars.add(CumulativeAbnormalReturn.of(r, day, AROUND, estimation, AROUND.from()));
            cars.add(CumulativeAbnormalReturn.of(r, day, new EventWindow(0, 0), estimation, AROUND.from()));
        }
        return cars;
    }

    /** Run 1 on the market as it is, keeping its checkpoints: what the store would hold. */
    private static List<EstimationMemo.Checkpoint> firstRun(Market market, ReturnKind kind, EstimationWindow estimation,
                                                            int... eventDays) {
        ListingReturns r = market.returns(kind);
        r.resumingFrom(List.of(), chain(market, r));
        study(r, estimation, eventDays);
        // Through the bytes the store keeps.
        return EstimationMemo.decode(EstimationMemo.encode(r.checkpoints()));
    }

    private record Next(List<CumulativeAbnormalReturn> cars, int daysSummed) {
    }

    private static Next nextRun(Market market, ReturnKind kind, EstimationWindow estimation,
                                List<EstimationMemo.Checkpoint> kept, int... eventDays) {
        ListingReturns r = market.returns(kind);
        r.resumingFrom(kept, chain(market, r));
        return new Next(study(r, estimation, eventDays), r.daysSummed());
    }

    private static Next fromScratch(Market market, ReturnKind kind, EstimationWindow estimation, int... eventDays) {
        ListingReturns r = market.returns(kind);
        return new Next(study(r, estimation, eventDays), r.daysSummed());
    }

    @Test
    void aNightlyRunSumsOnlyTheDaysAfterItsLatestCheckpoint() {
        Market market = new Market(300, 1);
        List<EstimationMemo.Checkpoint> kept = firstRun(market, ReturnKind.SIMPLE, ALL_DAYS, 40, 150, 297);
        market.append("9.87", "2999.99");
        Next next = nextRun(market, ReturnKind.SIMPLE, ALL_DAYS, kept, 40, 150, 298);
        Next scratch = fromScratch(market, ReturnKind.SIMPLE, ALL_DAYS, 40, 150, 298);
        assertEquals(scratch.cars(), next.cars());
        assertTrue(scratch.cars().stream().allMatch(c -> CumulativeAbnormalReturn.MARKET_MODEL.equals(c.model())));
        // The fit of the event on day 298 ends before day 296; the kept one ended before day 295: day 295 alone.
        assertEquals(1, next.daysSummed());
        assertEquals(295, scratch.daysSummed()); // days 1 … 295
    }

    @Test
    void theSameInputsGiveTheSameSumsWithNothingSummed() {
        Market market = new Market(250, 2);
        List<EstimationMemo.Checkpoint> kept = firstRun(market, ReturnKind.SIMPLE, LAST_60, 100, 200, 249);
        Next next = nextRun(market, ReturnKind.SIMPLE, LAST_60, kept, 100, 200, 249);
        assertEquals(fromScratch(market, ReturnKind.SIMPLE, LAST_60, 100, 200, 249).cars(), next.cars());
        assertEquals(0, next.daysSummed());
    }

    @Test
    void aCorrectedCloseIsSummedAgainFromTheLastCheckpointBeforeIt() {
        Market market = new Market(300, 3);
        List<EstimationMemo.Checkpoint> kept = firstRun(market, ReturnKind.SIMPLE, ALL_DAYS, 40, 150, 297);
        market.closes.put(market.days.get(100), market.closes.get(market.days.get(100)).add(new BigDecimal("0.01")));
        Next next = nextRun(market, ReturnKind.SIMPLE, ALL_DAYS, kept, 40, 150, 297);
        Next scratch = fromScratch(market, ReturnKind.SIMPLE, ALL_DAYS, 40, 150, 297);
        assertEquals(scratch.cars(), next.cars());
        // The checkpoint before day 38 still holds; the later ones do not: days 38 … 294 again.
        assertEquals(294 - 38 + 1, next.daysSummed());
    }

    @Test
    void aCloseOnTheDayBeforeACheckpointsEndInvalidatesItAndOneOnTheEndDoesNot() {
        // Listed on calendar day 30, after 30 days of the benchmark alone: checkpoints end before days 118 and 198.
        Market market = new Market(260, 6, 30);
        List<EstimationMemo.Checkpoint> kept = firstRun(market, ReturnKind.SIMPLE, ALL_DAYS, 120, 200);
        Next unchanged = nextRun(market, ReturnKind.SIMPLE, ALL_DAYS, kept, 120, 200);
        assertEquals(0, unchanged.daysSummed());

        Market onTheEnd = new Market(260, 6, 30);
        onTheEnd.correct(198, "0.01"); // day 198's close: in the return of day 198, which the sums before 198 leave out
        Next keptAll = nextRun(onTheEnd, ReturnKind.SIMPLE, ALL_DAYS, kept, 120, 200);
        assertEquals(fromScratch(onTheEnd, ReturnKind.SIMPLE, ALL_DAYS, 120, 200).cars(), keptAll.cars());
        assertEquals(0, keptAll.daysSummed());

        Market dayBefore = new Market(260, 6, 30);
        dayBefore.correct(197, "0.01"); // in the return of day 197: the sums before 198 change
        Next summedAgain = nextRun(dayBefore, ReturnKind.SIMPLE, ALL_DAYS, kept, 120, 200);
        assertEquals(fromScratch(dayBefore, ReturnKind.SIMPLE, ALL_DAYS, 120, 200).cars(), summedAgain.cars());
        assertEquals(198 - 118, summedAgain.daysSummed()); // days 118 … 197, from the checkpoint still equal

        Market firstDay = new Market(260, 6, 30);
        firstDay.correct(30, "0.01"); // the first close: in the return of day 31, the first day summed
        Next fromTheStart = nextRun(firstDay, ReturnKind.SIMPLE, ALL_DAYS, kept, 120, 200);
        assertEquals(fromScratch(firstDay, ReturnKind.SIMPLE, ALL_DAYS, 120, 200).cars(), fromTheStart.cars());
        assertEquals(197 - 30, fromTheStart.daysSummed()); // days 31 … 197
    }

    @Test
    void aSumAskedForBeforeWhereTheRunningSumsStartIsSummedAgainWhereNoCheckpointHasIt() {
        Market market = new Market(300, 7);
        List<EstimationMemo.Checkpoint> kept = firstRun(market, ReturnKind.SIMPLE, ALL_DAYS, 40, 150, 297);
        // The last 60 days before each event now: the sums before day 140 are asked for after those before 193,
        // which start at the checkpoint of day 148.
        Next next = nextRun(market, ReturnKind.SIMPLE, LAST_60, kept, 200);
        Next scratch = fromScratch(market, ReturnKind.SIMPLE, LAST_60, 200);
        assertEquals(scratch.cars(), next.cars());
        assertTrue(scratch.cars().stream().allMatch(c -> CumulativeAbnormalReturn.MARKET_MODEL.equals(c.model())));
        assertTrue(next.daysSummed() < scratch.daysSummed(), next.daysSummed() + " against " + scratch.daysSummed());
    }

    @Test
    void aCheckpointIsNotUsedWhenTheCalendarTheBenchmarkOrTheKindOfReturnChangedBeforeIt() {
        Market before = new Market(200, 4);
        List<EstimationMemo.Checkpoint> kept = firstRun(before, ReturnKind.SIMPLE, ALL_DAYS, 190);

        Market level = new Market(200, 4);
        level.levels.put(level.days.get(120), level.levels.get(level.days.get(120)).add(new BigDecimal("0.01")));
        Next changedLevel = nextRun(level, ReturnKind.SIMPLE, ALL_DAYS, kept, 190);
        assertEquals(fromScratch(level, ReturnKind.SIMPLE, ALL_DAYS, 190).cars(), changedLevel.cars());
        assertEquals(187, changedLevel.daysSummed()); // days 1 … 187: the one checkpoint is no longer equal

        // A trading day without a close of the listing: the next day's return becomes unknown.
        Market calendar = new Market(200, 4);
        int friday = 120;
        while (calendar.days.get(friday).getDayOfWeek() != java.time.DayOfWeek.FRIDAY) {
            friday++;
        }
        LocalDate saturday = calendar.days.get(friday).plusDays(1);
        calendar.days.add(friday + 1, saturday);
        calendar.levels.put(saturday, calendar.levels.get(calendar.days.get(friday)));
        Next withDay = nextRun(calendar, ReturnKind.SIMPLE, ALL_DAYS, kept, 191);
        assertEquals(fromScratch(calendar, ReturnKind.SIMPLE, ALL_DAYS, 191).cars(), withDay.cars());
        assertTrue(withDay.daysSummed() > 150, "summed " + withDay.daysSummed());

        Next log = nextRun(before, ReturnKind.LOG, ALL_DAYS, kept, 190);
        assertEquals(fromScratch(before, ReturnKind.LOG, ALL_DAYS, 190).cars(), log.cars());
        assertTrue(log.daysSummed() > 150, "summed " + log.daysSummed());
    }

    @Test
    void theEventStudyGoesOnFromTheSumsItKeptAndKeepsThemAgainOnlyWhenTheyChange() {
        Market market = new Market(300, 9);
        Map<String, byte[]> store = new HashMap<>();
        List<String> saved = new ArrayList<>();
        EstimationMemo memo = new EstimationMemo(ticker -> Optional.ofNullable(store.get(ticker)), (ticker, state) -> {
            store.put(ticker, state);
            saved.add(ticker);
        });
        List<EventStudy.EventCar> scratch = market.study(EstimationMemo.NONE, 150, 290).cars();
        assertEquals(scratch, market.study(memo, 150, 290).cars());
        assertEquals(List.of("T"), saved);
        assertEquals(scratch, market.study(memo, 150, 290).cars());
        assertEquals(List.of("T"), saved, "the same sums are not written again");

        // Sums that differ from the true ones under digests that still hold: the study's CARs follow them.
        List<EstimationMemo.Checkpoint> kept = EstimationMemo.decode(store.get("T"));
        store.put("T", EstimationMemo.encode(kept.stream().map(c -> new EstimationMemo.Checkpoint(c.end(), c.digest(),
                c.sums().plus(new BigDecimal("0.01"), new BigDecimal("0.02")))).toList()));
        List<EventStudy.EventCar> fromKept = market.study(memo, 150, 290).cars();
        assertEquals(scratch.size(), fromKept.size());
        assertTrue(java.util.stream.IntStream.range(0, scratch.size()).anyMatch(i -> scratch.get(i).car().alpha() != null
                && !scratch.get(i).car().alpha().equals(fromKept.get(i).car().alpha())), "the kept sums were not used");
    }

    @Test
    void keptBytesOfAnotherFormatCutShortOrChangedAreNotUsed() {
        Market market = new Market(120, 5);
        List<EstimationMemo.Checkpoint> kept = firstRun(market, ReturnKind.SIMPLE, ALL_DAYS, 60, 110);
        byte[] bytes = EstimationMemo.encode(kept);
        assertEquals(2, kept.size());
        assertEquals(kept.get(1).sums(), EstimationMemo.decode(bytes).get(1).sums());
        assertEquals(List.of(), EstimationMemo.decode(java.util.Arrays.copyOf(bytes, bytes.length - 1)));
        byte[] other = bytes.clone();
        other[3] ^= 1; // inside the format's name
        assertEquals(List.of(), EstimationMemo.decode(other));
        byte[] changedSum = bytes.clone();
        changedSum[bytes.length - 6] ^= 1; // in the last sum's digits: it still reads, but not as kept
        assertEquals(List.of(), EstimationMemo.decode(changedSum));
    }
}
