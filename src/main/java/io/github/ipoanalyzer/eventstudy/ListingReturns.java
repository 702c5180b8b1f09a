package io.github.ipoanalyzer.eventstudy;

import io.github.ipoanalyzer.market.DailyPrice;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.money.Rounding;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * Daily returns of one listing and of its benchmark on its market's trading calendar. Day 0 is
 * the listing day: the stock's return is from the offer price to the first close, the
 * benchmark's from its last close before listing. Later days run close to close; a day without
 * a close (or without a previous one) has no return, never an interpolated one.
 */
public final class ListingReturns {

    private final Listing listing;
    private final TradingCalendar calendar;
    private final BenchmarkSeries benchmark;
    private final IntFunction<BenchmarkSeries.Return> closeToClose;
    private final int listingIndex;
    private ReturnKind kind = ReturnKind.SIMPLE;
    /** Each calendar day's close (null: none); the returns below are indexed by calendar day too. */
    private final BigDecimal[] closes;
    /** Each day's returns are computed once: an event study asks for the same days many times. */
    private final BigDecimal[] stockReturns;
    private final boolean[] stockKnown;
    private final BenchmarkSeries.Return[] marketReturns;
    /** The benchmark's products from each first day, this listing's own or shared ({@link #compoundedMarket}). */
    private MarketProducts marketProducts = new MarketProducts();
    private final Map<Long, Optional<BigDecimal[]>> fits = new HashMap<>();
    /** The sample and residual standard deviation of each estimation window: every window of an event asks for them. */
    private final Map<Long, EstimationSums> samples = new HashMap<>();
    private final Map<Long, Optional<BigDecimal>> residualSds = new HashMap<>();
    /** Running sums over the estimation points before each day from {@code base} on, as far as asked for (see {@link #sumsBefore}). */
    private final List<EstimationSums> sums = new ArrayList<>();
    private int base;
    private EstimationSums running = EstimationSums.NONE;
    /** How many days' points were added to the running sums: what a kept checkpoint saves. */
    private int daysSummed;
    /** The digests of the calendar and its benchmark returns (see {@link #calendarChain}); null: nothing kept or used. */
    private byte[][] chain;
    /** Checkpoints of an earlier run, as kept: checked against this run's inputs when first needed. */
    private List<EstimationMemo.Checkpoint> found = List.of();
    /** Those of them whose digest is this run's, by end. */
    private TreeMap<Integer, EstimationSums> valid;
    /** The digest of each end computed so far, and the closes digested up to {@code digestedTo} (see {@link #digest}). */
    private final Map<Integer, byte[]> digests = new HashMap<>();
    private Digests closesSoFar;
    private int digestedTo;
    /** The sums asked for in this computation, by end: the checkpoints a next run may use. */
    private final TreeMap<Integer, EstimationSums> asked = new TreeMap<>();

    public ListingReturns(Listing listing, List<DailyPrice> prices, TradingCalendar calendar, BenchmarkSeries benchmark) {
        this(listing, prices, calendar, benchmark, k -> benchmark.between(calendar.day(k - 1), calendar.day(k)));
    }

    /**
     * {@code closeToClose}: the benchmark's return on calendar day k ≥ 1 from the day before,
     * the same for every listing of the calendar, so that it can be computed once for all.
     */
    public ListingReturns(Listing listing, List<DailyPrice> prices, TradingCalendar calendar, BenchmarkSeries benchmark,
                          IntFunction<BenchmarkSeries.Return> closeToClose) {
        this.listing = listing;
        this.calendar = calendar;
        this.benchmark = benchmark;
        this.closeToClose = closeToClose;
        this.listingIndex = calendar.indexOf(listing.listingDate())
                .orElseThrow(() -> new IllegalArgumentException("the calendar lacks the listing day " + listing.listingDate()));
        this.closes = new BigDecimal[calendar.size()];
        this.stockReturns = new BigDecimal[calendar.size()];
        this.stockKnown = new boolean[calendar.size()];
        this.marketReturns = new BenchmarkSeries.Return[calendar.size()];
        // A history is in date order, as the calendar is: one walk along both.
        int day = 0;
        for (DailyPrice p : prices) {
            if (p.close() == null) {
                continue;
            }
            if (day > 0 && !calendar.day(day - 1).isBefore(p.date())) {
                day = 0; // a date at or before the walk's last: walk again from the start
            }
            while (day < closes.length && calendar.day(day).isBefore(p.date())) {
                day++;
            }
            if (day < closes.length && calendar.day(day).equals(p.date())) {
                closes[day] = p.close();
            }
        }
    }

    /** Daily returns of this kind from now on (simple until set); call before any return is asked for. */
    public ListingReturns as(ReturnKind returnKind) {
        this.kind = returnKind;
        return this;
    }

    public Listing listing() {
        return listing;
    }

    public TradingCalendar calendar() {
        return calendar;
    }

    public int listingIndex() {
        return listingIndex;
    }

    public BigDecimal close(int day) {
        return day >= 0 && day < closes.length ? closes[day] : null;
    }

    /** The stock's return on calendar day {@code k} (k ≥ listing day), or null when unknown. */
    public BigDecimal stock(int k) {
        if (k < listingIndex || k > lastDay()) {
            return null;
        }
        if (!stockKnown[k]) {
            BigDecimal previous = k == listingIndex ? listing.offerPrice() : closes[k - 1];
            stockReturns[k] = closes[k] == null || previous == null ? null : kind.of(Rounding.change(closes[k], previous));
            stockKnown[k] = true;
        }
        return stockReturns[k];
    }

    /** The benchmark's return on calendar day {@code k} (k ≥ listing day). */
    public BenchmarkSeries.Return market(int k) {
        if (marketReturns[k] == null) {
            BenchmarkSeries.Return r = k == listingIndex ? benchmark.onListingDay(calendar.day(k)) : closeToClose.apply(k);
            marketReturns[k] = kind == ReturnKind.SIMPLE || r.value() == null ? r
                    : new BenchmarkSeries.Return(kind.of(r.value()), r.note());
        }
        return marketReturns[k];
    }

    /**
     * The benchmark's factors {@code Π(1 + R_m)} of days {@code first} to {@code end} compounded in
     * day order, each step rounded ({@link Rounding#compound}), every day's return known; the
     * horizons of a buy-and-hold return share their multiplications.
     */
    BigDecimal compoundedMarket(int first, int end) {
        if (first < listingIndex) {
            throw new IllegalArgumentException("a buy-and-hold return starts on the listing day or later");
        }
        return marketProducts.over(first, first == listingIndex, end - first + 1,
                k -> BigDecimal.ONE.add(market(k).value()));
    }

    /**
     * Simple returns whose benchmark products are kept in {@code shared}, the same for every
     * listing of this calendar and benchmark, so that listings with one first day compound the
     * benchmark once.
     */
    ListingReturns sharingMarketProducts(MarketProducts shared) {
        if (kind != ReturnKind.SIMPLE) {
            throw new IllegalStateException("buy-and-hold products are of simple returns");
        }
        this.marketProducts = shared;
        return this;
    }

    /**
     * The market-model fit on the post-listing days strictly before {@code end} with both
     * returns (empty when there are fewer than {@code max(2, minDays)} or the benchmark does not
     * vary). Cached per {@code end}: windows of one event share it.
     */
    Optional<BigDecimal[]> marketModel(int from, int end, int minDays) {
        EstimationSums s = sample(from, end);
        if (s.n() < Math.max(2, minDays)) {
            return Optional.empty();
        }
        return fits.computeIfAbsent(key(from, end), e -> Optional.ofNullable(CumulativeAbnormalReturn.leastSquares(s)));
    }

    /**
     * The square root of the fit's residual variance {@code SSE / (n − 2)} on the same sample, the
     * variance exact from the sums; null without a fit.
     */
    BigDecimal residualSd(int from, int end, BigDecimal[] fit) {
        EstimationSums s = sample(from, end);
        if (fit == null || s.n() <= 2) {
            return null;
        }
        // The fit of a sample is one (cached in marketModel), so its deviation is too: one square root per event.
        return residualSds.computeIfAbsent(key(from, end), k -> {
            // SSE = Σy² − α·Σy − β·Σxy at the least-squares α and β.
            BigDecimal sse = s.sumYY().subtract(fit[0].multiply(s.sumY())).subtract(fit[1].multiply(s.sumXY()));
            return Optional.of(Rounding.divide(sse.max(BigDecimal.ZERO), BigDecimal.valueOf(s.n() - 2))
                    .sqrt(Rounding.DIVISION));
        }).orElse(null);
    }

    private static long key(int from, int end) {
        return ((long) from << 32) ^ (end & 0xFFFFFFFFL);
    }

    /** How many post-listing days from {@code from} to before {@code end} have both returns: the market model's sample. */
    int estimationDays(int from, int end) {
        return sample(from, end).n();
    }

    /** The points of the days from {@code from} (inclusive) to {@code end} (exclusive): a difference of running sums, exact. */
    private EstimationSums sample(int from, int end) {
        if (from <= 0) {
            return sumsBefore(end);
        }
        return samples.computeIfAbsent(key(from, end), k -> sumsBefore(end).minus(sumsBefore(Math.min(from, end))));
    }

    /** n, Σx, Σy, Σxy, Σx² of the points (x = benchmark return, y = stock return) of one sample, exact. */
    record EstimationSums(int n, BigDecimal sumX, BigDecimal sumY, BigDecimal sumXY, BigDecimal sumXX,
                          BigDecimal sumYY) {
        static final EstimationSums NONE = new EstimationSums(0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO);

        EstimationSums plus(BigDecimal x, BigDecimal y) {
            return new EstimationSums(n + 1, sumX.add(x), sumY.add(y), sumXY.add(x.multiply(y)), sumXX.add(x.multiply(x)),
                    sumYY.add(y.multiply(y)));
        }

        EstimationSums minus(EstimationSums earlier) {
            return new EstimationSums(n - earlier.n, sumX.subtract(earlier.sumX), sumY.subtract(earlier.sumY),
                    sumXY.subtract(earlier.sumXY), sumXX.subtract(earlier.sumXX), sumYY.subtract(earlier.sumYY));
        }
    }

    /**
     * The sums of the sample before {@code end}, from running sums built once per listing and
     * only as far as the latest {@code end} asked for: every event's fit then costs the same
     * however long the history (refitting from the points cost a pass over all of them per
     * event and window start). The running sums go on from the latest valid checkpoint of an
     * earlier run at or before {@code end} ({@link #resumingFrom}) where that is past the days
     * summed so far, or from the listing's first day.
     */
    private EstimationSums sumsBefore(int end) {
        int upTo = Math.max(0, Math.min(end, lastDay() + 1));
        EstimationSums s = prefix(upTo);
        if (chain != null) {
            asked.put(upTo, s);
        }
        return s;
    }

    private EstimationSums prefix(int upTo) {
        if (upTo >= base && upTo < base + sums.size()) {
            return sums.get(upTo - base);
        }
        TreeMap<Integer, EstimationSums> kept = validCheckpoints();
        Integer checkpoint = kept.floorKey(upTo);
        if (upTo < base) {
            if (checkpoint != null && checkpoint == upTo) {
                return kept.get(upTo);
            }
            // Before where the running sums start, with no checkpoint there: from an earlier one or the first day.
            base = 0;
            sums.clear();
            running = EstimationSums.NONE;
        }
        if (checkpoint != null && checkpoint >= base + sums.size()) {
            // A checkpoint past the days summed so far: go on from there.
            base = checkpoint;
            sums.clear();
            running = kept.get(checkpoint);
        }
        while (base + sums.size() <= upTo) {
            if (!sums.isEmpty()) {
                int k = base + sums.size() - 1; // the day the next sums take in
                if (k > listingIndex && k <= lastDay() && stock(k) != null && market(k).value() != null) {
                    running = running.plus(market(k).value(), stock(k));
                    daysSummed++;
                }
            }
            sums.add(running); // the points of days listingIndex + 1 … base + sums.size() − 1
        }
        return sums.get(upTo - base);
    }

    /**
     * Starts the estimation sums from an earlier run's checkpoints where this run's inputs give
     * the same digest (see {@link EstimationMemo}); {@code calendarChain}: this listing's
     * calendar's {@link #calendarChain}. Call before any return is asked for.
     */
    ListingReturns resumingFrom(List<EstimationMemo.Checkpoint> checkpoints, byte[][] calendarChain) {
        if (calendarChain.length != calendar.size() + 1) {
            throw new IllegalArgumentException("the chain is of another calendar");
        }
        this.chain = calendarChain;
        this.found = List.copyOf(checkpoints);
        return this;
    }

    /** The sums asked for in this computation with the digests of what they were computed from, by end. */
    List<EstimationMemo.Checkpoint> checkpoints() {
        if (chain == null) {
            return List.of();
        }
        List<EstimationMemo.Checkpoint> checkpoints = new ArrayList<>();
        asked.forEach((end, s) -> checkpoints.add(new EstimationMemo.Checkpoint(end, digest(end), s)));
        return checkpoints;
    }

    /** How many days' points this computation added to its running sums. */
    int daysSummed() {
        return daysSummed;
    }

    private TreeMap<Integer, EstimationSums> validCheckpoints() {
        if (valid == null) {
            valid = new TreeMap<>();
            // In the order of their ends, so that the closes are digested once.
            List<EstimationMemo.Checkpoint> byEnd = found.stream()
                    .filter(c -> c.end() >= 0 && c.end() <= lastDay() + 1)
                    .sorted(Comparator.comparingInt(EstimationMemo.Checkpoint::end)).toList();
            for (EstimationMemo.Checkpoint c : byEnd) {
                if (Arrays.equals(c.digest(), digest(c.end()))) {
                    valid.put(c.end(), c.sums());
                }
            }
        }
        return valid;
    }

    /**
     * The digest of what the sums before {@code end} are computed from: the calendar's dates and
     * the benchmark's returns before it ({@link #calendarChain}), the listing's first day, the
     * kind of return, and the listing's closes from its first day to the day before the end.
     * The closes are digested once for ends asked in increasing order (as both the check and the
     * kept checkpoints ask), from the first day again for an earlier one.
     */
    private byte[] digest(int end) {
        byte[] known = digests.get(end);
        if (known != null) {
            return known;
        }
        if (closesSoFar == null || end < digestedTo) {
            closesSoFar = new Digests();
            digestedTo = listingIndex;
        }
        for (; digestedTo < end; digestedTo++) {
            closesSoFar.add(closes[digestedTo]);
        }
        Digests at = closesSoFar.copy();
        at.add(EstimationMemo.FORMAT + "|" + kind + "|" + listingIndex + "|" + end);
        at.add(chain[end]);
        byte[] digest = at.finish();
        digests.put(end, digest);
        return digest;
    }

    /**
     * {@code chain[j]}: the digest of the calendar's dates 0 … j − 1 and the benchmark's
     * close-to-close returns of days 1 … j − 1 ({@code closeToClose}, as the listings of the
     * calendar share it): what a listing's estimation sums before day j depend on besides its own
     * closes. Computed once per calendar and benchmark.
     */
    static byte[][] calendarChain(TradingCalendar calendar, IntFunction<BenchmarkSeries.Return> closeToClose) {
        byte[][] chain = new byte[calendar.size() + 1][];
        chain[0] = new Digests().finish();
        for (int k = 0; k < calendar.size(); k++) {
            Digests d = new Digests();
            d.add(chain[k]);
            d.add(calendar.day(k).toString());
            d.add(k == 0 ? null : closeToClose.apply(k).value());
            chain[k + 1] = d.finish();
        }
        return chain;
    }

    /** SHA-256 of a sequence of values, each written so that no two sequences read alike. */
    private static final class Digests {
        private final MessageDigest sha;
        private final ByteBuffer buffer = ByteBuffer.allocate(16);

        Digests() {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JVM", e);
            }
        }

        private Digests(MessageDigest sha) {
            this.sha = sha;
        }

        Digests copy() {
            try {
                return new Digests((MessageDigest) sha.clone());
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
            }
        }

        void add(BigDecimal d) {
            buffer.clear();
            if (d == null) {
                sha.update((byte) 0);
            } else if (d.unscaledValue().bitLength() < 64) {
                sha.update(buffer.put((byte) 1).putLong(d.unscaledValue().longValue()).putInt(d.scale()).array(), 0,
                        buffer.position());
            } else {
                byte[] unscaled = d.unscaledValue().toByteArray();
                sha.update(buffer.put((byte) 2).putInt(unscaled.length).putInt(d.scale()).array(), 0, buffer.position());
                sha.update(unscaled);
            }
        }

        void add(byte[] bytes) {
            buffer.clear();
            sha.update(buffer.putInt(bytes.length).array(), 0, Integer.BYTES);
            sha.update(bytes);
        }

        void add(String text) {
            add(text.getBytes(StandardCharsets.UTF_8));
        }

        byte[] finish() {
            return sha.digest();
        }
    }

    /** True when day {@code k} is in the data and both the stock's and the benchmark's return are known. */
    public boolean hasBothReturns(int k) {
        return k >= listingIndex && k <= lastDay() && stock(k) != null && market(k).value() != null;
    }

    /** The last calendar day of the data. */
    public int lastDay() {
        return calendar.size() - 1;
    }
}
