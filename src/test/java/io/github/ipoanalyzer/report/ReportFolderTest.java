package io.github.ipoanalyzer.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
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

        folders.publish(staging, "2026-11-28_run-1", 30, existing -> false);

        // Files, then their folder; then the output folder, after the rename and after latest moved.
        assertEquals(List.of("before rename: STAGING/first-day.csv", "before rename: STAGING/chart.png",
                "before rename: STAGING", "after rename: ", "after rename: "), synced);
    }

    @Test
    void foldersArePrunedByPublicationTimeNeverTheOneJustPublished() throws Exception {
        ReportFolder folders = new ReportFolder(output, path -> { });
        // Run 9 of an older database was published long ago; run 2 of the current one yesterday.
        publishedAt(Files.createDirectories(output.resolve("2026-11-20_run-9")), "2026-11-20T18:30:00Z");
        publishedAt(Files.createDirectories(output.resolve("2026-11-27_run-2")), "2026-11-27T18:30:00Z");

        Path staging = folders.stage(1);
        Files.writeString(staging.resolve("first-day.csv"), "new");
        Path published = folders.publish(staging, "2026-11-28_run-1", 2, existing -> false);

        assertEquals(List.of(output.resolve("2026-11-27_run-2"), published), folders.reports());
        assertEquals(published.toRealPath(), output.resolve("latest").toRealPath());
        assertEquals(2, folders.highestRunNumber(), "a new run is numbered after every folder still here");
    }

    @Test
    void aFolderOfTheSameNameIsKeptWhenItIsThisRunsAndNeverReplacedOtherwise() throws Exception {
        ReportFolder folders = new ReportFolder(output, path -> { });
        Path first = folders.stage(1);
        Files.writeString(first.resolve("first-day.csv"), "published before a crash");
        folders.publish(first, "2026-11-28_run-1", 30, existing -> false);

        Path again = folders.stage(1);
        Files.writeString(again.resolve("first-day.csv"), "the restart's copy");
        folders.publish(again, "2026-11-28_run-1", 30, existing -> true);
        assertEquals("published before a crash", Files.readString(output.resolve("latest/first-day.csv")));

        Path other = folders.stage(1);
        assertThrows(java.nio.file.FileAlreadyExistsException.class,
                () -> folders.publish(other, "2026-11-28_run-1", 30, existing -> false));
        assertEquals("published before a crash", Files.readString(output.resolve("2026-11-28_run-1/first-day.csv")));
        assertTrue(!Files.exists(other), "the refused staging folder is removed");
    }

    private static void publishedAt(Path folder, String instant) throws Exception {
        Files.setLastModifiedTime(folder, FileTime.from(Instant.parse(instant)));
    }
}
