package io.github.ipoanalyzer.launch;

/** The process exit codes, documented in the README ("Operating it"). */
public enum ExitCode {
    /** The report was published, or there was nothing to do (the same inputs were already reported). */
    OK(0),
    /** The run failed for a reason other than its input; details in the log file. */
    FAILED(1),
    /** The command line was wrong. */
    USAGE(2),
    /** An input file or folder is unusable, or a file has too many rejected rows. */
    BAD_INPUT(3),
    /** Another run holds the lock; this one did nothing. */
    ALREADY_RUNNING(4),
    /** The run was stopped (SIGTERM); the next launch resumes it. */
    STOPPED(5),
    /** An input file was modified moments ago (a copy or feed still writing): nothing was read; run again later. */
    INPUT_NOT_SETTLED(6);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
