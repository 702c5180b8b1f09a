package io.github.ipoanalyzer.report;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A streaming workbook (200 rows of a sheet in memory) whose sheets' rows are compressed once,
 * as they are written, into the deflate data of the workbook's own entries, on a thread beside
 * the one that writes them. POI's own writer compresses each sheet's rows twice: into a
 * temporary file, then, read back, into the workbook; a series sheet of 500,000 rows is about 370 MB
 * of XML. The rows' deflate data ends at a byte boundary without ending the stream (a sync
 * flush), so that the sheet's head, which POI knows only at the end, is compressed on its own
 * before it and its tail after it, the three one valid deflate stream; every entry holds the
 * same XML, in the same order, as POI's writer gives.
 */
final class WorkbookDeflatedOnce extends SXSSFWorkbook {

    /** Zlib's default level, as POI's writer compresses. */
    private static final int LEVEL = Deflater.DEFAULT_COMPRESSION;
    private static final int CHUNK_BYTES = 256 * 1024;
    /** Chunks of rows handed to the deflating thread and not yet compressed, at most: the writer waits past that. */
    private static final int CHUNKS_IN_FLIGHT = 8;
    /** The earliest time a zip entry holds, 1980-01-01 00:00, in this JVM's time zone, as zip entries are dated. */
    private static final long ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0)
            .atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();

    private final ExecutorService deflating = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, Thread.currentThread().getName() + "-deflate");
        thread.setDaemon(true);
        return thread;
    });
    /** Set when the workbook is let go of: its sheets' rows are not compressed any further. */
    private volatile boolean givenUp;
    private final Semaphore inFlight = new Semaphore(CHUNKS_IN_FLIGHT);
    /** Chunks compressed, to be filled again. */
    private final Queue<byte[]> spareChunks = new ConcurrentLinkedQueue<>();
    /** Each sheet's rows. */
    private final Map<SXSSFSheet, SheetRows> rowsOf = new IdentityHashMap<>();
    /** The rows' writer POI asked for last, while creating a sheet. */
    private SheetRows created;

    WorkbookDeflatedOnce() {
        super(200);
    }

    @Override
    protected SheetDataWriter createSheetDataWriter() throws IOException {
        created = new SheetRows();
        return created;
    }

    @Override
    public SXSSFSheet createSheet() {
        return paired(super.createSheet());
    }

    @Override
    public SXSSFSheet createSheet(String name) {
        return paired(super.createSheet(name));
    }

    private SXSSFSheet paired(SXSSFSheet sheet) {
        rowsOf.put(sheet, created);
        return sheet;
    }

    /** Writes the workbook: its parts as POI gives them, each sheet's rows in their place. */
    void writeTo(OutputStream out) throws IOException {
        flushSheets();
        Map<String, SheetRows> sheetEntries = new HashMap<>();
        for (int i = 0; i < getNumberOfSheets(); i++) {
            SheetRows rows = rowsOf.get(getSheetAt(i));
            if (rows == null) {
                throw new IllegalStateException("sheet " + getSheetName(i) + " was not created through this workbook");
            }
            rows.close(); // its last rows compressed
            sheetEntries.put(getXSSFWorkbook().getSheetAt(i).getPackagePart().getPartName().getName().substring(1), rows);
        }
        ByteArrayOutputStream template = new ByteArrayOutputStream();
        getXSSFWorkbook().write(template); // every part, the sheets without their rows
        // Closing the zip lets go of its deflater and closes out, which the caller closes too.
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out);
             ZipInputStream parts = new ZipInputStream(new ByteArrayInputStream(template.toByteArray()))) {
            for (ZipEntry part = parts.getNextEntry(); part != null; part = parts.getNextEntry()) {
                byte[] xml = parts.readAllBytes();
                SheetRows rows = sheetEntries.get(part.getName());
                if (rows == null) {
                    Deflated whole = Deflated.of(xml, true);
                    add(zip, part.getName(), whole.crc(), xml.length, whole.bytes().length,
                            new ByteArrayInputStream(whole.bytes()));
                } else {
                    addSheet(zip, part.getName(), xml, rows);
                }
            }
            zip.finish();
        }
    }

    /**
     * A sheet's entry: its XML up to its rows (as POI's writer puts them: the template's empty
     * {@code <sheetData/>} opened), the rows, then the rest.
     */
    private static void addSheet(ZipArchiveOutputStream zip, String name, byte[] xml, SheetRows rows)
            throws IOException {
        String text = new String(xml, StandardCharsets.UTF_8);
        int empty = text.indexOf("<sheetData/>");
        if (empty < 0) { // a streaming sheet's template never holds rows of its own
            throw new IllegalStateException(name + " has no empty sheetData to put its rows in");
        }
        String head = text.substring(0, empty) + "<sheetData>\n";
        String tail = "</sheetData>" + text.substring(empty + "<sheetData/>".length());
        byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
        byte[] tailBytes = tail.getBytes(StandardCharsets.UTF_8);
        Deflated headDeflated = Deflated.of(headBytes, false);
        Deflated tailDeflated = Deflated.of(tailBytes, true);
        long crc = Crc32Join.join(Crc32Join.join(headDeflated.crc(), rows.crc.getValue(), rows.size),
                tailDeflated.crc(), tailBytes.length);
        long size = headBytes.length + rows.size + tailBytes.length;
        long rowsDeflated = Files.size(rows.file().toPath());
        try (InputStream rowsData = Files.newInputStream(rows.file().toPath())) {
            add(zip, name, crc, size, headDeflated.bytes().length + rowsDeflated + tailDeflated.bytes().length,
                    new SequenceInputStream(Collections.enumeration(List.of(
                            new ByteArrayInputStream(headDeflated.bytes()), rowsData,
                            new ByteArrayInputStream(tailDeflated.bytes())))));
        }
    }

    private static void add(ZipArchiveOutputStream zip, String name, long crc, long size, long compressedSize,
                            InputStream deflated) throws IOException {
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setMethod(ZipEntry.DEFLATED);
        entry.setTime(ENTRY_TIME);
        entry.setCrc(crc);
        entry.setSize(size);
        entry.setCompressedSize(compressedSize);
        zip.addRawArchiveEntry(entry, deflated);
    }

    /** The temporary files deleted and the deflating thread stopped, the workbook written or given up. */
    @Override
    public boolean dispose() {
        givenUp = true;
        List<Runnable> dropped = deflating.shutdownNow();
        for (Runnable task : dropped) {
            ((Future<?>) task).cancel(false);
        }
        inFlight.release(dropped.size());
        // The chunk being compressed (at most one) finishes before its file is closed, even for a
        // thread that was interrupted: nothing may write into the temporary files after this.
        boolean interrupted = false;
        while (!deflating.isTerminated()) {
            try {
                deflating.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return super.dispose();
    }

    /** Only {@link #writeTo}: POI's own writers would take the compressed rows for XML. */
    @Override
    public void write(OutputStream out) throws IOException {
        writeTo(out);
    }

    /** Only {@link #writeTo}: POI's own writers would take the compressed rows for XML. */
    @Override
    public void writeAvoidingTempFiles(OutputStream out) throws IOException {
        writeTo(out);
    }

    /** Bytes compressed on their own, and their CRC-32. */
    private record Deflated(byte[] bytes, long crc) {
        /** {@code ends}: the bytes end the deflate stream, else they end at a byte boundary for more to follow (a sync flush). */
        static Deflated of(byte[] input, boolean ends) {
            Deflater deflater = new Deflater(LEVEL, true);
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream(input.length / 4 + 64);
                deflater.setInput(input);
                if (ends) {
                    deflater.finish();
                }
                byte[] buffer = new byte[64 * 1024];
                int n;
                do {
                    n = deflater.deflate(buffer, 0, buffer.length, ends ? Deflater.NO_FLUSH : Deflater.SYNC_FLUSH);
                    out.write(buffer, 0, n);
                } while (ends ? !deflater.finished() : n == buffer.length);
                CRC32 crc = new CRC32();
                crc.update(input);
                return new Deflated(out.toByteArray(), crc.getValue());
            } finally {
                deflater.end();
            }
        }
    }

    /**
     * A sheet's rows as POI writes them, handed in chunks to the deflating thread, which
     * compresses them into the sheet's temporary file and keeps their CRC-32 and length.
     */
    private final class SheetRows extends SheetDataWriter {
        private final CRC32 crc = new CRC32();
        private long size;

        SheetRows() throws IOException {
            super();
        }

        /**
         * What POI writes the rows' XML into, called by its constructor: encoded as UTF-8 straight
         * into the chunks (POI's own is a buffered, synchronized writer over an encoder).
         */
        @Override
        public Writer createWriter(File file) throws IOException {
            return new RowsOut(new FileOutputStream(file));
        }

        File file() {
            return getTempFile();
        }

        /** The rows' XML as UTF-8, in chunks handed to the deflating thread in order. */
        private final class RowsOut extends Writer {
            private final FileOutputStream file;
            private final Deflater deflater = new Deflater(LEVEL, true);
            private byte[] chunk;
            private int filled;
            private Future<?> last;
            /** The first failure of the deflating thread for this sheet: the chunks after it are not compressed. */
            private volatile Throwable failure;
            /** The deflating thread's output buffer for this sheet. */
            private final byte[] deflated = new byte[64 * 1024];
            private boolean closed;
            private boolean released;
            /** A high surrogate written last, waiting for its low one. */
            private char high;

            RowsOut(FileOutputStream file) {
                this.file = file;
            }

            @Override
            public void write(int c) throws IOException {
                put((char) c);
            }

            /** POI's escaped text: as a string, through the one loop. */
            @Override
            public void write(char[] chars, int off, int len) throws IOException {
                write(String.valueOf(chars, off, len), 0, len);
            }

            @Override
            public void write(String text, int off, int len) throws IOException {
                int end = off + len;
                for (int i = off; i < end; ) {
                    byte[] b = chunk;
                    if (b != null && high == 0) { // a run of ASCII, the XML's most, copied as it is
                        int f = filled;
                        int stop = Math.min(end, i + b.length - f);
                        char c;
                        while (i < stop && (c = text.charAt(i)) < 0x80) {
                            b[f++] = (byte) c;
                            i++;
                        }
                        filled = f;
                        if (i == end) {
                            return;
                        }
                    }
                    put(text.charAt(i++));
                }
            }

            /** One character as UTF-8; a surrogate without its pair as "?", as Java's encoder writes it. */
            private void put(char c) throws IOException {
                if (chunk == null || chunk.length - filled < 4) {
                    nextChunk();
                }
                byte[] b = chunk;
                if (high != 0) {
                    char first = high;
                    high = 0;
                    if (Character.isLowSurrogate(c)) {
                        int p = Character.toCodePoint(first, c);
                        b[filled++] = (byte) (0xF0 | p >> 18);
                        b[filled++] = (byte) (0x80 | p >> 12 & 0x3F);
                        b[filled++] = (byte) (0x80 | p >> 6 & 0x3F);
                        b[filled++] = (byte) (0x80 | p & 0x3F);
                        return;
                    }
                    b[filled++] = '?';
                    put(c);
                    return;
                }
                if (c < 0x80) {
                    b[filled++] = (byte) c;
                } else if (c < 0x800) {
                    b[filled++] = (byte) (0xC0 | c >> 6);
                    b[filled++] = (byte) (0x80 | c & 0x3F);
                } else if (Character.isHighSurrogate(c)) {
                    high = c;
                } else if (Character.isLowSurrogate(c)) {
                    b[filled++] = '?';
                } else {
                    b[filled++] = (byte) (0xE0 | c >> 12);
                    b[filled++] = (byte) (0x80 | c >> 6 & 0x3F);
                    b[filled++] = (byte) (0x80 | c & 0x3F);
                }
            }

            /** The chunk filled so far handed off, and an empty one to fill. */
            private void nextChunk() throws IOException {
                if (givenUp) { // POI flushes the rows it holds when it lets go of a sheet: nothing to keep
                    filled = 0;
                    if (chunk == null) {
                        chunk = new byte[CHUNK_BYTES];
                    }
                    return;
                }
                if (chunk != null) {
                    handOff(Deflater.NO_FLUSH);
                }
                failedBefore();
                chunk = spareChunks.poll();
                if (chunk == null) {
                    chunk = new byte[CHUNK_BYTES];
                }
            }

            /** The chunks are handed off when full or at the end: nothing to flush before. */
            @Override
            public void flush() {
            }

            /**
             * Compresses what is written so far, the rows' data ending at a byte boundary, and
             * waits for it; a workbook given up only lets go of its file.
             */
            @Override
            public void close() throws IOException {
                if (closed) {
                    if (givenUp) {
                        release(); // the deflating thread has stopped: nothing writes into the file any more
                    }
                    return;
                }
                closed = true;
                try {
                    if (givenUp) {
                        return;
                    }
                    if (chunk == null) {
                        chunk = new byte[4];
                    }
                    if (high != 0) {
                        high = 0;
                        chunk[filled++] = '?'; // put left room for four bytes
                    }
                    handOff(Deflater.SYNC_FLUSH);
                    last.get();
                    failedBefore();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("stopped while compressing a sheet of " + Workbook.FILE);
                } catch (ExecutionException e) {
                    throw new IOException("a sheet of " + Workbook.FILE + " was not compressed: " + e.getCause(), e.getCause());
                } finally {
                    if (last == null || last.isDone()) {
                        release();
                    } // else its chunks are still being compressed: dispose() waits for them, then closes again
                }
            }

            /** The deflater and the file let go of, once. */
            private void release() throws IOException {
                if (!released) {
                    released = true;
                    deflater.end();
                    file.close();
                }
            }

            private void handOff(int flush) throws IOException {
                byte[] full = chunk;
                int length = filled;
                chunk = null;
                filled = 0;
                try {
                    inFlight.acquire();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    InterruptedIOException stopped = new InterruptedIOException("stopped while writing a sheet of " + Workbook.FILE);
                    failure = stopped; // a chunk dropped: the sheet can no longer be written whole
                    throw stopped;
                }
                try {
                    last = deflating.submit(() -> {
                        try {
                            if (failure == null) {
                                crc.update(full, 0, length);
                                size += length;
                                deflater.setInput(full, 0, length);
                                int n;
                                do {
                                    n = deflater.deflate(deflated, 0, deflated.length, flush);
                                    file.write(deflated, 0, n);
                                } while (flush == Deflater.NO_FLUSH ? !deflater.needsInput() : n == deflated.length);
                            }
                        } catch (Throwable e) { // a full disk, or memory: the sheet is not written, never half
                            failure = e;
                        } finally {
                            inFlight.release();
                            if (full.length == CHUNK_BYTES) {
                                spareChunks.add(full);
                            }
                        }
                    });
                } catch (RejectedExecutionException e) {
                    inFlight.release();
                    InterruptedIOException givenUpNow = new InterruptedIOException("the workbook was given up while a sheet was written");
                    failure = givenUpNow;
                    throw givenUpNow;
                } catch (RuntimeException | Error e) { // no thread to compress with
                    inFlight.release();
                    failure = e;
                    throw e;
                }
            }

            /** A chunk compressed before that failed (a full disk) fails the writing now. */
            private void failedBefore() throws IOException {
                Throwable failed = failure;
                if (failed != null) {
                    throw new IOException("a sheet of " + Workbook.FILE + " was not written: " + failed, failed);
                }
            }
        }
    }
}
