package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.ingest.FileRanges;
import io.github.ipoanalyzer.ingest.InputChangedException;
import io.github.ipoanalyzer.ingest.InputKind;
import io.github.ipoanalyzer.ingest.InputLayout;
import io.github.ipoanalyzer.store.FileTail;
import io.github.ipoanalyzer.store.InputFileLedger;
import io.github.ipoanalyzer.store.InputFingerprint;
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
 * the groups that did not finish, each from where its reader stopped. A file larger than a
 * group's share is cut into ranges of its lines ({@link FileRanges}), each a group of its own.
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
    /** Range keys: the bytes a partition reads of its one file, the line ends before them, their SHA-256. */
    static final String RANGE_FROM = "range.from";
    static final String RANGE_TO = "range.to";
    static final String RANGE_LINES = "range.lines";
    static final String RANGE_SHA = "range.sha256";
    /** 1 for the first range of a file, which alone judges whether the file's first rows are all rejected. */
    static final String RANGE_FIRST = "range.first";
    /**
     * A file is cut into ranges only when its bytes to read are more than a partition's fair
     * share (all the bytes to read over the grid size) and more than this ({@code
     * ipo.load-split-bytes}): a small file is never cut, its pass over the bytes costing more than
     * reading it on other threads saves.
     */
    private final long minSplitBytes;

    private List<Long> sizes = List.of();
    private List<String> names = List.of();
    private List<Path> paths = List.of();
    private Map<String, FileTail> tails = Map.of();
    private Map<String, InputFingerprint.FileState> fingerprinted = Map.of();

    PriceFilesPartitioner(InputKind<?> kind, InputFileLedger ledger, String version) {
        this(kind, ledger, version, Long.MAX_VALUE);
    }

    PriceFilesPartitioner(InputKind<?> kind, InputFileLedger ledger, String version, long minSplitBytes) {
        this.minSplitBytes = minSplitBytes;
        this.kind = kind;
        this.ledger = ledger;
        this.version = version;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        InputLayout layout = new InputLayout(RunParameters.from(stepExecution.getJobParameters()).inputDir());
        List<Path> files = InputFilesReader.toRead(kind, layout, ledger, stepExecution);
        names = files.stream().map(layout::relative).toList();
        paths = files;
        tails = ledger.tails();
        // What reconcileInputs fingerprinted (none where the step runs without it, as in a unit test).
        fingerprinted = stepExecution.getJobExecution().getExecutionContext().containsKey(RunContext.INPUT_FILES_KEY)
                ? RunContext.inputFiles(stepExecution) : Map.of();
        // The bytes to read: of a file that only had rows appended, those after its tail.
        sizes = files.stream().map(p -> p.toFile().length()
                - (tails.containsKey(layout.relative(p)) ? tails.get(layout.relative(p)).fromByte() : 0)).toList();
    }

    /**
     * At most {@code gridSize} groups, none empty (one empty group when there is no file to
     * read); when a file is larger than its fair share (and {@code ipo.load-split-bytes}) and can be
     * cut ({@link FileRanges}), each of its ranges is a group of its own and the other files are
     * grouped between them.
     */
    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        long total = sizes.stream().mapToLong(Long::longValue).sum();
        long fair = total / Math.max(1, gridSize);
        long share = Math.max(fair, minSplitBytes);
        Map<Integer, List<FileRanges.Range>> cuts = new java.util.HashMap<>();
        for (int i = 0; i < sizes.size(); i++) {
            if (sizes.get(i) > share) {
                int pieces = (int) Math.min(gridSize, (sizes.get(i) + fair - 1) / Math.max(1, fair));
                int file = i;
                cut(i, pieces).ifPresent(ranges -> cuts.put(file, ranges));
            }
        }
        if (cuts.isEmpty()) {
            return wholeFiles(gridSize);
        }
        // Whole files grouped in order up to a fair share each; each range of a cut file a group of its own.
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        int from = 0;
        long bytes = 0;
        for (int i = 0; i <= sizes.size(); i++) {
            boolean cut = cuts.containsKey(i);
            if (from < i && (i == sizes.size() || cut || bytes + sizes.get(i) > fair)) {
                partitions.put(name(partitions.size()), group(from, i));
                from = i;
                bytes = 0;
            }
            if (i == sizes.size()) {
                break;
            }
            if (cut) {
                for (FileRanges.Range range : cuts.get(i)) {
                    ExecutionContext context = group(i, i + 1);
                    context.putLong(RANGE_FROM, range.from());
                    context.putLong(RANGE_TO, range.to());
                    context.putLong(RANGE_LINES, range.linesBefore());
                    context.putString(RANGE_SHA, range.sha256());
                    context.putInt(RANGE_FIRST, range == cuts.get(i).get(0) ? 1 : 0);
                    partitions.put(name(partitions.size()), context);
                }
                from = i + 1;
            } else {
                bytes += sizes.get(i);
            }
        }
        return partitions;
    }

    /**
     * The ranges file {@code i} is cut into, if it can be cut: its first range holds at least as
     * many rows as a load judges before giving up on a file ({@link RowRuleProcessor#MAX_REJECTED_FROM_START}),
     * so that one range alone decides that. The bytes must be those the run fingerprinted.
     */
    private Optional<List<FileRanges.Range>> cut(int i, int pieces) {
        String name = names.get(i);
        FileTail tail = tails.get(name);
        try {
            int header = tail == null ? FileRanges.headerLines(paths.get(i), kind.format()) : 0;
            Optional<FileRanges.Cut> cut = FileRanges.cut(paths.get(i), tail == null ? 0 : tail.fromByte(),
                    tail == null ? 0 : tail.linesBefore(), header, RowRuleProcessor.MAX_REJECTED_FROM_START, pieces);
            InputFingerprint.FileState state = fingerprinted.get(name);
            if (cut.isPresent() && state != null && !cut.get().sha256().equals(state.sha256Read(tail != null))) {
                throw new InputChangedException(name, "it changed while being read");
            }
            return cut.map(FileRanges.Cut::ranges);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot read " + name, e);
        }
    }

    /** Whether a partition reads its files from where their reading starts (whole, or the first range of one). */
    static boolean readsFromStart(StepExecution partition) {
        return partition.getExecutionContext().getInt(RANGE_FIRST, 1) == 1;
    }

    private static String name(int group) {
        return String.format(Locale.ROOT, "prices-%05d", group);
    }

    /** A group of the files from {@code from} to before {@code to}. */
    private ExecutionContext group(int from, int to) {
        ExecutionContext context = new ExecutionContext();
        context.putInt(FROM, from);
        context.putInt(TO, to);
        context.putString(RemotePartitions.VERSION, version);
        context.putInt(FILE_COUNT, sizes.size());
        if (from < to) {
            context.putString(FIRST_FILE, names.get(from));
        }
        return context;
    }

    /** The range of its one file a partition reads, if it reads one. */
    static Optional<FileRanges.Range> range(StepExecution partition) {
        ExecutionContext context = partition.getExecutionContext();
        if (!context.containsKey(RANGE_FROM)) {
            return Optional.empty();
        }
        return Optional.of(new FileRanges.Range(context.getLong(RANGE_FROM), context.getLong(RANGE_TO),
                context.getLong(RANGE_LINES), context.getString(RANGE_SHA)));
    }

    private Map<String, ExecutionContext> wholeFiles(int gridSize) {
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
            partitions.put(name(g), group(from, to));
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
        List<Path> files = InputFilesReader.toRead(kind, layout, ledger, partition);
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
