package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.analysis.IpoAnalysis;
import io.github.ipoanalyzer.analysis.Standing;
import io.github.ipoanalyzer.market.DailyPrice;
import io.github.ipoanalyzer.market.Event;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One page per charted IPO in the report folder's {@code ipo/}: {@code <name>.html}
 * ({@link IpoPage}) and a shareable {@code <name>.png} ({@link IpoCard}), the name made from the
 * ticker ({@link #fileNames}). Peers and seasoned stocks (no offer terms) get none.
 */
final class IpoPages {

    static final String FOLDER = "ipo";

    /** Characters kept in a file name as they are; every other one becomes {@code _}. */
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");
    /** Names Windows reserves for devices, whatever the extension. */
    private static final Set<String> RESERVED = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3", "com4",
            "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    private IpoPages() {
    }

    /**
     * Writes the pages of the IPOs among {@code charted} and returns, by ticker, the path of each
     * page relative to the report folder ({@code ipo/688795.SH.html}), in listing order.
     */
    static Map<String, String> write(Labels t, Path reportFolder, LocalDate asOf, ChartedListings charted) throws IOException {
        List<IpoAnalysis> ipos = charted.analyses().stream().filter(a -> a.listing().ipoStudied()).toList();
        Map<String, String> names = fileNames(ipos.stream().map(a -> a.listing().ticker()).toList());
        Map<String, String> pages = new LinkedHashMap<>();
        if (ipos.isEmpty()) {
            return pages;
        }
        Path folder = Files.createDirectories(reportFolder.resolve(FOLDER));
        IpoCard card = new IpoCard(t, ipos, asOf, charted.selection());
        for (IpoAnalysis a : ipos) {
            String ticker = a.listing().ticker();
            Standing standing = charted.standings().stream().filter(s -> s.listing().ticker().equals(ticker))
                    .findFirst().orElse(null);
            List<Event> events = charted.events().stream().filter(e -> e.ticker().equals(ticker)).toList();
            List<DailyPrice> prices = charted.prices().getOrDefault(ticker, List.of());
            IpoPage.Model model = IpoPage.model(t, asOf, a, standing, events, names.get(ticker) + ".png");
            card.write(folder.resolve(names.get(ticker) + ".png"), card.words() == t ? model
                    : IpoPage.model(card.words(), asOf, a, standing, events, names.get(ticker) + ".png"), a, prices, events);
            Files.writeString(folder.resolve(names.get(ticker) + ".html"), IpoPage.render(model), StandardCharsets.UTF_8);
            pages.put(ticker, FOLDER + "/" + names.get(ticker) + ".html");
        }
        return pages;
    }

    /**
     * A file name (without extension) for each ticker, in the order given: letters, digits, dot,
     * hyphen and underscore kept, any other character {@code _}; a name that would start with a
     * dot (hidden) or be a device name on Windows gets a leading {@code _}. Two tickers whose
     * names would be the same, ignoring case (a case-blind file system would hold one file), are
     * told apart by {@code -2}, {@code -3}, … on the later one.
     */
    static Map<String, String> fileNames(List<String> tickers) {
        Map<String, String> names = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (String ticker : tickers) {
            String name = UNSAFE.matcher(ticker).replaceAll("_");
            String device = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
            if (name.isEmpty() || name.startsWith(".") || RESERVED.contains(device.toLowerCase(Locale.ROOT))) {
                name = "_" + name;
            }
            String unique = name;
            for (int n = 2; !taken.add(unique.toLowerCase(Locale.ROOT)); n++) {
                unique = name + "-" + n;
            }
            names.put(ticker, unique);
        }
        return names;
    }
}
