package io.github.ipoanalyzer.report;

/** A CSV of a report folder as its index and manifest list it: name, what it holds, rows and SHA-256. */
interface ReportFile {

    String fileName();

    String description();

    long rowCount();

    String sha256();

    /**
     * A file taken over unchanged from the report before (a month of a series that no new input
     * touched), linked into the new folder: its rows and hash are those its manifest lists.
     */
    record Carried(String fileName, String description, long rowCount, String sha256) implements ReportFile {
    }
}
