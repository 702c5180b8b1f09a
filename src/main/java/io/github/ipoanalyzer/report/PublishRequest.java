package io.github.ipoanalyzer.report;

import java.nio.file.Path;
import java.util.Map;

/**
 * One report to publish: of which run, from which input files (each file's hash as the run
 * took it when it started: not read again), into which output folder, keeping how many.
 */
public record PublishRequest(ReportRun run, Map<String, String> inputSha256, Path outputRoot, int keep) {
}
