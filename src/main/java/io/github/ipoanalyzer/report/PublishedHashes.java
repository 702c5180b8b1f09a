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
 * with ({@link FileHashMemo}); any write to the file changes them, and no program can set the
 * status-change time back.
 *
 * <p>Adding or removing a hard link changes the status-change time as well, which every run does
 * to the months it takes over and to the files of the folder it prunes. So each of those steps is
 * one link of a chain of exact checks: a file is verified (its hash remembered, or read, with its
 * state then), its state is the verified one just before the run links it, its state just after
 * the link is kept and is still exactly that just before pruning, and once publishing and pruning
 * are done the file is remembered as it then is (only the status-change time may have moved, by
 * the pruning). A file the run wrote is remembered if neither written nor changed since the report
 * was written. Anything else is read again by the next run.
 */
final class PublishedHashes {

    static final String FILE = ".published-hashes.tsv";

    private final FileHashMemo memo;
    /** Each staged file that is a link to a verified file of the report before: its state just after the link. */
    private final Map<String, FileHashMemo.Stat> linked = new HashMap<>();
    /** Linked files changed after their link: never remembered, not even as files the run wrote. */
    private final java.util.Set<String> changedAfterLink = new java.util.HashSet<>();

    private PublishedHashes(FileHashMemo memo) {
        this.memo = memo;
    }

    static PublishedHashes in(Path outputRoot) {
        return new PublishedHashes(FileHashMemo.in(outputRoot, FILE));
    }

    /** The file's SHA-256: remembered while its state on disk is the one it was remembered with, else read (and then kept). */
    String sha256(Path file) {
        return memo.sha256(file);
    }

    /** Whether {@code file} is still, to its status-change time, as it was when its hash was remembered or read. */
    boolean stillAsVerified(Path file) {
        return memo.holds(file);
    }

    /** Keeps the hashes read or found so far, for a later step of the run (or the next run). */
    void save() {
        memo.save();
    }

    /** The staged file {@code name} was just made a link to (or a copy of) a file verified and unchanged since. */
    void linked(String name, Path staged) {
        FileHashMemo.Stat.of(staged).ifPresent(state -> linked.put(name, state));
    }

    /** Just before pruning: a linked file no longer exactly as it was just after its link is not remembered. */
    void beforePruning(Path folder) {
        linked.forEach((name, afterLink) -> {
            if (!FileHashMemo.Stat.of(folder.resolve(name)).equals(Optional.of(afterLink))) {
                changedAfterLink.add(name);
            }
        });
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
            FileHashMemo.Stat afterLink = linked.get(name);
            if (now.isPresent() && !changedAfterLink.contains(name)
                    && (afterLink != null ? now.get().sameBytesAs(afterLink) : now.get().unchangedSince(writtenBy))) {
                memo.remember(file, now.get(), sha256);
            }
        });
        memo.save();
    }
}
