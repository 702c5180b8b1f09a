package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.store.InputFingerprint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A published file's hash is remembered only where its bytes are certain, and serves only while
 * the file is as it was remembered: a remembered hash that is not the file's own (here a made-up
 * one) shows that the file was not read.
 */
class PublishedHashesTest {

    private static final String MADE_UP = "a".repeat(64);

    @TempDir
    Path root;
    private Path report;

    @BeforeEach
    void report() throws Exception {
        report = Files.createDirectories(root.resolve("2030-01-01_run-000001"));
        assumeTrue(io.github.ipoanalyzer.store.FileHashMemo.Stat.of(root).isPresent(),
                "this file system gives no status-change time or inode: nothing is remembered");
    }

    @Test
    void aFileTheRunWroteIsNotReadAgainUntilItIsWrittenEvenWithItsModificationTimeSetBack() throws Exception {
        Path file = Files.writeString(report.resolve("now.csv"), "ticker\nA\n");
        FileTime written = Files.getLastModifiedTime(file);
        PublishedHashes.in(root).rememberPublished(report, Map.of("now.csv", MADE_UP), Instant.now().plusSeconds(1));
        assertEquals(MADE_UP, PublishedHashes.in(root).sha256(file));
        assertEquals(MADE_UP, PublishedHashes.in(root).sha256(file), "a later run finds it too");

        Files.writeString(file, "ticker\nB\n"); // the same size
        Files.setLastModifiedTime(file, written);
        assertEquals(InputFingerprint.sha256(file), PublishedHashes.in(root).sha256(file));
    }

    @Test
    void aFileWrittenOrChangedAfterTheReportWasWrittenIsNotRemembered() throws Exception {
        Path file = Files.writeString(report.resolve("now.csv"), "ticker\nA\n");
        PublishedHashes.in(root).rememberPublished(report, Map.of("now.csv", MADE_UP), Instant.now().minusSeconds(60));
        assertEquals(InputFingerprint.sha256(file), PublishedHashes.in(root).sha256(file));
    }

    @Test
    void aLinkToAVerifiedFileIsRememberedUnlessItsBytesWereWrittenSince() throws Exception {
        Path before = Files.createDirectories(root.resolve("2030-01-01_run-000000/series"));
        Path kept = Files.writeString(before.resolve("2024-01.csv"), "month 1\n");
        Path edited = Files.writeString(before.resolve("2024-02.csv"), "month 2\n");
        Files.createDirectories(report.resolve("series"));
        PublishedHashes hashes = PublishedHashes.in(root);
        for (String name : new String[] {"series/2024-01.csv", "series/2024-02.csv"}) {
            Files.createLink(report.resolve(name), before.resolve(name.substring(7)));
            hashes.linked(name, report.resolve(name));
        }
        Files.writeString(edited, "month 3\n");
        hashes.beforePruning(report);
        // Long before either was linked: the links changed their status-change times, which the state after the link allows.
        hashes.rememberPublished(report, Map.of("series/2024-01.csv", MADE_UP, "series/2024-02.csv", MADE_UP),
                Instant.now().minusSeconds(60));
        assertEquals(MADE_UP, PublishedHashes.in(root).sha256(report.resolve("series/2024-01.csv")));
        assertEquals(InputFingerprint.sha256(edited), PublishedHashes.in(root).sha256(report.resolve("series/2024-02.csv")));

        // A name added later (the next run takes the month over) changes its status: read again until remembered anew.
        // (What the next run does instead: it checks the state is still the remembered one just before it links.)
        Files.createDirectories(root.resolve("next"));
        Files.createLink(root.resolve("next/2024-01.csv"), kept);
        assertEquals(InputFingerprint.sha256(kept), PublishedHashes.in(root).sha256(report.resolve("series/2024-01.csv")));
    }

    @Test
    void aLinkedFileEditedInPlaceWithItsModificationTimeSetBackBeforePruningIsNotRemembered() throws Exception {
        Path before = Files.createDirectories(root.resolve("2030-01-01_run-000000"));
        Path month = Files.writeString(before.resolve("2024-01.csv"), "month 1\n");
        FileTime modified = Files.getLastModifiedTime(month);
        PublishedHashes hashes = PublishedHashes.in(root);
        Files.createLink(report.resolve("2024-01.csv"), month);
        hashes.linked("2024-01.csv", report.resolve("2024-01.csv"));
        Thread.sleep(20); // past the file system's clock tick
        Files.writeString(month, "month 9\n"); // the same size, through the earlier report's name
        Files.setLastModifiedTime(month, modified);
        hashes.beforePruning(report);
        hashes.rememberPublished(report, Map.of("2024-01.csv", MADE_UP), Instant.now().plusSeconds(1));
        assertEquals(InputFingerprint.sha256(month), PublishedHashes.in(root).sha256(report.resolve("2024-01.csv")));
    }

    @Test
    void aVerifiedFileIsStillAsVerifiedUntilWrittenEvenWithItsModificationTimeSetBack() throws Exception {
        Path month = Files.writeString(report.resolve("2024-01.csv"), "month 1\n");
        Thread.sleep(2_100); // settled: a file hashed within 2 s of its last change is not remembered
        PublishedHashes hashes = PublishedHashes.in(root);
        assertEquals(InputFingerprint.sha256(month), hashes.sha256(month)); // verified when the months are chosen
        hashes.save();
        assertTrue(PublishedHashes.in(root).stillAsVerified(month), "the assembly links it without reading it");
        FileTime modified = Files.getLastModifiedTime(month);
        Files.writeString(month, "month 9\n");
        Files.setLastModifiedTime(month, modified);
        assertFalse(PublishedHashes.in(root).stillAsVerified(month), "read again, and refused (SeriesTableTest)");
    }
}
