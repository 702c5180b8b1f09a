package io.github.ipoanalyzer.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The per-close series of a report, their rows read from the partitions' files and appended in
 * listing order, then closed: on a thread of its own where the report has more than one, beside
 * the tables, cohorts, charts and pages that need the processor. A whole market's series are
 * gigabytes that the disk takes its time over; the partitions' files, just written, are read
 * from memory a second time.
 */
final class SeriesWriter {

    private final SideTask task;

    private SeriesWriter(SideTask task) {
        this.task = task;
    }

    /**
     * Starts writing {@code series} (their months taken over already), the rows of the partition
     * records' tables at {@code columns} (one per series, in order), on a thread of its own if
     * {@code ownThread}, else now.
     */
    static SeriesWriter start(ReportParts parts, List<SeriesTable> series, List<Integer> columns, boolean ownThread,
                              BooleanSupplier stopRequested) {
        List<SeriesTable> tables = List.copyOf(series);
        List<Integer> at = List.copyOf(columns);
        return new SeriesWriter(SideTask.start("series", ownThread, () -> {
            try {
                for (Path file : parts.files()) {
                    try (ReportParts.Reader part = parts.read(file)) {
                        for (ListingPart listing = part.next(at::contains); listing != null;
                             listing = part.next(at::contains)) {
                            if (stopRequested.getAsBoolean()) {
                                throw new PublishStoppedException();
                            }
                            for (int i = 0; i < tables.size(); i++) {
                                tables.get(i).append(listing.rows().get(at.get(i)));
                            }
                        }
                    }
                }
            } finally {
                closeAll(tables);
            }
        }));
    }

    /** Waits until the series are written and closed; throws what their writing threw. */
    void await() throws IOException {
        task.finish();
    }

    /** After a failure elsewhere: stops the writing and waits for it to end (see {@link SideTask#abandon}). */
    void abandon(Exception failure) {
        task.abandon(failure);
    }

    private static void closeAll(List<SeriesTable> tables) throws IOException {
        List<IOException> failed = new ArrayList<>();
        for (SeriesTable table : tables) {
            try {
                table.close();
            } catch (IOException e) {
                failed.add(e);
            }
        }
        if (!failed.isEmpty()) {
            failed.subList(1, failed.size()).forEach(failed.get(0)::addSuppressed);
            throw failed.get(0);
        }
    }
}
