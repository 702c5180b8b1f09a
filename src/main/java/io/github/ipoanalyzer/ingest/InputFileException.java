package io.github.ipoanalyzer.ingest;

/** A whole input file cannot be read as a table (empty, wrong columns, wrong encoding…): the run stops with exit code 3. */
public class InputFileException extends RuntimeException {

    public InputFileException(String message) {
        super(message);
    }

    public InputFileException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Text from a file quoted in a message: a header may be a whole file on one line, so its start and its length. */
    static String quoted(String text) {
        return text.length() <= 300 ? text
                : text.substring(0, 200) + String.format(java.util.Locale.ROOT, "… (%,d characters)", text.length());
    }
}
