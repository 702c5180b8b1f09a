package io.github.ipoanalyzer.launch;

import io.github.ipoanalyzer.generate.MarketGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code generate-market}: a synthetic market in the input formats, for trying the tool at scale and for benchmarks. */
@Command(name = "generate-market", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes a synthetic market into a folder in the input formats: listings on the STAR Market "
                + "and HKEX, daily prices (a first-day jump, then a random walk; some days without high and low), "
                + "revenue, a daily CNY/HKD rate, STAR 50 and Hang Seng levels. The same seed gives the same files.",
                ""})
public class GenerateMarketCommand {

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder to write (created).")
    Path out;

    @Option(names = "--listings", paramLabel = "N", description = "Listings (default: ${DEFAULT-VALUE}).")
    int listings = 5000;

    @Option(names = "--days", paramLabel = "M", description = "Trading days of prices per listing (default: ${DEFAULT-VALUE}).")
    int days = 2000;

    @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    MarketGenerator generator() {
        return new MarketGenerator(listings, days, seed);
    }
}
