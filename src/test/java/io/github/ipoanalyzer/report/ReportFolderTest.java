package io.github.ipoanalyzer.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportFolderTest {

    @TempDir
    Path output;

    @Test
    void everyFileAndTheFolderAreSyncedBeforeTheRenameAndTheOutputFolderAfterIt() throws Exception {
        List<String> synced = new ArrayList<>();
        ReportFolder folders = new ReportFolder(output, path -> synced.add(
                (Files.exists(output.resolve("2026-11-28_run-1")) ? "after rename: " : "before rename: ")
                        + output.relativize(path).toString().replaceAll("\\.staging-1-[0-9a-f-]+", "STAGING")));
        Path staging = folders.stage(1);
        Files.writeString(staging.resolve("first-day.csv"), "a");
        Files.writeString(staging.resolve("chart.png"), "b");

        folders.publish(staging, "2026-11-28_run-1", 30, PublishedHashes.in(output), existing -> false);

        // Files, then their folder; then the output folder, after the rename and after latest moved.
        assertEquals(List.of("before rename: STAGING/first-day.csv", "before rename: STAGING/chart.png",
                "before rename: STAGING", "after rename: ", "after rename: "), synced);
    }

    @Test
    void theOldestRunsArePrunedFirstAndOnlyFoldersTheApplicationPublished() throws Exception {
        ReportFolder folders = new ReportFolder(output, path -> { });
        // Folders of an earlier version, named with the run number as is: run-10 sorts before run-2 by name.
        Path run2 = published("2026-11-20_run-2", "2026-11-20", 2);
        Path run9 = published("2026-11-26_run-9", "2026-11-26", 9);
        Path run10 = published("2026-11-27_run-10", "2026-11-27", 10);
        // A person opened run 2's first-day.csv in Excel: its lock file makes run 2 the folder modified last.
        Files.writeString(run2.resolve("~$first-day.csv"), "lock");
        // Named like a report, but no manifest of this application says it published it: a person's folder.
        Path theirs = Files.createDirectories(output.resolve("2026-11-01_run-1"));
        Files.writeString(theirs.resolve("notes.txt"), "mine");

        Path staging = folders.stage(11);
        manifest(staging, "2026-11-28", 11);
        ReportFolder.Publication publication = folders.publish(staging, ReportFolder.name("2026-11-28", 11), 2,
                PublishedHashes.in(output), existing -> false);

        assertEquals(output.resolve("2026-11-28_run-000011"), publication.folder(), "zero-padded: names sort in run order");
        assertEquals(List.of(run10, publication.folder()), folders.reports().stream().map(ReportFolder.Report::folder).toList());
        assertEquals(List.of("2026-11-01_run-1", "2026-11-27_run-10", "2026-11-28_run-000011", "latest"), names());
        assertEquals("mine", Files.readString(theirs.resolve("notes.txt")));
        assertEquals(publication.folder().toRealPath(), output.resolve("latest").toRealPath());
        assertEquals(List.of(), publication.notes());
        assertEquals(11, folders.highestRunNumber(), "a new run is numbered after every folder still here");
        assertTrue(!Files.exists(run9));
    }

    @Test
    void latestStaysAtTheNewestAsOfWhenABackdatedReportIsPublishedAndBothAreKept() throws Exception {
        ReportFolder folders = new ReportFolder(output, path -> { });
        Path newest = folders.publish(manifest(folders.stage(1), "2026-11-28", 1), ReportFolder.name("2026-11-28", 1), 1,
                PublishedHashes.in(output), existing -> false).folder();

        ReportFolder.Publication backdated = folders.publish(manifest(folders.stage(2), "2026-01-05", 2),
                ReportFolder.name("2026-01-05", 2), 1, PublishedHashes.in(output), existing -> false);

        assertEquals(newest.toRealPath(), output.resolve("latest").toRealPath());
        assertEquals(List.of("latest still points at 2026-11-28_run-000001, a report as of a later day (2026-11-28); "
                + "this report as of 2026-01-05 is " + output.resolve("2026-01-05_run-000002")), backdated.notes());
        assertEquals(List.of("2026-01-05_run-000002", "2026-11-28_run-000001", "latest"), names(),
                "--keep 1 keeps both: the one just published and the one latest points at");

        // A later run of the same day becomes latest; the oldest run goes.
        ReportFolder.Publication later = folders.publish(manifest(folders.stage(3), "2026-11-28", 3),
                ReportFolder.name("2026-11-28", 3), 1, PublishedHashes.in(output), existing -> false);
        assertEquals(later.folder().toRealPath(), output.resolve("latest").toRealPath());
        assertEquals(List.of("2026-11-28_run-000003", "latest"), names());
    }

    @Test
    void aFolderOfTheSameNameIsKeptWhenItIsThisRunsAndNeverReplacedOtherwise() throws Exception {
        ReportFolder folders = new ReportFolder(output, path -> { });
        Path first = folders.stage(1);
        Files.writeString(first.resolve("first-day.csv"), "published before a crash");
        folders.publish(first, "2026-11-28_run-1", 30, PublishedHashes.in(output), existing -> false);

        Path again = folders.stage(1);
        Files.writeString(again.resolve("first-day.csv"), "the restart's copy");
        folders.publish(again, "2026-11-28_run-1", 30, PublishedHashes.in(output), existing -> true);
        assertEquals("published before a crash", Files.readString(output.resolve("latest/first-day.csv")));

        Path other = folders.stage(1);
        assertThrows(java.nio.file.FileAlreadyExistsException.class,
                () -> folders.publish(other, "2026-11-28_run-1", 30, PublishedHashes.in(output), existing -> false));
        assertEquals("published before a crash", Files.readString(output.resolve("2026-11-28_run-1/first-day.csv")));
        assertTrue(!Files.exists(other), "the refused staging folder is removed");
    }

    /** A report folder as this application publishes it: named by its day and run, with its manifest. */
    private Path published(String name, String asOf, long run) throws Exception {
        Path folder = Files.createDirectories(output.resolve(name));
        Files.writeString(folder.resolve("first-day.csv"), name);
        return manifest(folder, asOf, run);
    }

    /** The first fields of a manifest.json, as Manifest writes them. */
    private static Path manifest(Path folder, String asOf, long run) throws Exception {
        Files.writeString(folder.resolve("manifest.json"), "{\n  \"application\" : \"ipo-analyzer\",\n  \"version\" : \"test\",\n"
                + "  \"asOf\" : \"" + asOf + "\",\n  \"runId\" : " + run + ",\n  \"outputs\" : [ ]\n}");
        return folder;
    }

    /** What the output folder holds but the memo of the published files' hashes (PublishedHashesTest). */
    private List<String> names() throws Exception {
        try (var entries = Files.list(output)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> !n.equals(PublishedHashes.FILE)).sorted().toList();
        }
    }
}
