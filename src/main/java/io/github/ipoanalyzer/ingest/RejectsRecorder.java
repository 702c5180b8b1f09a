package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.store.MarketDataStore;
import org.springframework.batch.core.listener.SkipListener;

/**
 * Writes every skipped row to REJECTED_ROW. Batch 6 calls it inside the chunk transaction, so a
 * reject commits or rolls back with the rows loaded beside it: after a restart nothing is lost
 * or counted twice.
 */
public class RejectsRecorder implements SkipListener<CsvRecord, Object> {

    private final MarketDataStore store;

    public RejectsRecorder(MarketDataStore store) {
        this.store = store;
    }

    @Override
    public void onSkipInProcess(CsvRecord item, Throwable t) {
        store.recordReject(((RejectedRowException) t).at(item));
    }
}
