package io.github.ipoanalyzer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The documentation is README.md and the reference in src/site/markdown/: every relative link in
 * them leads to a file that exists, and every #anchor to a heading of that file, so a reader who
 * follows a link never lands nowhere. The README stays a first screen, not a manual.
 */
class DocumentationLinksTest {

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Path README = PROJECT.resolve("README.md");
    private static final Path SITE = PROJECT.resolve("src/site/markdown");
    private static final int README_MAX_LINES = 220;

    /** {@code [text](target)}; the target has no spaces (a title after it is not used here). */
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");

    @Test
    void everyRelativeLinkOfTheDocumentationResolves() throws IOException {
        List<Path> documents = new ArrayList<>();
        documents.add(README);
        try (Stream<Path> site = Files.list(SITE)) {
            site.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        List<String> broken = new ArrayList<>();
        for (Path document : documents) {
            broken.addAll(brokenLinks(document));
        }
        assertEquals(List.of(), broken, "links that lead nowhere");
    }

    @Test
    void theReadmeLinksEveryReferenceDocument() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        for (String document : List.of("inputs", "report", "operations", "scale", "architecture", "benchmarks")) {
            assertTrue(readme.contains("](src/site/markdown/" + document + ".md)"),
                    "README.md links src/site/markdown/" + document + ".md");
        }
    }

    @Test
    void theReadmeIsAFirstScreenNotAManual() throws IOException {
        long lines = Files.readAllLines(README, StandardCharsets.UTF_8).size();
        assertTrue(lines <= README_MAX_LINES, "README.md has " + lines + " lines; at most " + README_MAX_LINES
                + ": the reference belongs in src/site/markdown/");
    }

    @Test
    void aMissingFileAndAMissingHeadingAreBothFound(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.md"), """
                # Start here

                ## Where your data comes from

                [ok](b.md) [ok](b.md#units-and-time-zones-exchange) [ok](#where-your-data-comes-from)
                [no file](c.md) [no heading](b.md#tickers) `[in code](d.md)` [web](https://example.org/x.md)

                ```
                [in a block](e.md)
                ```
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("b.md"), "# B\n\n### Units, and time zones (`Exchange`)\n", StandardCharsets.UTF_8);

        assertEquals(List.of("a.md: c.md: no such file", "a.md: b.md#tickers: no heading 'tickers' in b.md"),
                brokenLinks(dir.resolve("a.md")).stream().map(s -> s.replace(dir + "/", "")).toList());
    }

    @Test
    void headingsBecomeAnchorsAsGitHubMakesThem() {
        assertEquals("what-a-subscriber-pockets", slug("What a subscriber pockets"));
        assertEquals("scheduling-jobs", slug("Scheduling (`jobs/`)"));
        assertEquals("the-jobs-steps", slug("The job's steps"));
        assertEquals("scale-out-postgresql-as-the-shared-store-remote-workers-over-rabbitmq",
                slug("Scale out: PostgreSQL as the shared store, remote workers over RabbitMQ"));
    }

    /** Each broken link of a markdown file, as "file: target: why"; links outside the project are not followed. */
    private static List<String> brokenLinks(Path document) throws IOException {
        List<String> broken = new ArrayList<>();
        for (String line : prose(document)) {
            Matcher link = LINK.matcher(INLINE_CODE.matcher(line).replaceAll(""));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    continue;
                }
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path linked = file.isEmpty() ? document : document.getParent().resolve(file).normalize();
                if (!Files.exists(linked)) {
                    broken.add(document + ": " + target + ": no such file");
                } else if (hash >= 0 && !anchors(linked).contains(target.substring(hash + 1))) {
                    broken.add(document + ": " + target + ": no heading '" + target.substring(hash + 1) + "' in "
                            + linked.getFileName());
                }
            }
        }
        return broken;
    }

    private static Set<String> anchors(Path document) throws IOException {
        Set<String> anchors = new HashSet<>();
        for (String line : prose(document)) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                anchors.add(slug(heading.group(1)));
            }
        }
        return anchors;
    }

    /** GitHub's rule, simply: lower case, punctuation dropped, each space a hyphen. */
    private static String slug(String heading) {
        return heading.toLowerCase().replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    /** The file's lines outside fenced code blocks, where a bracket or a hash is text, not markdown. */
    private static List<String> prose(Path document) throws IOException {
        List<String> prose = new ArrayList<>();
        boolean inFence = false;
        for (String line : Files.readAllLines(document, StandardCharsets.UTF_8)) {
            if (line.stripLeading().startsWith("```")) {
                inFence = !inFence;
            } else if (!inFence) {
                prose.add(line);
            }
        }
        return prose;
    }
}
