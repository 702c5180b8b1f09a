package io.github.ipoanalyzer.ingest;

/** A whole input file cannot be read as a table (empty, wrong columns, wrong encoding…): the run stops with exit code 3. */
public class InputFileException extends RuntimeException {

    public InputFileException(String message) {
        super(message);
    }

    public InputFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
