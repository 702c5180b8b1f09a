package io.github.ipoanalyzer.store;

/** A validated row with the file and line it came from, kept in the tables for traceability. */
public record Sourced<T>(T row, String file, long line) {
}
