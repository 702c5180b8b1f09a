package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.ingest.InputChangedException;
import io.github.ipoanalyzer.ingest.InputLayout;
import io.github.ipoanalyzer.store.InputFileLedger;
import io.github.ipoanalyzer.store.FileHashMemo;
import io.github.ipoanalyzer.store.InputFingerprint;
import io.github.ipoanalyzer.text.ShortList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables keep the rows of unchanged input files and lose the rest (see InputFileLedger), so
 * that they mirror exactly one input folder and only new or changed files are parsed. The first
 * call fingerprints every file (and fails the run if that is not what the launch fingerprinted)
 * and decides; each later call removes one batch of rows in its own transaction, the list of
 * files left saved with it, so that millions of removed rows never sit in one transaction.
 */
final class ReconcileInputsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ReconcileInputsTasklet.class);
    private static final String PURGE_KEY = "files.to.purge";

    private final InputFileLedger ledger;
    private final String version;
    private final int rowsPerBlock;

    /** How many changed files a message names before "and N more". */
    private static final int NAMED_CHANGED = 10;
    /** Where the launch keeps its memo of the input files' hashes (null: every file is read). */
    private final Path memoFolder;

    ReconcileInputsTasklet(InputFileLedger ledger, String version, int rowsPerBlock, Path memoFolder) {
        this.ledger = ledger;
        this.memoFolder = memoFolder;
        this.version = version;
        this.rowsPerBlock = rowsPerBlock;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext context) {
        StepExecution step = context.getStepContext().getStepExecution();
        ExecutionContext progress = step.getExecutionContext();
        if (!progress.containsKey(PURGE_KEY)) {
            progress.put(PURGE_KEY, new ArrayList<>(decide(step)));
            return RepeatStatus.CONTINUABLE;
        }
        @SuppressWarnings("unchecked")
        ArrayList<String> toPurge = (ArrayList<String>) progress.get(PURGE_KEY);
        if (toPurge.isEmpty()) {
            return RepeatStatus.FINISHED;
        }
        if (ledger.purge(toPurge.get(0), InputFileLedger.PURGE_BATCH, rowsPerBlock) == 0) {
            toPurge.remove(0);
            progress.put(PURGE_KEY, toPurge);
        }
        return RepeatStatus.CONTINUABLE;
    }

    /**
     * The files whose bytes differ from what the launch hashed, where that is certain: the job
     * parameter is only the hash of the whole set, so the launch's memo of each file's hash (a file
     * it did not remember taken as unchanged) must give that hash again; else none are named (a file
     * added or removed since, one the launch did not remember, a memo of an earlier launch).
     */
    private static List<String> changedSinceTheLaunch(Map<String, String> now, InputLayout layout, FileHashMemo memo,
                                                      String launchFingerprint) {
        Map<String, String> asLaunched = new LinkedHashMap<>();
        now.forEach((name, sha256) -> asLaunched.put(name, memo.remembered(layout.root().resolve(name)).orElse(sha256)));
        if (!InputFingerprint.ofAll(asLaunched).equals(launchFingerprint)) {
            return List.of();
        }
        return now.keySet().stream().filter(name -> !now.get(name).equals(asLaunched.get(name))).toList();
    }

    /** Fingerprints the input folder, hands it on to the later steps, and returns the files whose rows must go. */
    private List<String> decide(StepExecution step) {
        RunParameters run = RunParameters.from(step.getJobParameters());
        // In the layout's order (listings first), which the report's input-files.csv and manifest keep.
        InputLayout layout = new InputLayout(run.inputDir());
        Map<String, Long> recordedSizes = ledger.recordedSizes();
        // A file the launch hashed and that has not changed since is not read again (see FileHashMemo).
        java.util.function.Function<Path, String> hashOf = memoFolder == null ? InputFingerprint::sha256
                : FileHashMemo.in(memoFolder)::sha256;
        LinkedHashMap<String, InputFingerprint.FileState> files = layout.readEach(file -> {
            long recorded = recordedSizes.getOrDefault(layout.relative(file), -1L);
            // A file with rows appended was read so by the launch's fingerprint, if it has not changed since.
            return FileHashMemo.grown(file, recorded).orElseGet(() -> InputFingerprint.state(file, recorded, hashOf));
        });
        Map<String, String> hashes = new LinkedHashMap<>();
        files.forEach((name, state) -> hashes.put(name, state.sha256()));
        if (!InputFingerprint.ofAll(hashes).equals(run.inputSha256())) {
            List<String> changed = memoFolder == null ? List.of()
                    : changedSinceTheLaunch(hashes, layout, FileHashMemo.in(memoFolder), run.inputSha256());
            throw changed.isEmpty() ? new InputChangedException("the input folder",
                    "a file in it changed between the launch's fingerprint and the start of the run")
                    : new InputChangedException(ShortList.of(changed, NAMED_CHANGED),
                    (changed.size() == 1 ? "it" : "they") + " changed between the launch's fingerprint and the start of the run");
        }
        step.getJobExecution().getExecutionContext().put(RunContext.INPUT_FILES_KEY, files);
        InputFileLedger.Reconciliation r = ledger.reconcile(files, version, run.reloadAll());
        step.getJobExecution().getExecutionContext().put(RunContext.APPENDED_KEY, new ArrayList<>(r.appended()));
        if (r.fullReload()) {
            log.info("Parsing every input file");
        } else {
            log.info("Files to parse again: {}; files read from their appended rows only: {}",
                    r.dropped().isEmpty() ? "none" : r.dropped(), r.appended().size());
        }
        return r.toPurge();
    }
}
