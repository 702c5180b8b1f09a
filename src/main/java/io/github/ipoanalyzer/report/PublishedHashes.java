package io.github.ipoanalyzer.report;

import io.github.ipoanalyzer.store.FileHashMemo;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The SHA-256 of the files of published reports, remembered by their state on disk in the output
 * folder ({@value #FILE}), so that a run verifies the months of the series it takes over, and the
 * files it shares with the report before, without reading them: the series of years of a market
 * are gigabytes, otherwise read whole at every nightly run. A remembered hash serves only while
 * the file's size, modification and status-change times and inode are the ones it was remembered
 * with ({@link FileHashMemo}), and any write to the file changes them. Adding or removing a hard
 * link changes the status-change time as well, which every run does to the months it takes over
 * and to the files of the folder it prunes; so the run that publishes a folder remembers its files
 * as they are once publishing and pruning are done: a file the run wrote, neither written nor
 * changed since the report was written; a file it verified and linked, its bytes not written
 * since it was verified. Anything else is read again by the next run.
 */
final class PublishedHashes {

    static final String FILE = ".published-hashes.tsv";

    private final FileHashMemo memo;
    /** Each staged file that is a link to a verified file of the report before: that file's state then. */
    private final Map<String, FileHashMemo.Stat> linked = new HashMap<>();

    private PublishedHashes(FileHashMemo memo) {
        this.memo = memo;
    }

    static PublishedHashes in(Path outputRoot) {
        return new PublishedHashes(FileHashMemo.in(outputRoot, FILE));
    }

    /** The file's SHA-256: remembered while its state on disk is the one it was remembered with, else read. */
    String sha256(Path file) {
        return memo.sha256(file);
    }

    /** The staged file {@code name} is (a link to) {@code verified}, a file of the report before whose bytes were verified. */
    void linked(String name, Path verified) {
        FileHashMemo.Stat.of(verified).ifPresent(state -> linked.put(name, state));
    }

    /**
     * Remembers the hashes of the published {@code folder}'s files ({@code outputs}: relative name to
     * SHA-256, as its manifest lists them), each as it is now, where its bytes are certain (see the
     * class comment): {@code writtenBy} is when the run had finished writing the report.
     */
    void rememberPublished(Path folder, Map<String, String> outputs, Instant writtenBy) {
        outputs.forEach((name, sha256) -> {
            Path file = folder.resolve(name);
            Optional<FileHashMemo.Stat> now = FileHashMemo.Stat.of(file);
            FileHashMemo.Stat verified = linked.get(name);
            if (now.isPresent() && (verified != null ? now.get().sameBytesAs(verified) : now.get().unchangedSince(writtenBy))) {
                memo.remember(file, now.get(), sha256);
            }
        });
        memo.save();
    }
}
