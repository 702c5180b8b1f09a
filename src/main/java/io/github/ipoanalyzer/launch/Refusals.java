package io.github.ipoanalyzer.launch;

import java.io.PrintStream;

/**
 * Where a launch says why it did nothing for a passing reason (another run holds a lock, a file
 * is still being written). A launch says it every time; a process that stays up ({@code --watch})
 * tries again at every look and says a reason once, until it changes or a launch goes further.
 */
final class Refusals {

    private final boolean onceEach;
    private String last;

    private Refusals(boolean onceEach) {
        this.onceEach = onceEach;
    }

    static Refusals everyTime() {
        return new Refusals(false);
    }

    static Refusals onceEach() {
        return new Refusals(true);
    }

    void say(PrintStream err, String message) {
        if (!onceEach || !message.equals(last)) {
            err.println(message);
        }
        last = message;
    }

    /** A launch that was not refused: a refusal after it is news again. */
    void forget() {
        last = null;
    }
}
