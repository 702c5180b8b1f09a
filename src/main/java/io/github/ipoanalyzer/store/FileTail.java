package io.github.ipoanalyzer.store;

/**
 * Where reading a file that only had rows appended resumes: the first byte after its recorded
 * content, and the lines before it (so that line numbers stay those of the whole file).
 */
public record FileTail(long fromByte, long linesBefore) {
}
