package io.github.ipoanalyzer.report;

/**
 * The CRC-32 of two byte sequences one after the other, from the CRC-32 of each and the length
 * of the second (zlib's {@code crc32_combine}): a sheet's rows are checked as they are written,
 * before the sheet's head, which comes first in its zip entry, is known.
 */
final class Crc32Join {

    /** The CRC-32 polynomial, bits reversed, as zip's CRC-32 uses it. */
    private static final long POLYNOMIAL = 0xEDB88320L;

    private Crc32Join() {
    }

    /** The CRC-32 of A then B, given A's, B's and B's length in bytes. */
    static long join(long crcA, long crcB, long lengthB) {
        if (lengthB <= 0) {
            return crcA;
        }
        // The operator that appends one zero bit to a CRC, then squared into 2, 4, 8 ... zero bits:
        // appending B's length of zeros to A's CRC and adding B's gives the CRC of A then B.
        long[] odd = new long[32];
        long[] even = new long[32];
        odd[0] = POLYNOMIAL;
        long row = 1;
        for (int n = 1; n < 32; n++) {
            odd[n] = row;
            row <<= 1;
        }
        square(even, odd); // two zero bits
        square(odd, even); // four zero bits
        long crc = crcA;
        long length = lengthB;
        do {
            square(even, odd); // the first time one zero byte, then 2, 4 ... bytes
            if ((length & 1) != 0) {
                crc = times(even, crc);
            }
            length >>= 1;
            if (length == 0) {
                break;
            }
            square(odd, even);
            if ((length & 1) != 0) {
                crc = times(odd, crc);
            }
            length >>= 1;
        } while (length != 0);
        return crc ^ crcB;
    }

    private static long times(long[] matrix, long vector) {
        long sum = 0;
        for (int i = 0; vector != 0; i++, vector >>>= 1) {
            if ((vector & 1) != 0) {
                sum ^= matrix[i];
            }
        }
        return sum;
    }

    private static void square(long[] square, long[] matrix) {
        for (int n = 0; n < 32; n++) {
            square[n] = times(matrix, matrix[n]);
        }
    }
}
