package io.github.ipoanalyzer.launch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HSQLDB's lock file left by a run killed with -9 is waited out, not reported as a damaged database. */
class StaleDatabaseLockTest {

    @TempDir
    Path db;

    @Test
    void aLockWhoseHeartbeatStoppedAMomentAgoIsWaitedOutUntilHsqldbTakesItOver() throws Exception {
        Path lock = Files.writeString(db.resolve("ipo.lck"), "heartbeat");
        Files.setLastModifiedTime(lock, FileTime.from(Instant.now().minusMillis(10_500)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Launcher.awaitStaleDatabaseLock(lock, new PrintStream(out, true, StandardCharsets.UTF_8));
        Duration age = Duration.between(Files.getLastModifiedTime(lock).toInstant(), Instant.now());
        assertTrue(age.compareTo(Launcher.DATABASE_LOCK_STALE_AFTER) >= 0, "returned only once stale: " + age);
        assertEquals("Waiting a few seconds for the database lock a stopped run left to expire\n",
                out.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));
    }

    @Test
    void anOldLockOrNoneIsNoWait() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Launcher.awaitStaleDatabaseLock(db.resolve("ipo.lck"), new PrintStream(out, true, StandardCharsets.UTF_8));
        Path lock = Files.writeString(db.resolve("ipo.lck"), "heartbeat");
        Files.setLastModifiedTime(lock, FileTime.from(Instant.now().minusSeconds(60)));
        Launcher.awaitStaleDatabaseLock(lock, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }
}
