package io.github.ipoanalyzer.store;

import io.github.ipoanalyzer.market.DailyPrice;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The exact binary form of a run of price rows of one ticker from one file, as stored in one
 * PRICE_BLOCK row. Storing a block per chunk instead of a table row per price is what lets a
 * market of millions of prices load at CSV speed (an HSQLDB insert per row ran at ~31k rows/s).
 * Nothing is approximated: a decimal is kept as its unscaled integer and scale, so it decodes
 * to an equal BigDecimal with the same scale.
 * Layout: row count, then every date (so that a trading calendar reads only this part), then
 * per row its line, a mask of the known fields and the fields. Integers are variable-length.
 * The last four bytes are the CRC32 of the rest: a block damaged on disk fails loudly
 * ({@link CorruptStoreException}) instead of decoding to other prices.
 */
public final class PriceBlockCodec {

    private static final int OPEN = 1, HIGH = 2, LOW = 4, CLOSE = 8, VOLUME = 16, TURNOVER = 32, NOTE = 64;

    private PriceBlockCodec() {
    }

    /** Rows of one ticker and one file, in file order. */
    public static byte[] encode(List<Sourced<DailyPrice>> rows) {
        Writer out = new Writer(rows.size() * 32 + 16);
        out.varLong(rows.size());
        long previousDay = 0;
        for (Sourced<DailyPrice> r : rows) {
            long day = r.row().date().toEpochDay();
            out.varLong(zigzag(day - previousDay));
            previousDay = day;
        }
        long previousLine = 0;
        for (Sourced<DailyPrice> r : rows) {
            DailyPrice p = r.row();
            out.varLong(zigzag(r.line() - previousLine));
            previousLine = r.line();
            int mask = (p.open() != null ? OPEN : 0) | (p.high() != null ? HIGH : 0) | (p.low() != null ? LOW : 0)
                    | (p.close() != null ? CLOSE : 0) | (p.volume() != null ? VOLUME : 0)
                    | (p.turnover() != null ? TURNOVER : 0) | (p.note() != null ? NOTE : 0);
            out.write(mask);
            out.decimal(p.open());
            out.decimal(p.high());
            out.decimal(p.low());
            out.decimal(p.close());
            if (p.volume() != null) {
                out.varLong(zigzag(p.volume()));
            }
            out.decimal(p.turnover());
            if (p.note() != null) {
                byte[] utf8 = p.note().getBytes(StandardCharsets.UTF_8);
                out.varLong(utf8.length);
                out.write(utf8);
            }
        }
        out.checksum();
        return out.toByteArray();
    }

    public static List<Sourced<DailyPrice>> decode(byte[] block, String ticker, String file) {
        Reader in = new Reader(block);
        LocalDate[] dates = dates(in);
        List<Sourced<DailyPrice>> rows = new ArrayList<>(dates.length);
        long line = 0;
        for (LocalDate date : dates) {
            line += unzigzag(in.varLong());
            int mask = in.buffer.get();
            BigDecimal open = (mask & OPEN) != 0 ? in.decimal() : null;
            BigDecimal high = (mask & HIGH) != 0 ? in.decimal() : null;
            BigDecimal low = (mask & LOW) != 0 ? in.decimal() : null;
            BigDecimal close = (mask & CLOSE) != 0 ? in.decimal() : null;
            Long volume = (mask & VOLUME) != 0 ? unzigzag(in.varLong()) : null;
            BigDecimal turnover = (mask & TURNOVER) != 0 ? in.decimal() : null;
            String note = null;
            if ((mask & NOTE) != 0) {
                byte[] utf8 = new byte[(int) in.varLong()];
                in.buffer.get(utf8);
                note = new String(utf8, StandardCharsets.UTF_8);
            }
            rows.add(new Sourced<>(new DailyPrice(ticker, date, open, high, low, close, volume, turnover, note),
                    file, line));
        }
        return rows;
    }

    /** Only the dates of a block, as epoch days: no object per date, for passes over millions. */
    public static long[] epochDays(byte[] block) {
        Reader in = new Reader(block);
        long[] days = new long[(int) in.varLong()];
        long day = 0;
        for (int i = 0; i < days.length; i++) {
            day += unzigzag(in.varLong());
            days[i] = day;
        }
        return days;
    }

    private static LocalDate[] dates(Reader in) {
        LocalDate[] dates = new LocalDate[(int) in.varLong()];
        long day = 0;
        for (int i = 0; i < dates.length; i++) {
            day += unzigzag(in.varLong());
            dates[i] = LocalDate.ofEpochDay(day);
        }
        return dates;
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    /** A growable byte array without ByteArrayOutputStream's lock on every byte. */
    private static final class Writer {
        private byte[] bytes;
        private int size;

        Writer(int capacity) {
            bytes = new byte[Math.max(16, capacity)];
        }

        void write(int b) {
            if (size == bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            bytes[size++] = (byte) b;
        }

        void write(byte[] b) {
            for (byte x : b) {
                write(x);
            }
        }

        /** Appends the CRC32 of everything written so far. */
        void checksum() {
            CRC32 crc = new CRC32();
            crc.update(bytes, 0, size);
            int value = (int) crc.getValue();
            for (int shift = 24; shift >= 0; shift -= 8) {
                write(value >>> shift);
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }

        void varLong(long v) {
            while ((v & ~0x7FL) != 0) {
                write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            write((int) v);
        }

        /** Scale and unscaled value; an unscaled value beyond 63 bits as its two's-complement bytes. */
        void decimal(BigDecimal d) {
            if (d == null) {
                return;
            }
            BigInteger unscaled = d.unscaledValue();
            boolean small = unscaled.bitLength() < 64;
            varLong(zigzag(((long) d.scale() << 1) | (small ? 0 : 1)));
            if (small) {
                varLong(zigzag(unscaled.longValue()));
            } else {
                byte[] raw = unscaled.toByteArray();
                varLong(raw.length);
                write(raw);
            }
        }
    }

    private static final class Reader {
        private final ByteBuffer buffer;

        Reader(byte[] block) {
            int payload = block.length - Integer.BYTES;
            CRC32 crc = new CRC32();
            if (payload > 0) {
                crc.update(block, 0, payload);
            }
            if (payload <= 0 || (int) crc.getValue() != ByteBuffer.wrap(block, payload, Integer.BYTES).getInt()) {
                throw new CorruptStoreException("a stored block of prices fails its checksum");
            }
            this.buffer = ByteBuffer.wrap(block, 0, payload);
        }

        long varLong() {
            long v = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = buffer.get();
                v |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return v;
                }
            }
        }

        BigDecimal decimal() {
            long header = unzigzag(varLong());
            int scale = (int) (header >> 1);
            if ((header & 1) == 0) {
                return BigDecimal.valueOf(unzigzag(varLong()), scale);
            }
            byte[] raw = new byte[(int) varLong()];
            buffer.get(raw);
            return new BigDecimal(new BigInteger(raw), scale);
        }
    }
}
