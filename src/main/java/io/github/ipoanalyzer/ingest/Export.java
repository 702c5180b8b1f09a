package io.github.ipoanalyzer.ingest;

import java.util.List;

/**
 * A data source's export that an input kind reads beside its own format (a price history, an
 * IPO list): recognised by its header, then read row by row through the {@link Translation} it
 * opens for one file, so that every later rule is the same whichever source a row came from.
 */
public interface Export {

    String title();

    /** The header names (normalised) that all must be present for the export to be recognised. */
    List<String> signature();

    /** Every header name (normalised) the export writes that is read or knowingly ignored. */
    default List<String> knownColumns() {
        return signature();
    }

    /** Whether a header (names as {@link SourceValues#name} normalises them), its separator and the lines around it are this export's. */
    boolean recognises(List<String> header, char separator, List<String> linesAbove, List<String> linesBelow);

    /**
     * What a header that has this export's columns but was not recognised as it lacks, said as
     * what to add (TDX's title line), or empty.
     */
    default java.util.Optional<String> lacking(List<String> header) {
        return java.util.Optional.empty();
    }

    /** Header rows after the first (yfinance writes Ticker and Date rows). */
    default int extraHeaderRows() {
        return 0;
    }

    /**
     * How one file is read, or an {@link InputFileException} saying why it cannot be (adjusted
     * prices, no ticker anywhere, a column missing). {@code listed}: the tickers of listings.csv,
     * which a file's name may give in any of their spellings.
     */
    Translation open(String file, List<String> rawHeader, List<String> linesAbove, List<List<String>> extraHeaderRows,
                     java.util.Collection<String> listed);

    /** One file of an export, read. */
    interface Translation {

        /** The row in the kind's own columns, or a {@link RejectedRowException} that names the export's column. */
        CsvRecord translate(CsvRecord raw);

        /** The export's name and raw value of a column of the kind's format, when the file has that column. */
        java.util.Optional<String[]> cellInFile(String column, CsvRecord raw);

        /** A line that is the export's footer, not a row ("数据来源:通达信"). */
        default boolean isFooter(String firstCell) {
            return false;
        }

        /**
         * The units volume and turnover of {@code ticker}'s rows are read in, said the export's way
         * ("成交量 is read in 手 (100 shares) and 成交额 in 元, as … writes them"), or empty.
         */
        default java.util.Optional<String> unitsRead(String ticker) {
            return java.util.Optional.empty();
        }

        /** What the summary and input-files.csv say about the file: format, mapping, conversions, columns not used. */
        List<String> notices();
    }
}
