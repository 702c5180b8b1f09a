package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.ingest.CsvRecord;
import io.github.ipoanalyzer.ingest.CsvRecordReader;
import io.github.ipoanalyzer.ingest.FileRanges;
import io.github.ipoanalyzer.ingest.InputKind;
import io.github.ipoanalyzer.ingest.InputLayout;
import io.github.ipoanalyzer.store.FileTail;
import io.github.ipoanalyzer.store.InputFileLedger;
import io.github.ipoanalyzer.store.InputFingerprint;
import io.github.ipoanalyzer.store.MarketDataStore;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.file.MultiResourceItemReader;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Reads the files of one input kind that are not already in the tables: a restartable
 * {@link FilesReader} of {@link CsvRecordReader}s, made before the step opens it from
 * the run's job parameters (the input folder) and what reconcileInputs found (fingerprints,
 * appended files). The list of files is the same when a failed step restarts, because files are
 * recorded only after all loads. Registered as the step's listener where the step is built. A
 * partition of the price load reads its share of those files, or a range of the lines of one.
 */
final class InputFilesReader implements ItemStreamReader<CsvRecord>, StepExecutionListener {

    private final InputKind<?> kind;
    private final MarketDataStore store;
    private final LoadReads reads;
    private final java.util.function.Predicate<String> givenUp;
    private final UnaryOperator<List<Path>> share;
    private final Optional<FileRanges.Range> range;
    private MultiResourceItemReader<CsvRecord> files;

    /**
     * {@code givenUp}: the files whose reading ends early, their first rows all rejected;
     * {@code share}: of the files to read (in {@link #toRead} order), those this reader reads.
     */
    InputFilesReader(InputKind<?> kind, MarketDataStore store, LoadReads reads,
                     java.util.function.Predicate<String> givenUp, UnaryOperator<List<Path>> share) {
        this(kind, store, reads, givenUp, share, Optional.empty());
    }

    /** {@code range}: of the one file of its share, the range this reader reads ({@link PriceFilesPartitioner}). */
    InputFilesReader(InputKind<?> kind, MarketDataStore store, LoadReads reads,
                     java.util.function.Predicate<String> givenUp, UnaryOperator<List<Path>> share,
                     Optional<FileRanges.Range> range) {
        this.range = range;
        this.kind = kind;
        this.store = store;
        this.reads = reads;
        this.givenUp = givenUp;
        this.share = share;
    }

    @Override
    public void beforeStep(StepExecution step) {
        InputLayout layout = new InputLayout(RunParameters.from(step.getJobParameters()).inputDir());
        // Read once per step (the partitions share it): thousands of files, one query.
        Map<String, FileTail> tails = reads.tails(step);
        Map<String, InputFingerprint.FileState> fingerprinted = RunContext.inputFiles(step);
        // The listings are loaded in the first step; a file name may give one of their tickers.
        Set<String> listed = reads.listingsByTicker(step).keySet();
        CsvRecordReader file = new CsvRecordReader(kind.name() + "File", layout.root(), kind.format(),
                store::recordNotice, f -> Optional.ofNullable(tails.get(f)),
                f -> Optional.ofNullable(fingerprinted.get(f)).map(s -> s.sha256Read(tails.containsKey(f))),
                () -> listed);
        file.setGivenUp(givenUp);
        file.setRanges(f -> range);
        files = new FilesReader<>(file);
        files.setName(kind.name() + "Files");
        files.setResources(share.apply(reads.toRead(kind, layout, step)).stream().map(FileSystemResource::new).toArray(Resource[]::new));
        files.setStrict(false);
    }

    /**
     * Of the files of one kind, those of the run (fingerprinted by reconcileInputs: a file that
     * appeared since is left to the next run) that exist and are not already in the tables.
     */
    static List<Path> toRead(InputKind<?> kind, InputLayout layout, InputFileLedger ledger, StepExecution step) {
        Set<String> recorded = ledger.recordedPaths();
        Optional<Set<String>> ofTheRun = RunContext.fileNames(step.getJobExecution()).map(Set::copyOf);
        return layout.candidates(kind).stream()
                .filter(p -> ofTheRun.map(run -> run.contains(layout.relative(p))).orElse(true))
                .filter(p -> p.toFile().exists() && !recorded.contains(layout.relative(p))).toList();
    }

    @Override
    public CsvRecord read() throws Exception {
        return files.read();
    }

    @Override
    public void open(ExecutionContext executionContext) {
        files.open(executionContext);
    }

    @Override
    public void update(ExecutionContext executionContext) {
        files.update(executionContext);
    }

    @Override
    public void close() {
        files.close();
    }
}
