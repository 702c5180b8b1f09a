package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.store.InputFingerprint;
import org.springframework.batch.core.step.StepExecution;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the job's steps hand on to each other in the job execution context, under one set of keys. */
final class RunContext {

    /** Each input file as reconcileInputs found it (relative path to its state), in the layout's order. */
    static final String INPUT_FILES_KEY = "input.files";

    /** The input files read from their appended rows only (a list of relative paths). */
    static final String APPENDED_KEY = "input.appended";

    private RunContext() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, InputFingerprint.FileState> inputFiles(StepExecution step) {
        return new LinkedHashMap<>((Map<String, InputFingerprint.FileState>)
                step.getJobExecution().getExecutionContext().get(INPUT_FILES_KEY));
    }

    /**
     * The input files of the run, as reconcileInputs fingerprinted them, in the layout's order; empty
     * before it has (or where a step runs without it, as in a unit test). A file that appeared
     * since is not the run's: the next run reads it.
     */
    static java.util.Optional<java.util.List<String>> fileNames(org.springframework.batch.core.job.JobExecution execution) {
        Object files = execution.getExecutionContext().get(INPUT_FILES_KEY);
        return files instanceof Map<?, ?> map ? java.util.Optional.of(map.keySet().stream().map(String::valueOf).toList())
                : java.util.Optional.empty();
    }

    /** The input files the run reads from their appended rows only, the rows before kept from an earlier run. */
    @SuppressWarnings("unchecked")
    static java.util.Set<String> appended(org.springframework.batch.core.job.JobExecution execution) {
        Object files = execution.getExecutionContext().get(APPENDED_KEY);
        return files instanceof java.util.List<?> list ? java.util.Set.copyOf((java.util.List<String>) list) : java.util.Set.of();
    }

    /** Each input file's SHA-256 as reconcileInputs found it, in the layout's order. */
    static Map<String, String> inputHashes(StepExecution step) {
        Map<String, String> hashes = new LinkedHashMap<>();
        inputFiles(step).forEach((file, state) -> hashes.put(file, state.sha256()));
        return hashes;
    }
}
