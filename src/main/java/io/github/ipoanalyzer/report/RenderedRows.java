package io.github.ipoanalyzer.report;

import java.util.List;

/**
 * One listing's rows of one table, rendered exactly as the table writes them, in UTF-8: a chunk
 * per month for a series, one chunk (month "") for a plain table. What a report partition hands
 * to the report's assembly, on this machine or another; the assembly only copies the bytes.
 */
public record RenderedRows(List<Chunk> chunks) {

    /** {@code count} rendered rows of one month ("" for a plain table). */
    public record Chunk(String month, byte[] utf8, long count) {
    }
}
