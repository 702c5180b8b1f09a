package io.github.ipoanalyzer.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Why a header is neither its kind's own format nor an export this tool recognises, said by the
 * nearest of them: what it lacks and what it has instead ("has '交易日' where 'date' was
 * expected"), so that a renamed column is named rather than every required one; or, for an
 * export recognised by lines around its header, the line it lacks.
 */
final class UnreadHeader {

    /** One format a header may be near: its expected names and all the names it knows. */
    private record Near(String title, List<String> expected, List<String> known) {
    }

    private UnreadHeader() {
    }

    static String explain(String file, CsvFormat format, String[] raw) {
        List<String> names = java.util.Arrays.stream(raw).map(SourceValues::name).toList();
        Optional<String> lacking = format.sources().stream().flatMap(s -> s.lacking(names).stream()).findFirst();
        if (lacking.isPresent()) {
            return file + " " + lacking.get();
        }
        List<Near> candidates = new ArrayList<>();
        candidates.add(new Near(null, format.required(), format.all()));
        format.sources().forEach(s -> candidates.add(new Near(s.title(), s.signature(), s.knownColumns())));
        Optional<Near> nearest = candidates.stream()
                .filter(c -> !names.containsAll(c.expected()) && 2 * present(c, names) >= c.expected().size())
                .max(Comparator.comparingDouble(c -> (double) present(c, names) / c.expected().size()));
        String header = InputFileException.quoted(String.join(",", raw));
        if (nearest.isEmpty()) {
            List<String> missing = format.required().stream().filter(c -> !names.contains(c)).toList();
            String hint = raw.length == 1 && raw[0].matches(".*[;\\t|].*")
                    ? " (the header is one single column: the file seems to use another delimiter than a comma)" : "";
            String sources = format.sources().isEmpty() ? ""
                    : "; nor is it an export this tool recognises (see the README's \"Where your data comes from\")";
            return file + " lacks the column(s) " + String.join(", ", missing) + "; its header is: " + header + hint
                    + sources;
        }
        Near near = nearest.get();
        List<String> missing = near.expected().stream().filter(c -> !names.contains(c)).toList();
        List<String> unknown = names.stream().filter(n -> !n.isEmpty() && !near.known().contains(n)).toList();
        String looks = near.title() == null ? file : file + " looks like " + article(near.title()) + " " + near.title()
                + " file but";
        if (missing.size() == 1 && unknown.size() == 1) {
            return looks + " has '" + unknown.get(0) + "' where '" + missing.get(0) + "' was expected: rename the "
                    + "column to " + missing.get(0);
        }
        return looks + " lacks the column(s) " + String.join(", ", missing)
                + (unknown.isEmpty() ? "" : "; of its columns this tool does not know "
                + InputFileException.quoted(String.join(", ", unknown)) + ": rename them to what is lacking")
                + "; its header is: " + header;
    }

    private static long present(Near near, List<String> names) {
        return near.expected().stream().filter(names::contains).count();
    }

    private static String article(String title) {
        return "AEIOU".indexOf(title.toUpperCase(Locale.ROOT).charAt(0)) >= 0 ? "an" : "a";
    }
}
