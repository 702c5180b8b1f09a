package io.github.ipoanalyzer.launch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The folders of the command line are checked as the file system resolves them (links
 * followed), before anything is read or written: an output folder reached through a link
 * into the input folder is refused as the same folder given directly is, and an output or
 * database "folder" that is a file gets one line saying so.
 */
class OutputPathChecksTest {

    @TempDir
    Path work;

    @Test
    void anOutputFolderInsideTheInputFolderIsRefusedAlsoThroughALink() throws Exception {
        Path input = shippedInput();
        Files.createSymbolicLink(work.resolve("reports"), input);

        String[] direct = launch("--input", input.toString(), "--output", input.resolve("out").toString(), "--db",
                work.resolve("db").toString());
        assertEquals("2", direct[0]);
        assertEquals("--output must not be inside --input (or the other way round)\n", direct[1]);

        String[] linked = launch("--input", input.toString(), "--output", work.resolve("reports/out").toString(), "--db",
                work.resolve("db").toString());
        assertEquals("2", linked[0], linked[1]);
        assertEquals("--output must not be inside --input (or the other way round): " + work.resolve("reports/out")
                + " is " + input.toRealPath().resolve("out") + "\n", linked[1]);
        assertFalse(Files.exists(input.resolve("out")) || Files.exists(work.resolve("db")), "nothing was created");
    }

    @Test
    void anOutputOrDatabaseThatIsAFileGetsOneLineAndTheUsageCode() throws Exception {
        Path input = shippedInput();
        Path file = Files.writeString(work.resolve("passwd"), "root:x:0:0\n");

        String[] output = launch("--input", input.toString(), "--output", file.toString(), "--db",
                work.resolve("db").toString());
        assertEquals("2", output[0], output[1]);
        assertEquals("--output " + file + " is a file, not a folder: give a folder (it is created if missing)\n", output[1]);

        String[] db = launch("--input", input.toString(), "--output", work.resolve("out").toString(), "--db",
                file.toString());
        assertEquals("2", db[0], db[1]);
        assertEquals("--db " + file + " is a file, not a folder: give a folder (it is created if missing)\n", db[1]);
        assertEquals("root:x:0:0\n", Files.readString(file));
        assertFalse(Files.exists(work.resolve("out")) || Files.exists(work.resolve("db")), "nothing was created");
    }

    private Path shippedInput() throws Exception {
        Path input = work.resolve("input");
        try (var files = Files.walk(Path.of("input"))) {
            for (Path from : files.toList()) {
                Path to = input.resolve(Path.of("input").relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        return input;
    }

    /** Exit code and what the launch printed on stderr. */
    private static String[] launch(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Launcher.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {String.valueOf(code), err.toString(StandardCharsets.UTF_8)};
    }
}
