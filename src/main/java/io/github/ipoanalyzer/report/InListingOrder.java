package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.market.Listing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Computes something for every listing on worker threads, a few listings ahead, and hands each
 * result on in listing order on the calling thread: the report is the same byte for byte as
 * computed one listing after the other, in less time. Says how far it got at a steady pace.
 */
final class InListingOrder {

    private static final Logger progressLog = LoggerFactory.getLogger("io.github.ipoanalyzer.progress");

    private final int threads;
    private final long progressIntervalNanos;

    InListingOrder(int threads, long progressIntervalNanos) {
        this.threads = threads;
        this.progressIntervalNanos = progressIntervalNanos;
    }

    /** Each listing's {@code work} to {@code consume}, in listing order; {@code rowsWritten} for the progress line. */
    <R> void forEach(List<Listing> listings, Function<Listing, R> work, Consumer<R> consume,
                     java.util.function.LongSupplier rowsWritten) {
        Progress progress = new Progress(listings.size(), progressIntervalNanos);
        AtomicInteger n = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "report-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<R>> ahead = new ArrayDeque<>();
            Iterator<Listing> next = listings.iterator();
            while (next.hasNext() || !ahead.isEmpty()) {
                while (next.hasNext() && ahead.size() < 2 * threads) {
                    Listing listing = next.next();
                    ahead.add(workers.submit(() -> work.apply(listing)));
                }
                consume.accept(ahead.poll().get());
                progress.listingDone(rowsWritten.getAsLong());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the report", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }

    /** A progress line every interval while the listings are computed: a whole market takes minutes. */
    private static final class Progress {
        private final int listings;
        private final long intervalNanos;
        private final long start = System.nanoTime();
        private long last = start;
        private int done;

        Progress(int listings, long intervalNanos) {
            this.listings = listings;
            this.intervalNanos = intervalNanos;
        }

        void listingDone(long seriesRows) {
            done++;
            long now = System.nanoTime();
            if (now - last >= intervalNanos && done < listings) {
                last = now;
                progressLog.info(String.format(Locale.ROOT, "  %-18s %,10d of %,d listings, %3.0f%%; %,d rows of "
                                + "market value and lot gains written (%,.0f rows/s)", "publishReport", done, listings,
                        100.0 * done / listings, seriesRows, seriesRows / ((now - start) / 1e9)));
            }
        }
    }

}
