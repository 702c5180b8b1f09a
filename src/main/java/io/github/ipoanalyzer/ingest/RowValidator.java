package io.github.ipoanalyzer.ingest;

import io.github.ipoanalyzer.store.Sourced;
import io.github.ipoanalyzer.market.Listing;
import io.github.ipoanalyzer.store.MarketDataStore;
import io.github.ipoanalyzer.store.Table;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.util.Map;
import java.util.function.Function;

/**
 * Turns a raw {@link CsvRecord} into a validated row of one table, or throws the
 * {@link RejectedRowException} that says why not. Before the step it reads what is already
 * committed (listings for reference checks, this table's rows for duplicate checks) so that a
 * restarted step judges the remaining rows exactly as an uninterrupted one would.
 */
public abstract class RowValidator<T> implements ItemProcessor<CsvRecord, Sourced<T>>, StepExecutionListener,
        ChunkListener<CsvRecord, Sourced<T>> {

    protected final MarketDataStore store;
    private final RowGuard<T> duplicates;
    protected Map<String, Listing> listings = Map.of();

    protected RowValidator(MarketDataStore store, Table<T> table, Function<T, Object> key, String keyDescription) {
        this.store = store;
        this.duplicates = new DuplicateGuard<>(key, keyDescription, () -> store.loadAll(table));
    }

    protected RowValidator(MarketDataStore store, RowGuard<T> duplicates) {
        this.store = store;
        this.duplicates = duplicates;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        listings = store.listingsByTicker();
        duplicates.seed();
    }

    @Override
    public void afterChunk(Chunk<Sourced<T>> chunk) {
        duplicates.committed();
    }

    @Override
    public Sourced<T> process(CsvRecord record) {
        T row = validate(new RowValues(record));
        return duplicates.admit(new Sourced<>(row, record.file(), record.line()));
    }

    protected abstract T validate(RowValues values);

    /** The listing of a ticker column, or a reject saying the ticker is not in listings.csv. */
    protected Listing listingOf(RowValues values) {
        String ticker = values.text("ticker");
        Listing listing = listings.get(ticker);
        if (listing == null) {
            throw values.reject("ticker", "unknown-ticker", "no listing for ticker " + ticker + " in listings.csv");
        }
        return listing;
    }
}
