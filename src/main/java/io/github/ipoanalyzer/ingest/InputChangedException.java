package io.github.ipoanalyzer.ingest;

/**
 * An input file changed between the run's fingerprint and the end of its load (a copy still in
 * progress, a feed still appending, a file replaced): nothing of it may be recorded as loaded,
 * and the run that saw it is abandoned rather than resumed.
 */
public class InputChangedException extends InputFileException {

    private final String file;

    public InputChangedException(String file, String what) {
        super(file + ": " + what + "; is a copy still in progress? Nothing of it was recorded as loaded and no "
                + "report was published; the next run reads it again in full once it has stopped changing.");
        this.file = file;
    }

    public String file() {
        return file;
    }
}
