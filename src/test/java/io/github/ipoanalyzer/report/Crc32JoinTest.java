package io.github.ipoanalyzer.report;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;

class Crc32JoinTest {

    @Test
    void theJoinedCrcIsTheCrcOfBothSequencesOneAfterTheOther() {
        Random random = new Random(20261207);
        int[] lengths = {0, 1, 2, 3, 7, 8, 255, 256, 4_096, 65_537, 1_000_003};
        for (int a : lengths) {
            for (int b : lengths) {
                byte[] first = new byte[a];
                byte[] second = new byte[b];
                random.nextBytes(first);
                random.nextBytes(second);
                CRC32 whole = new CRC32();
                whole.update(first);
                whole.update(second);
                assertEquals(whole.getValue(), Crc32Join.join(crc(first), crc(second), b), a + " then " + b + " bytes");
            }
        }
    }

    @Test
    void aKnownValue() {
        // "123456789" has the CRC-32 0xCBF43926 (the check value of the CRC-32 that zip uses).
        byte[] head = "1234".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] tail = "56789".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals(0xCBF43926L, Crc32Join.join(crc(head), crc(tail), tail.length));
    }

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }
}
