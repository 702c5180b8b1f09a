package io.github.ipoanalyzer.eventstudy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The published example of Jean-Baptiste Lemaire's open-source eventstudy package
 * (github.com/LemaireJean-Baptiste/eventstudy, "Eventstudy Example.ipynb"): the market model of
 * AAPL against SPY around the iPhone's announcement on 2007-01-09, event window (−2, +10),
 * estimation over 300 days ending 30 days before the window, on the daily returns of its
 * example/returns_GAFAM.csv, and the AR and CAR it prints (3 decimals). The returns are that
 * project's data, not this project's: read from {@code -Deventstudy.example.returns=PATH}
 * (default {@code ../shared/fixtures/eventstudy/returns_GAFAM.csv}); a test using them is skipped,
 * saying so, where they are absent.
 *
 * @param days the package's sample, from the day before its first return (the base of prices
 *             built from the returns) to 10 days after the event: each row is {date, AAPL, SPY}
 * @param event the index of 2007-01-09 in {@code days}
 */
public record IphoneExample(List<String[]> days, int event) {

    /** The printed AR and CAR of (−2, τ), τ = −2 … +10. */
    public static final String[] AR = {"0.004", "-0.003", "0.083", "0.041", "-0.020", "-0.025", "0.028", "-0.024",
            "-0.058", "-0.011", "-0.016", "-0.018", "-0.002"};
    public static final String[] CAR = {"0.004", "0.000", "0.083", "0.125", "0.104", "0.079", "0.107", "0.083",
            "0.024", "0.014", "-0.002", "-0.021", "-0.023"};

    /** The example's days, or the calling test skipped where its returns are absent. */
    public static IphoneExample load() throws IOException {
        Path returns = Path.of(System.getProperty("eventstudy.example.returns",
                "../shared/fixtures/eventstudy/returns_GAFAM.csv"));
        assumeTrue(Files.isReadable(returns), "the eventstudy package's example returns are not at " + returns
                + " (-Deventstudy.example.returns=PATH): the published example is not checked");
        List<String> lines = Files.readAllLines(returns);
        List<String> header = List.of(lines.get(0).split(","));
        int aapl = header.indexOf("AAPL");
        int spy = header.indexOf("SPY");
        int event = -1;
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).startsWith("2007-01-09,")) {
                event = i;
            }
        }
        // 2 + 30 + 300 days before the event, and the day before them as the base.
        int first = event - 332 - 1;
        List<String[]> days = lines.subList(first, event + 11).stream().map(l -> l.split(","))
                .map(r -> new String[] {r[0], r[aapl], r[spy]}).toList();
        return new IphoneExample(days, event - first);
    }
}
