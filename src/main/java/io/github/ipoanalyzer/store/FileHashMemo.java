package io.github.ipoanalyzer.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The SHA-256 of each input file (or, in a memo of another name, each published report file:
 * report.PublishedHashes) remembered with the file's state on disk (size, modification and
 * status-change times to the nanosecond, inode), so that a launch hashes only the files that
 * changed since the last one: a market of thousands of price files is otherwise read whole at
 * every launch, a launch with nothing to do included. Any write to a file changes its status-change
 * time, which no program can set back (unlike the modification time), and a replaced file has
 * another inode; so a remembered hash is used only for the very file it was computed from. A file
 * that changed less than {@link #SETTLED} before it was hashed is not remembered: two writes
 * within one tick of the file system's clock can leave the same times. Only where the file
 * system gives these times (Linux, macOS); elsewhere every file is hashed, as without the memo.
 * The memo is a plain file beside the database; one that cannot be read is ignored.
 */
public final class FileHashMemo {

    public static final String FILE = "input-hashes.tsv";
    static final Duration SETTLED = Duration.ofSeconds(2);
    private static final String HEADER = "# ipo-analyzer: SHA-256 of files by their state on disk (size, mtime ns, ctime ns, inode)";

    private final Path memoFile;
    private final Map<String, Entry> known;
    /** Asked for on several threads at once (see InputFingerprint.readEach). */
    private final Map<String, Entry> seen = new ConcurrentHashMap<>();
    /** Whether a file asked for had another hash than the one remembered for it (see {@link #hashedOtherBytes}). */
    private volatile boolean hashedOtherBytes;

    /** A file's state on disk: while it is the same, so are its bytes. */
    public record Stat(long size, long modifiedNanos, long changedNanos, String inode) {

        /** Empty where the file system does not give these times and the inode (or the file is gone). */
        public static Optional<Stat> of(Path file) {
            try {
                Map<String, Object> a = Files.readAttributes(file, "unix:size,lastModifiedTime,ctime,ino");
                return Optional.of(new Stat((Long) a.get("size"), nanos((FileTime) a.get("lastModifiedTime")),
                        nanos((FileTime) a.get("ctime")), String.valueOf(a.get("ino"))));
            } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
                return Optional.empty();
            }
        }

        private static long nanos(FileTime time) {
            return time.to(TimeUnit.NANOSECONDS);
        }

        /**
         * The same file, its bytes not written since {@code earlier}: only its status-change time may
         * differ, which adding or removing one of its names (a hard link) changes too.
         */
        public boolean sameBytesAs(Stat earlier) {
            return size == earlier.size && modifiedNanos == earlier.modifiedNanos && inode.equals(earlier.inode);
        }

        /** Neither written nor its status changed after {@code instant}. */
        public boolean unchangedSince(Instant instant) {
            long at = TimeUnit.SECONDS.toNanos(instant.getEpochSecond()) + instant.getNano();
            return modifiedNanos <= at && changedNanos <= at;
        }

        boolean settledBy(Instant now) {
            long before = TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano() - SETTLED.toNanos();
            return modifiedNanos < before && changedNanos < before;
        }
    }

    private record Entry(Stat stat, String sha256) {
    }

    private FileHashMemo(Path memoFile, Map<String, Entry> known) {
        this.memoFile = memoFile;
        this.known = known;
    }

    /** The memo kept in {@code folder} (the database's), empty when there is none or it cannot be read. */
    public static FileHashMemo in(Path folder) {
        return in(folder, FILE);
    }

    /** The memo {@code fileName} kept in {@code folder}: another set of files than the input files'. */
    public static FileHashMemo in(Path folder, String fileName) {
        Path memoFile = folder.resolve(fileName);
        Map<String, Entry> known = new HashMap<>();
        try {
            if (Files.isRegularFile(memoFile)) {
                for (String line : Files.readAllLines(memoFile, StandardCharsets.UTF_8)) {
                    if (line.startsWith("#")) {
                        continue;
                    }
                    String[] f = line.split("\t", -1);
                    known.put(f[0], new Entry(new Stat(Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), f[4]),
                            f[5]));
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            known.clear(); // every file is hashed, as on a first launch
        }
        return new FileHashMemo(memoFile, known);
    }

    /**
     * The file's SHA-256: remembered while its state on disk is the one it was computed from, else
     * read. A file grown since it was remembered (rows appended, most likely) is read as the run's
     * reconciliation reads it, so that the run started in this process takes that reading over
     * ({@link #grown}) rather than reading the file again.
     */
    public String sha256(Path file) {
        String key = file.toAbsolutePath().normalize().toString();
        Optional<Stat> before = Stat.of(file);
        Entry remembered = known.get(key);
        if (before.isPresent() && remembered != null && remembered.stat().equals(before.get())) {
            seen.put(key, remembered);
            return remembered.sha256();
        }
        boolean grown = before.isPresent() && remembered != null && remembered.stat().size() < before.get().size();
        InputFingerprint.FileState state = grown ? InputFingerprint.state(file, remembered.stat().size()) : null;
        String sha256 = grown ? state.sha256() : InputFingerprint.sha256(file);
        if (remembered != null && !remembered.sha256().equals(sha256)) {
            hashedOtherBytes = true;
        }
        Optional<Stat> after = Stat.of(file);
        if (before.isPresent() && before.equals(after) && after.get().settledBy(Instant.now())
                && !key.contains("\t") && !key.contains("\n")) {
            seen.put(key, new Entry(after.get(), sha256));
            if (grown) {
                GROWN.put(key, new Grown(after.get(), remembered.stat().size(), state));
            }
        }
        return sha256;
    }

    /**
     * Whether a file asked for by {@link #sha256} had other bytes than the memo remembered for it: the
     * files are then not those of the launch that saved the memo. A file the memo does not remember
     * (new, or changed just before that launch hashed it) and one nobody asked for are not counted.
     */
    public boolean hashedOtherBytes() {
        return hashedOtherBytes;
    }

    /**
     * {@code file} as the reconciliation sees it with {@code recordedSize} bytes recorded, where
     * this process read it so while hashing it for a launch ({@link #sha256}) and the file's state
     * on disk is still the one it read: its bytes are those it read.
     */
    public static Optional<InputFingerprint.FileState> grown(Path file, long recordedSize) {
        Grown read = GROWN.get(file.toAbsolutePath().normalize().toString());
        Optional<Stat> now = Stat.of(file);
        return read != null && read.recordedSize() == recordedSize && now.isPresent() && read.stat().equals(now.get())
                ? Optional.of(read.state()) : Optional.empty();
    }

    /** A grown file's reading, by path: one per input file at most, each valid only for its state on disk. */
    private static final Map<String, Grown> GROWN = new ConcurrentHashMap<>();

    private record Grown(Stat stat, long recordedSize, InputFingerprint.FileState state) {
    }

    /**
     * Remembers {@code sha256} as the hash of {@code file} in the state {@code state}, which the
     * caller knows to hold those bytes (it wrote the file, or saw the hash computed and the file
     * not written since); kept by the next {@link #save}.
     */
    public void remember(Path file, Stat state, String sha256) {
        String key = file.toAbsolutePath().normalize().toString();
        if (!key.contains("\t") && !key.contains("\n")) {
            seen.put(key, new Entry(state, sha256));
        }
    }

    /**
     * Whether {@code file}'s state on disk is still the one its hash was remembered (or computed
     * by this memo) with: its bytes are those of that hash, with no read.
     */
    public boolean holds(Path file) {
        String key = file.toAbsolutePath().normalize().toString();
        Entry entry = seen.getOrDefault(key, known.get(key));
        Optional<Stat> now = Stat.of(file);
        return entry != null && now.isPresent() && entry.stat().equals(now.get());
    }

    /** The SHA-256 remembered for {@code file}, whatever its state on disk now; empty when none is. */
    public Optional<String> remembered(Path file) {
        return Optional.ofNullable(known.get(file.toAbsolutePath().normalize().toString())).map(Entry::sha256);
    }

    /**
     * Keeps the hashes of the files asked for this time (a file gone is forgotten), replacing the
     * memo whole; a memo that cannot be written only costs the next launch its reading.
     */
    public void save() {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        new TreeMap<>(seen).forEach((file, e) -> lines.add(String.join("\t", file, Long.toString(e.stat().size()),
                Long.toString(e.stat().modifiedNanos()), Long.toString(e.stat().changedNanos()), e.stat().inode(),
                e.sha256())));
        Path written = memoFile.resolveSibling(memoFile.getFileName() + ".new");
        try {
            Files.write(written, lines, StandardCharsets.UTF_8);
            try {
                Files.move(written, memoFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(written, memoFile, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(written);
            } catch (IOException ignored) {
                // the next launch writes it again
            }
        }
    }
}
