package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.generate.MarketGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A nightly run takes months of the series over from the report before only once each file is
 * what that report's manifest lists (NightlySeriesTest has the nightly case itself): a month a
 * person edited there, its modification time set back, is computed again and the run says which
 * file it was, though the run that published it remembered its hash; a series folder
 * replaced by a link to a folder outside the report is never taken over from.
 */
class TakenOverFilesTest {

    @TempDir
    Path work;

    @Test
    void anEditedMonthOrAFolderReachedThroughALinkIsComputedAgainAndNamed() throws Exception {
        Path market = work.resolve("market");
        MarketGenerator generator = new MarketGenerator(12, 300, 15);
        Path first = firstReport(generator, market);
        List<String> lotGains = files(first.resolve("series/lot-gains"));
        assertTrue(lotGains.size() >= 10, lotGains.toString());
        // The run remembers each file it published with its hash, so that the next one need not read them.
        Map<String, String> remembered = new TreeMap<>();
        for (String line : Files.readAllLines(work.resolve("out/.published-hashes.tsv"))) {
            if (!line.startsWith("#")) {
                remembered.put(line.split("\t")[0], line.split("\t")[5]);
            }
        }
        Map<String, String> published = new TreeMap<>();
        outputs(first).forEach((file, sha256) -> published.put(first.resolve(file).toString(), sha256));
        assertEquals(published, remembered);

        // A person sets one lot gain of an early month to 999…9.99 in the published report: the same size, another hash.
        String month = lotGains.get(3);
        Path edited = first.resolve("series/lot-gains/" + month);
        byte[] publishedBytes = Files.readAllBytes(edited);
        java.nio.file.attribute.FileTime modified = Files.getLastModifiedTime(edited);
        List<String> lines = new ArrayList<>(List.of(new String(publishedBytes, StandardCharsets.UTF_8).split("\r\n", -1)));
        int column = Arrays.asList(lines.get(0).replace("\uFEFF", "").split(",")).indexOf("lot_gain_trading_currency");
        String[] row = lines.get(1).split(",", -1);
        String nines = row[column].replaceAll("\\d", "9");
        assertNotEquals(nines, row[column]);
        row[column] = nines;
        lines.set(1, String.join(",", row));
        Files.writeString(edited, String.join("\r\n", lines), StandardCharsets.UTF_8);
        assertEquals(publishedBytes.length, Files.size(edited));
        Files.setLastModifiedTime(edited, modified); // and its modification time set back: its hash is read again

        generator.appendOneDay(market);
        JobRun nightly = run(market);
        assertEquals(0, nightly.exitCode(), nightly.err());
        Path second = work.resolve("out/latest").toRealPath();
        assertNotEquals(first, second);
        Path recomputed = second.resolve("series/lot-gains/" + month);
        assertArrayEquals(publishedBytes, Files.readAllBytes(recomputed), month + " is computed again, as first published");
        assertNotEquals(inode(edited), inode(recomputed));
        assertEquals(sha256(publishedBytes), outputs(second).get("series/lot-gains/" + month));
        assertTrue(nightly.out().contains("  warning: " + edited + " is not the file its report published (its SHA-256 "
                + "differs from " + first.getFileName() + "'s manifest): it was changed since; not taken over: months from "
                + month.substring(0, 7) + " on are computed again\n"), nightly.out());
        for (String earlier : lotGains.subList(0, 3)) {
            assertEquals(inode(first.resolve("series/lot-gains/" + earlier)), inode(second.resolve("series/lot-gains/" + earlier)),
                    earlier + ", before the edited month, is still taken over");
        }

        // The market-value folder of that report replaced by a link to a copy outside it.
        Path folder = second.resolve("series/market-value");
        Map<String, byte[]> before = new TreeMap<>();
        for (String file : files(folder)) {
            before.put(file, Files.readAllBytes(folder.resolve(file)));
        }
        Path outside = work.resolve("elsewhere/market-value");
        Files.createDirectories(outside.getParent());
        Files.move(folder, outside);
        Files.createSymbolicLink(folder, outside);

        generator.appendOneDay(market);
        JobRun third = run(market);
        assertEquals(0, third.exitCode(), third.err());
        Path latest = work.resolve("out/latest").toRealPath();
        String firstMonth = before.keySet().iterator().next();
        assertTrue(third.out().contains("  warning: " + folder.resolve(firstMonth) + " is reached through a link (it leads to "
                + outside.toRealPath().resolve(firstMonth) + "), not a file of " + second.getFileName() + " itself; not "
                + "taken over: months from " + firstMonth.substring(0, 7) + " on are computed again\n"), third.out());
        for (String file : before.keySet()) {
            Path now = latest.resolve("series/market-value/" + file);
            assertTrue(Files.isRegularFile(now, java.nio.file.LinkOption.NOFOLLOW_LINKS));
            assertNotEquals(inode(outside.resolve(file)), inode(now), file + " is not the file outside the report");
        }
        assertArrayEquals(before.get(firstMonth), Files.readAllBytes(latest.resolve("series/market-value/" + firstMonth)));
    }

    @Test
    void aNightlyRunTakesTheHashOfAMonthWhoseStateIsRememberedWithoutReadingIt() throws Exception {
        Path market = work.resolve("market");
        MarketGenerator generator = new MarketGenerator(3, 80, 4);
        Path first = firstReport(generator, market);
        String month = files(first.resolve("series/lot-gains")).get(0);
        Thread.sleep(2_100); // the memo keeps a hash read only of a file unchanged for 2 s
        // The memo says another hash for the first month, its state on disk unchanged: a run that takes the
        // remembered hash finds it unlike the manifest's and computes the month again; one that read the file would not.
        Path memo = work.resolve("out/.published-hashes.tsv");
        String key = first.resolve("series/lot-gains/" + month).toString();
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(memo)) {
            lines.add(line.startsWith(key + "\t") ? line.substring(0, line.lastIndexOf('\t') + 1) + "0".repeat(64) : line);
        }
        assertNotEquals(Files.readAllLines(memo), lines, "the month is remembered");
        Files.write(memo, lines);

        generator.appendOneDay(market);
        JobRun nightly = run(market);
        assertEquals(0, nightly.exitCode(), nightly.err());
        assertTrue(nightly.out().contains("  warning: " + key + " is not the file its report published"), nightly.out());
        assertNotEquals(inode(first.resolve("series/lot-gains/" + month)),
                inode(work.resolve("out/latest").toRealPath().resolve("series/lot-gains/" + month)), "computed again");
    }

    /** The report folder of a first run on the generated market. */
    private Path firstReport(MarketGenerator generator, Path market) throws Exception {
        generator.writeTo(market);
        assertEquals(0, run(market).exitCode());
        return work.resolve("out/latest").toRealPath();
    }

    private JobRun run(Path market) {
        return JobRun.launch("--input", market.toString(), "--output", work.resolve("out").toString(), "--db",
                work.resolve("db").toString(), "--as-of", "2030-01-01", "--settle-seconds", "0");
    }

    private static List<String> files(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    /** The SHA-256 of each output file, as the report's manifest lists it. */
    private static Map<String, String> outputs(Path report) throws Exception {
        Map<String, String> hashes = new TreeMap<>();
        tools.jackson.databind.json.JsonMapper.builder().build().readTree(report.resolve("manifest.json").toFile())
                .get("outputs").forEach(o -> hashes.put(o.get("file").asString(), o.get("sha256").asString()));
        return hashes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static Object inode(Path file) throws Exception {
        return Files.getAttribute(file, "unix:ino");
    }
}
