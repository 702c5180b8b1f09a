package io.github.ipoanalyzer.ingest;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The basis of allotment as an announcement writes it, read into its numbers, in one of three forms
 * (subscription: the guaranteed shares {@code G}, {@code W} winners out of {@code V}, {@code E}
 * extra shares each):
 * {@code 8,741 out of 174,816 applicants to receive 200 H Shares} (a ballot, G = 0),
 * {@code 200 H Shares plus 78 out of 4,914 applicants to receive an additional 200 H Shares},
 * {@code 400 H Shares} (W = 0). "H Shares" or "Shares", with or without "applicants", "an",
 * "additional"; numbers with or without thousands commas; case and spacing as they come.
 */
final class AllotmentBasisText {

    record Basis(long guaranteed, long winners, long outOf, long extra) {
    }

    private static final String N = "(\\d{1,3}(?:,\\d{3})+|\\d+)";
    private static final String SHARES = "\\s+(?:h\\s+)?shares?";
    private static final String BALLOT = N + "\\s+out\\s+of\\s+" + N + "(?:\\s+applicants)?\\s+to\\s+receive\\s+"
            + "(?:an\\s+)?(?:additional\\s+)?" + N + SHARES;
    private static final Pattern FIXED = Pattern.compile(N + SHARES);
    private static final Pattern BALLOT_ONLY = Pattern.compile(BALLOT);
    private static final Pattern PLUS = Pattern.compile(N + SHARES + "\\s+plus\\s+" + BALLOT);

    private AllotmentBasisText() {
    }

    static Optional<Basis> read(String written) {
        String text = written.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        Matcher m = FIXED.matcher(text);
        if (m.matches()) {
            return Optional.of(new Basis(number(m, 1), 0, 0, 0));
        }
        m = BALLOT_ONLY.matcher(text);
        if (m.matches()) {
            return Optional.of(new Basis(0, number(m, 1), number(m, 2), number(m, 3)));
        }
        m = PLUS.matcher(text);
        if (m.matches()) {
            return Optional.of(new Basis(number(m, 1), number(m, 2), number(m, 3), number(m, 4)));
        }
        return Optional.empty();
    }

    private static long number(Matcher m, int group) {
        return Long.parseLong(m.group(group).replace(",", ""));
    }
}
