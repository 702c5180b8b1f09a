package io.github.ipoanalyzer.report;

import java.nio.file.Path;
import java.util.List;

/**
 * The folder published, what the as-of date left out of it (one line per kind), where day
 * counts do not come from a trading calendar (one line per exchange), what publishing says
 * (where {@code latest} points, what could not be pruned), and what input would fill each
 * figure left unknown (one line per missing input).
 */
public record Published(Path folder, List<String> leftOutAfterAsOf, List<String> calendarNotes,
                        List<String> notes, List<String> gaps) {
}
