package io.github.ipoanalyzer.ingest;

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
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** SHA-256 of every input file, and of the whole set (names and contents): what identifies a run's inputs. */
public final class InputFingerprint {

    private InputFingerprint() {
    }

    /** Relative path to SHA-256, in the layout's order. */
    public static Map<String, String> perFile(InputLayout layout) {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (Path file : layout.existingFiles()) {
            hashes.put(layout.relative(file), sha256(file));
        }
        return hashes;
    }

    public static String ofAll(Map<String, String> perFile) {
        MessageDigest digest = newDigest();
        perFile.forEach((name, hash) -> digest.update((name + "\0" + hash + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(digest.digest());
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

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
