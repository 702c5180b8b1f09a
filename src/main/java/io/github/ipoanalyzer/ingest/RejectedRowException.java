package io.github.ipoanalyzer.ingest;

/** One input row broke a rule; it goes to the rejects with the column, raw value, rule and a reason. */
public class RejectedRowException extends RuntimeException {

    private final String column;
    private final String rawValue;
    private final String rule;

    public RejectedRowException(String column, String rawValue, String rule, String reason) {
        super(reason);
        this.column = column;
        this.rawValue = rawValue;
        this.rule = rule;
    }

    public String column() {
        return column;
    }

    public String rawValue() {
        return rawValue;
    }

    public String rule() {
        return rule;
    }

    public String reason() {
        return getMessage();
    }
}
