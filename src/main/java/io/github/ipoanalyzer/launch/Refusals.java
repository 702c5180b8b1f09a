package io.github.ipoanalyzer.launch;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.Set;

/**
 * Where a launch says why it did nothing, or is waiting, for a passing reason (another run holds
 * a lock, files are still being written). A launch says it every time; a process that stays up
 * ({@code --watch}) tries again at every look and says each reason once, until a launch goes
 * further.
 */
final class Refusals {

    private final boolean onceEach;
    private final Set<String> said = new HashSet<>();

    private Refusals(boolean onceEach) {
        this.onceEach = onceEach;
    }

    static Refusals everyTime() {
        return new Refusals(false);
    }

    static Refusals onceEach() {
        return new Refusals(true);
    }

    /** Says {@code message}, unless a message of the same reason was said since the last launch that went further. */
    void say(PrintStream stream, String reason, String message) {
        if (said.add(reason) || !onceEach) {
            stream.println(message);
        }
    }

    void say(PrintStream stream, String message) {
        say(stream, message, message);
    }

    /** A launch that was not refused: a refusal after it is news again. */
    void forget() {
        said.clear();
    }
}
