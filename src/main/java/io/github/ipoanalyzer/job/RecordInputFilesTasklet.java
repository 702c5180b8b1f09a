package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.ingest.InputChangedException;
import io.github.ipoanalyzer.ingest.InputLayout;
import io.github.ipoanalyzer.store.InputFileLedger;
import io.github.ipoanalyzer.store.InputFingerprint;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * After the loads: every input file must still be as the run fingerprinted it (size and
 * modification time); then the files now in the tables are recorded, so that the next run does
 * not parse them again. A file that changed is not recorded, so the next run reloads it.
 */
final class RecordInputFilesTasklet implements Tasklet {

    private final InputFileLedger ledger;
    private final String version;

    RecordInputFilesTasklet(InputFileLedger ledger, String version) {
        this.ledger = ledger;
        this.version = version;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext context) {
        StepExecution step = context.getStepContext().getStepExecution();
        RunParameters run = RunParameters.from(step.getJobParameters());
        InputLayout layout = new InputLayout(run.inputDir());
        Map<String, InputFingerprint.FileState> files = RunContext.inputFiles(step);
        Map<String, Path> paths = new HashMap<>();
        files.keySet().forEach(name -> paths.put(name, layout.root().resolve(name)));
        List<String> changed = files.entrySet().stream()
                .filter(e -> !e.getValue().stillMatches(paths.get(e.getKey()))).map(Map.Entry::getKey).toList();
        if (!changed.isEmpty()) {
            throw new InputChangedException(String.join(", ", changed), "it changed while the run loaded its inputs");
        }
        ledger.record(files, paths, version, run.runSequence());
        return RepeatStatus.FINISHED;
    }
}
