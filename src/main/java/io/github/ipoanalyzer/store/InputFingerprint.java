package io.github.ipoanalyzer.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** SHA-256 of every input file, and of the whole set (names and contents): what identifies a run's inputs. */
public final class InputFingerprint {

    /** Copied for each new SHA-256 ({@link #newDigest}), never updated itself. */
    private static final MessageDigest UNUSED_SHA256 = sha256Instance();

    private InputFingerprint() {
    }

    public static String ofAll(Map<String, String> perFile) {
        MessageDigest digest = newDigest();
        perFile.forEach((name, hash) -> digest.update((name + "\0" + hash + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * One file as the reconciliation sees it: its SHA-256, size and line count (-1 when not
     * counted: a file of its recorded size is most likely unchanged). For a file recorded earlier
     * at a smaller size, also the SHA-256 of its first {@code recordedSize} bytes, the lines they
     * hold and whether they end with a line end: together they tell a file that only had rows
     * appended; then {@code tailSha256} is the SHA-256 of the bytes after them, what a reader of
     * the appended rows must find. Lines are counted as the CSV reader counts them: LF, CRLF or a
     * lone CR. {@code modifiedMillis}: the file's modification time when it was read, so that the
     * end of the load can tell a file that changed since.
     */
    public record FileState(String sha256, long size, long lines, String prefixSha256, long prefixLines,
                            boolean prefixEndsLine, String tailSha256, long modifiedMillis)
            implements java.io.Serializable {

        /** What a reader of this file must find in the bytes it reads: the tail's hash when it reads only the tail. */
        public String sha256Read(boolean tailOnly) {
            return tailOnly ? tailSha256 : sha256;
        }

        /** True when the file on disk still has this state's size and modification time. */
        public boolean stillMatches(Path file) {
            try {
                return Files.isRegularFile(file) && Files.size(file) == size
                        && Files.getLastModifiedTime(file).toMillis() == modifiedMillis;
            } catch (IOException e) {
                return false;
            }
        }
    }

    /** {@code recordedSize}: the size the ledger recorded, or -1. Reads the file once. */
    public static FileState state(Path file, long recordedSize) {
        return state(file, recordedSize, InputFingerprint::sha256);
    }

    /** The same, the hash of a file of its recorded size from {@code hashOf} (a {@link FileHashMemo}'s, say). */
    public static FileState state(Path file, long recordedSize, java.util.function.Function<Path, String> hashOf) {
        long modified = modifiedMillis(file);
        long size = size(file);
        if (recordedSize == size) {
            return new FileState(hashOf.apply(file), size, -1, null, 0, false, null, modified);
        }
        MessageDigest digest = newDigest();
        MessageDigest tail = newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            long cut = recordedSize > 0 && recordedSize < size ? recordedSize : -1;
            byte[] buffer = new byte[1 << 16];
            long position = 0;
            long lines = 0;
            int previous = -1;
            String prefix = null;
            long prefixLines = 0;
            boolean prefixEndsLine = false;
            while (true) {
                // Never read across the cut, so that the digest can be copied exactly there.
                int want = cut > position ? (int) Math.min(buffer.length, cut - position) : buffer.length;
                int n = in.read(buffer, 0, want);
                if (n < 0) {
                    break;
                }
                digest.update(buffer, 0, n);
                if (prefix != null) {
                    tail.update(buffer, 0, n);
                }
                for (int i = 0; i < n; i++) {
                    int b = buffer[i];
                    if (b == '\r' || (b == '\n' && previous != '\r')) {
                        lines++;
                    }
                    previous = b;
                }
                position += n;
                if (position == cut) {
                    prefix = HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
                    prefixLines = lines;
                    // Ending in CR, the next byte may be the LF of the same line end: not a clean cut.
                    prefixEndsLine = previous == '\n';
                }
            }
            return new FileState(HexFormat.of().formatHex(digest.digest()), position, lines, prefix, prefixLines,
                    prefixEndsLine, prefix == null ? null : HexFormat.of().formatHex(tail.digest()), modified);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests of every Java runtime can be cloned", e);
        }
    }

    private static long modifiedMillis(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** Numbers the threads that read input files, for thread dumps and profiles. */
    private static final AtomicInteger READ_THREADS = new AtomicInteger();

    /**
     * {@code read} of each file, in the files' order, on a thread per core: fingerprinting a market
     * of thousands of files is reading them and SHA-256, which the cores can share. The first
     * file's failure, in the files' order, is thrown as it was thrown.
     */
    public static <T> List<T> readEach(List<Path> files, Function<Path, T> read) {
        int threads = Math.min(Runtime.getRuntime().availableProcessors(), files.size());
        if (threads <= 1) {
            return files.stream().map(read).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "fingerprint-" + READ_THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<T>> reads = files.stream().map(file -> pool.submit(() -> read.apply(file))).toList();
            List<T> results = new ArrayList<>(files.size());
            for (Future<T> r : reads) {
                results.add(r.get());
            }
            return results;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the input files", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Line ends of a whole file, counted as {@link #state} counts them. */
    public static long lines(Path file) {
        return state(file, -1).lines();
    }

    public static String sha256(Path file) {
        MessageDigest digest = newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A new SHA-256: a copy of an unused one, which costs less than finding the algorithm again for each file. */
    public static MessageDigest newDigest() {
        try {
            return (MessageDigest) UNUSED_SHA256.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the runtime's SHA-256 cannot be copied", e);
        }
    }

    private static MessageDigest sha256Instance() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
