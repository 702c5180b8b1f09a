package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.ingest.InputKind;
import io.github.ipoanalyzer.ingest.InputLayout;
import io.github.ipoanalyzer.store.InputFileLedger;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Splits the price files the load reads (in the reader's order) into contiguous groups of nearly
 * equal size in bytes, one per partition: the same groups for the same files and grid size, and
 * the files to read stay the same until the run has recorded them, so a restart loads exactly
 * the groups that did not finish, each from where its reader stopped. A large file is one group's.
 * Each group carries the manager's version: a remote worker of another version refuses it (its
 * rules may judge the rows otherwise).
 */
final class PriceFilesPartitioner implements Partitioner, StepExecutionListener {

    static final String FROM = "files.from";
    static final String TO = "files.to";
    /** How many price files the manager found to read, and the group's first, to check a worker sees the same. */
    static final String FILE_COUNT = "files.count";
    static final String FIRST_FILE = "files.first";

    private final InputKind<?> kind;
    private final InputFileLedger ledger;
    private final String version;
    private List<Long> sizes = List.of();
    private List<String> names = List.of();

    PriceFilesPartitioner(InputKind<?> kind, InputFileLedger ledger, String version) {
        this.kind = kind;
        this.ledger = ledger;
        this.version = version;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        InputLayout layout = new InputLayout(RunParameters.from(stepExecution.getJobParameters()).inputDir());
        List<Path> files = InputFilesReader.toRead(kind, layout, ledger);
        sizes = files.stream().map(p -> p.toFile().length()).toList();
        names = files.stream().map(layout::relative).toList();
    }

    /** At most {@code gridSize} groups, none empty (one empty group when there is no file to read). */
    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        int groups = Math.max(1, Math.min(gridSize, sizes.size()));
        long total = sizes.stream().mapToLong(Long::longValue).sum();
        long done = 0;
        int from = 0;
        for (int g = 0; g < groups; g++) {
            int to = from;
            long upTo = total * (g + 1) / groups;
            int leftForTheRest = groups - 1 - g;
            // Each group takes at least one file, and files while they fit under its share of the bytes.
            while (to < sizes.size() - leftForTheRest && (to == from || g == groups - 1 || done + sizes.get(to) <= upTo)) {
                done += sizes.get(to++);
            }
            ExecutionContext context = new ExecutionContext();
            context.putInt(FROM, from);
            context.putInt(TO, to);
            context.putString(RemotePartitions.VERSION, version);
            context.putInt(FILE_COUNT, sizes.size());
            if (from < to) {
                context.putString(FIRST_FILE, names.get(from));
            }
            partitions.put(String.format(Locale.ROOT, "prices-%05d", g), context);
            from = to;
        }
        return partitions;
    }

    /** A partition's share of the files to read. */
    static UnaryOperator<List<Path>> share(StepExecution partition) {
        ExecutionContext context = partition.getExecutionContext();
        int from = context.getInt(FROM);
        int to = context.getInt(TO);
        return files -> files.subList(Math.min(from, files.size()), Math.min(to, files.size()));
    }

    /**
     * Why a process of {@code version} cannot load the group as the manager that made it would, if
     * it cannot: another version, or an input folder that does not hold the files the manager
     * found at that path (not mounted there, or another copy).
     */
    static Optional<String> cannotLoad(StepExecution partition, String version, InputKind<?> kind,
                                       InputFileLedger ledger) {
        ExecutionContext context = partition.getExecutionContext();
        Optional<String> otherVersion = RemotePartitions.otherVersion(context, version);
        if (otherVersion.isPresent()) {
            return otherVersion;
        }
        InputLayout layout = new InputLayout(RunParameters.from(partition.getJobParameters()).inputDir());
        List<Path> files = InputFilesReader.toRead(kind, layout, ledger);
        int from = context.getInt(FROM);
        String first = from < files.size() ? layout.relative(files.get(from)) : "none";
        if (files.size() != context.getInt(FILE_COUNT, -1)
                || (context.containsKey(FIRST_FILE) && !context.getString(FIRST_FILE).equals(first))) {
            return Optional.of(String.format(Locale.ROOT, "this worker does not find in %s the price files the manager "
                    + "found there (%d to read, this group from %s; here %d, from %s): mount the input folder at the "
                    + "same path on every worker", layout.root(), context.getInt(FILE_COUNT, -1),
                    context.getString(FIRST_FILE, "none"), files.size(), first));
        }
        return Optional.empty();
    }
}
