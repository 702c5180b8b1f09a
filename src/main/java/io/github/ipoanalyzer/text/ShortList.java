package io.github.ipoanalyzer.text;

import java.util.List;
import java.util.Locale;

/** A list of names for a message a person reads: the first few, then how many more. */
public final class ShortList {

    private ShortList() {
    }

    /** Up to {@code limit} of {@code names}, comma-separated, then "and N more". */
    public static String of(List<String> names, int limit) {
        String listed = String.join(", ", names.subList(0, Math.min(limit, names.size())));
        return names.size() > limit ? String.format(Locale.ROOT, "%s and %,d more", listed, names.size() - limit) : listed;
    }
}
