package io.github.ipoanalyzer.store;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A remembered hash is used only for the very file state it was computed from: proved with a
 * memo whose hash is not the file's (so that only the memo can have answered), and with a file
 * rewritten to other bytes of the same size, its modification time set back.
 */
class FileHashMemoTest {

    @TempDir
    Path work;
    Path file;

    @BeforeEach
    void aFileLastChangedAMinuteAgo() throws Exception {
        Assumptions.assumeTrue(FileHashMemo.Stat.of(work).isPresent(), "this file system gives no inode and change time");
        file = work.resolve("prices.csv");
        Files.writeString(file, "a,1\n", StandardCharsets.UTF_8);
    }

    @Test
    void aFileHashedOnceIsNotReadAgainWhileItsStateOnDiskIsTheSame() throws Exception {
        String real = InputFingerprint.sha256(file);
        FileHashMemo.Stat stat = FileHashMemo.Stat.of(file).orElseThrow();
        // A memo saying another hash for exactly this state: only the memo can give it back.
        Files.write(work.resolve(FileHashMemo.FILE), List.of("# memo", String.join("\t", file.toAbsolutePath().toString(),
                Long.toString(stat.size()), Long.toString(stat.modifiedNanos()), Long.toString(stat.changedNanos()),
                stat.inode(), "f".repeat(64))));
        assertEquals("f".repeat(64), FileHashMemo.in(work).sha256(file));

        // Other bytes of the same size, the modification time set back: the change time moved, so it is read.
        FileTime modified = Files.getLastModifiedTime(file);
        Thread.sleep(20);
        Files.writeString(file, "b,2\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, modified);
        assertEquals(4, Files.size(file));
        assertEquals(InputFingerprint.sha256(file), FileHashMemo.in(work).sha256(file));
        assertFalse(real.equals(InputFingerprint.sha256(file)));
    }

    @Test
    void aGrownFileIsReadOnceForTheLaunchAndTheRunTakesThatReadingOver() throws Exception {
        Thread.sleep(FileHashMemo.SETTLED.toMillis() + 100);
        FileHashMemo first = FileHashMemo.in(work);
        first.sha256(file);
        first.save();
        Files.writeString(file, "b,2\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        Thread.sleep(FileHashMemo.SETTLED.toMillis() + 100);

        // The launch hashes the grown file; the run asks for it with the 4 bytes the ledger recorded.
        assertEquals(InputFingerprint.sha256(file), FileHashMemo.in(work).sha256(file));
        InputFingerprint.FileState read = FileHashMemo.grown(file, 4).orElseThrow();
        assertEquals(InputFingerprint.state(file, 4), read);
        // By hand: 8 bytes, 2 lines; the first 4 bytes are the first line, whole.
        assertEquals(8, read.size());
        assertEquals(2, read.lines());
        Path before = Files.writeString(work.resolve("as-recorded.csv"), "a,1\n", StandardCharsets.UTF_8);
        assertEquals(InputFingerprint.sha256(before), read.prefixSha256());
        assertEquals(1, read.prefixLines());
        assertTrue(read.prefixEndsLine());
        // Another recorded size, or the file written since: the run reads it itself.
        assertTrue(FileHashMemo.grown(file, 3).isEmpty());
        Files.writeString(file, "c,3\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        assertTrue(FileHashMemo.grown(file, 4).isEmpty());
    }

    @Test
    void aFileJustWrittenIsNotRememberedAndASettledOneIs() throws Exception {
        FileHashMemo memo = FileHashMemo.in(work);
        assertEquals(InputFingerprint.sha256(file), memo.sha256(file));
        memo.save();
        assertEquals(List.of(), entries(), "changed within the last 2 s: the same times could follow another write");

        Path settled = work.resolve("settled.csv");
        Files.writeString(settled, "a,1\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(settled, FileTime.from(Instant.now().minusSeconds(60)));
        // The change time is the kernel's: setting the modification time set it to now. Wait it out.
        Thread.sleep(FileHashMemo.SETTLED.toMillis() + 100);
        memo = FileHashMemo.in(work);
        memo.sha256(settled);
        memo.save();
        List<String> saved = entries();
        assertEquals(1, saved.size(), saved.toString());
        assertTrue(saved.get(0).startsWith(settled.toAbsolutePath() + "\t4\t"), saved.get(0));
        assertTrue(saved.get(0).endsWith("\t" + InputFingerprint.sha256(settled)), saved.get(0));
    }

    @Test
    void itTellsWhetherAFileAskedForHadOtherBytesThanTheLastLaunchsMemo() throws Exception {
        Thread.sleep(FileHashMemo.SETTLED.toMillis() + 100);
        FileHashMemo first = FileHashMemo.in(work);
        first.sha256(file);
        assertFalse(first.hashedOtherBytes(), "no memo: nothing remembered to differ from");
        first.save();

        FileHashMemo same = FileHashMemo.in(work);
        same.sha256(file);
        assertFalse(same.hashedOtherBytes(), "taken from the memo");

        // Written again with the same bytes: read again, the same hash.
        Files.writeString(file, "a,1\n", StandardCharsets.UTF_8);
        FileHashMemo rewritten = FileHashMemo.in(work);
        assertEquals(InputFingerprint.sha256(file), rewritten.sha256(file));
        assertFalse(rewritten.hashedOtherBytes(), "the same bytes as remembered");

        Files.writeString(file, "a,1\nb,2\n", StandardCharsets.UTF_8);
        FileHashMemo grown = FileHashMemo.in(work);
        grown.sha256(file);
        assertTrue(grown.hashedOtherBytes(), "a row appended");
    }

    @Test
    void aMemoThatCannotBeReadIsIgnored() throws Exception {
        Files.writeString(work.resolve(FileHashMemo.FILE), "not\ta memo\n", StandardCharsets.UTF_8);
        assertEquals(InputFingerprint.sha256(file), FileHashMemo.in(work).sha256(file));
    }

    private List<String> entries() throws Exception {
        return Files.readAllLines(work.resolve(FileHashMemo.FILE)).stream().filter(l -> !l.startsWith("#")).toList();
    }
}
