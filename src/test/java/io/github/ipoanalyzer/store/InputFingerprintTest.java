package io.github.ipoanalyzer.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A file's lines as a run counts them: a line ends at CR, LF or CR LF (once), wherever the reads cut the file;
 * the files of a folder read on every core, as one thread would.
 */
class InputFingerprintTest {

    @TempDir
    Path work;

    @Test
    void lineEndsOfEveryKindAreCountedOnceAcrossEveryReadsEdge() throws Exception {
        Random random = new Random(20261207);
        byte[] alphabet = {'a', ',', '1', '\n', '\r'};
        for (int round = 0; round < 40; round++) {
            // Sizes around the 64 KiB reads, so that a CR LF falls across a read's edge in some rounds.
            int size = (1 << 16) + 2 + random.nextInt(1 << 17);
            byte[] bytes = new byte[size];
            for (int i = 0; i < size; i++) {
                bytes[i] = alphabet[random.nextInt(round % 2 == 0 ? 4 : 5)]; // even rounds: LF only, as most files
            }
            long recorded = random.nextInt(size);
            if (round % 4 == 2) {
                // The one CR LF of a file ends the first 64 KiB read, or the recorded bytes.
                int edge = round % 8 == 2 ? 1 << 16 : (int) Math.max(1, recorded);
                bytes[edge - 1] = '\r';
                bytes[edge] = '\n';
                recorded = round % 8 == 2 ? (1 << 16) + random.nextInt(size - (1 << 16)) : recorded;
            }
            Path file = Files.write(work.resolve("f" + round + ".csv"), bytes);
            InputFingerprint.FileState state = InputFingerprint.state(file, recorded);
            assertEquals(lineEnds(bytes, size), state.lines(), "round " + round);
            assertEquals(lineEnds(bytes, (int) recorded), state.prefixLines(), "round " + round + ", the recorded bytes");
        }
    }

    @Test
    void eachFileIsReadOnTheCoresInTheFilesOrderAndTheFirstFailureIsThrownAsItWas() throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            files.add(Files.writeString(work.resolve("p" + i + ".csv"), "a," + i + "\n".repeat(i % 3 + 1)));
        }
        List<InputFingerprint.FileState> states = InputFingerprint.readEach(files, f -> InputFingerprint.state(f, -1));
        for (int i = 0; i < 50; i++) {
            assertEquals(InputFingerprint.sha256(files.get(i)), states.get(i).sha256());
            assertEquals(i % 3 + 1, states.get(i).lines());
        }

        Map<Path, RuntimeException> failures = Map.of(files.get(10), new UncheckedIOException("Cannot read p10.csv",
                new IOException("gone")), files.get(30), new IllegalStateException("p30.csv"));
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> InputFingerprint.readEach(files, f -> {
            if (failures.containsKey(f)) {
                throw failures.get(f);
            }
            return InputFingerprint.sha256(f);
        }));
        assertSame(failures.get(files.get(10)), thrown);
    }

    /** By the definition, one byte after the other. */
    private static long lineEnds(byte[] bytes, int length) {
        long lines = 0;
        for (int i = 0; i < length; i++) {
            if (bytes[i] == '\r' || (bytes[i] == '\n' && (i == 0 || bytes[i - 1] != '\r'))) {
                lines++;
            }
        }
        return lines;
    }
}
