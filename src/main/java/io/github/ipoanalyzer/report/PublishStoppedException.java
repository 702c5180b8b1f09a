package io.github.ipoanalyzer.report;

/** The report was not finished because the run was asked to stop; nothing was published. */
public final class PublishStoppedException extends RuntimeException {
    PublishStoppedException() {
        super("stopped before the report was published");
    }
}
