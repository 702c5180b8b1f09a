package io.github.ipoanalyzer.launch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a mistyped command line says: the option meant, the form a value must have; exit 2, nothing run. */
class CommandLineMessagesTest {

    @TempDir
    Path work;

    @Test
    void aMisspeltOptionNamesTheOneMeant() {
        assertEquals(List.of("2", "Unknown option: '--asof=2026-01-05'. Did you mean --as-of?"),
                launch("--asof=2026-01-05"));
        assertEquals(List.of("2", "Unknown option: '--settle-second'. Did you mean --settle-seconds?"),
                launch("--settle-second", "3"));
        assertEquals(List.of("2", "Unknown option: '--nonsense' (Spring Boot properties are given as --spring.name=value)"),
                launch("--nonsense"));
    }

    @Test
    void aValueOfTheWrongFormSaysTheFormExpected() {
        assertEquals(List.of("2", "Invalid value for --as-of: '01/05/2026' is not a date written YYYY-MM-DD "
                + "(for example 2026-01-05).", "Try --help for the options."), launch("--as-of=01/05/2026"));
        assertEquals(List.of("2", "Invalid value for --max-reject-fraction: '0,05' is not a decimal number written "
                + "with a point (for example 0.05).", "Try --help for the options."), launch("--max-reject-fraction", "0,05"));
        assertEquals(List.of("2", "Invalid value for --settle-seconds: '5s' is not a whole number (for example 5).",
                "Try --help for the options."), launch("--settle-seconds=5s"));
    }

    /** The exit code, then each line printed on the error stream; nothing on the standard one. */
    private List<String> launch(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 6];
        System.arraycopy(new String[] {"--input", work.resolve("in").toString(), "--output", work.resolve("out").toString(),
                "--db", work.resolve("db").toString()}, 0, all, 0, 6);
        System.arraycopy(args, 0, all, 6, args.length);
        int code = Launcher.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        List<String> lines = new java.util.ArrayList<>(List.of(String.valueOf(code)));
        lines.addAll(err.toString(StandardCharsets.UTF_8).lines().toList());
        return lines;
    }
}
