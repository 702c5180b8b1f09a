package io.github.ipoanalyzer.store;

/**
 * The database holds data that fails its own checks (a checksum): it was damaged on disk or
 * edited by hand. Nothing computed from it may be published; the way out is a fresh database.
 */
public class CorruptStoreException extends RuntimeException {

    public CorruptStoreException(String message) {
        super(message);
    }
}
