package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.ingest.CsvRecord;
import io.github.ipoanalyzer.ingest.FileRanges;
import io.github.ipoanalyzer.store.FileTail;
import io.github.ipoanalyzer.ingest.InputLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.ItemReadListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Progress lines for a load step at a steady pace (at most one per interval), and one line at
 * its end: rows read, loaded and rejected, the file being read (named) of how many, the share of the
 * step's bytes read (completed files, plus the characters of the current one's records so far:
 * close to bytes for the ASCII of price files) and the rate. A partition of the price load
 * speaks for its own files, under the load's name, and names its group of files. Batch 6's chunk-oriented step calls the {@link Chunk} callbacks, so the step
 * execution is kept from {@link #beforeStep}.
 */
public class ProgressLogger<O> implements ChunkListener<CsvRecord, O>, ItemReadListener<CsvRecord>, StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger("io.github.ipoanalyzer.progress");

    private final String name;
    private final long intervalNanos;
    private final BiFunction<InputLayout, StepExecution, List<Path>> files;
    private final Function<StepExecution, Map<String, FileTail>> tails;
    private Optional<FileRanges.Range> range = Optional.empty();
    private StepExecution step;
    private long startNanos;
    private long lastNanos;
    private final Map<String, Long> sizes = new HashMap<>();
    private long totalBytes;
    private long doneBytes;
    private int fileIndex;
    private String currentFile;
    private long currentBytes;

    /**
     * {@code name}: the load's step name; {@code files}: the files the step reads, as its reader
     * chooses them; {@code tails}: where the reading of a file that only had rows appended starts
     * (its bytes before are not read).
     */
    public ProgressLogger(String name, long intervalMillis, BiFunction<InputLayout, StepExecution, List<Path>> files,
                          Function<StepExecution, Map<String, FileTail>> tails) {
        this.name = name;
        this.intervalNanos = intervalMillis * 1_000_000L;
        this.files = files;
        this.tails = tails;
    }

    /** A partition that reads one range of its one file: the range's bytes are the step's. */
    ProgressLogger<O> reading(Optional<FileRanges.Range> range) {
        this.range = range;
        return this;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        step = stepExecution;
        startNanos = System.nanoTime();
        lastNanos = startNanos;
        InputLayout layout = new InputLayout(RunParameters.from(stepExecution.getJobParameters()).inputDir());
        sizes.clear();
        Map<String, FileTail> from = tails.apply(stepExecution);
        for (Path file : files.apply(layout, stepExecution)) {
            String name = layout.relative(file);
            long skipped = from.containsKey(name) ? from.get(name).fromByte() : 0;
            sizes.put(name, range.map(r -> r.to() - r.from()).orElse(new File(file.toString()).length() - skipped));
        }
        totalBytes = sizes.values().stream().mapToLong(Long::longValue).sum();
        doneBytes = 0;
        fileIndex = 0;
        currentFile = null;
    }

    @Override
    public void afterRead(CsvRecord item) {
        if (!item.file().equals(currentFile)) {
            if (currentFile != null) {
                doneBytes += sizes.getOrDefault(currentFile, 0L);
            }
            currentFile = item.file();
            fileIndex++;
            currentBytes = recordLength(item.header());
        }
        currentBytes += recordLength(item.values());
    }

    /** Characters of one CSV line: its values, the commas between them and the line end. */
    private static long recordLength(List<String> values) {
        long length = values.size();
        for (String v : values) {
            length += v.length();
        }
        return length;
    }

    @Override
    public void afterChunk(Chunk<O> chunk) {
        long now = System.nanoTime();
        if (step != null && now - lastNanos >= intervalNanos) {
            lastNanos = now;
            log.info(line(step, now, false));
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        // A load with no file to read (absent, or unchanged since the run that parsed it) has nothing
        // to say: the summary names every file and when it was parsed.
        if (!sizes.isEmpty()) {
            log.info(line(stepExecution, System.nanoTime(), true));
        }
        return null;
    }

    private String line(StepExecution s, long now, boolean done) {
        double seconds = Math.max((now - startNanos) / 1e9, 1e-3);
        // A partition's step is named after its worker step and its group: loadPriceFiles:prices-00001.
        int colon = s.getStepName().indexOf(':');
        String group = colon < 0 ? "" : " of group " + s.getStepName().substring(colon + 1);
        String file = currentFile == null ? "" : " (" + currentFile + ")";
        return String.format(Locale.ROOT, "  %-18s %,10d %s read, %,d loaded, %,d rejected; file %d of %d%s%s, %3.0f%%"
                        + " (%,.0f rows/s)", name, s.getReadCount(), s.getReadCount() == 1 ? "row" : "rows",
                s.getWriteCount(), s.getSkipCount(),
                fileIndex, sizes.size(), file, group, done ? 100.0 : percent(), s.getReadCount() / seconds);
    }

    private double percent() {
        if (totalBytes == 0) {
            return 100;
        }
        long current = Math.min(currentBytes, sizes.getOrDefault(currentFile, 0L));
        return Math.min(100.0, 100.0 * (doneBytes + current) / totalBytes);
    }
}
