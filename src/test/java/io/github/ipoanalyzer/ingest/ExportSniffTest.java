package io.github.ipoanalyzer.ingest;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A file's head is sniffed without decoding more than it needs: its first lines are those of the
 * whole head decoded, and its invalid sequences are counted as a decoder over all of it counts them.
 */
class ExportSniffTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final String[] PIECES = {"ticker", ",", "\t", "688795.SH", "摩尔线程", "2025-12-05", "\n", "\r", "\r\n",
            "日期", "收盘", "\uFEFF", "é"};

    @Test
    void theFirstLinesAreThoseOfTheWholeHeadDecoded() {
        assertEquals(java.util.List.of(), ExportSniff.firstLines(new byte[0], StandardCharsets.UTF_8, 6), "an empty file");
        Random random = new Random(7);
        for (int round = 0; round < 2000; round++) {
            Charset charset = round % 2 == 0 ? StandardCharsets.UTF_8 : ExportSniff.GB18030;
            byte[] head = randomText(random, round % 2 == 0 ? StandardCharsets.UTF_8 : ExportSniff.GB18030);
            if (round % 7 == 0 && head.length > 3) {
                head[random.nextInt(head.length)] = (byte) (0x80 + random.nextInt(0x80)); // a stray byte
            }
            int count = 1 + random.nextInt(7);
            assertEquals(new String(head, charset).lines().limit(count).toList(), ExportSniff.firstLines(head, charset, count),
                    "round " + round);
        }
    }

    @Test
    void aDamagedCharacterThatTakesALineEndWithItLeavesTheLinesAsTheWholeHeadGivesThem() {
        // A GB18030 four-byte sequence cut after its second byte by a line end: the decoder takes the LF with it.
        byte[] head = "title,a\n日期,收盘".getBytes(GBK);
        byte[] damaged = Arrays.copyOf(head, head.length + 8);
        System.arraycopy(new byte[] {(byte) 0x81, '1', '\n', 'x', '\n', 'y', '\n', 'z'}, 0, damaged, head.length, 8);
        for (int count = 1; count <= 5; count++) {
            assertEquals(new String(damaged, ExportSniff.GB18030).lines().limit(count).toList(),
                    ExportSniff.firstLines(damaged, ExportSniff.GB18030, count), count + " lines");
        }
    }

    @Test
    void invalidSequencesAreCountedAsOneDecoderOverTheWholeHeadCountsThem() {
        Random random = new Random(11);
        for (int round = 0; round < 300; round++) {
            byte[] bytes = randomText(random, round % 3 == 0 ? ExportSniff.GB18030 : StandardCharsets.UTF_8);
            if (round % 2 == 0) {
                bytes = Arrays.copyOf(bytes, 64 * 1024 + random.nextInt(100)); // a full head, cut anywhere
            }
            for (int k = random.nextInt(4); k > 0; k--) {
                bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x80));
            }
            for (Charset charset : new Charset[] {StandardCharsets.UTF_8, ExportSniff.GB18030}) {
                for (int enough : new int[] {1, 3}) {
                    assertEquals(wholeBuffer(bytes, charset, enough), ExportSniff.invalidSequences(bytes, charset, enough),
                            "round " + round + " " + charset);
                }
            }
        }
    }

    private static byte[] randomText(Random random, Charset charset) {
        StringBuilder text = new StringBuilder();
        int pieces = 1 + random.nextInt(random.nextInt(10) == 0 ? 20_000 : 60);
        for (int i = 0; i < pieces; i++) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString().getBytes(charset);
    }

    /** The count by a decoder with room for every character of the head. */
    private static int wholeBuffer(byte[] bytes, Charset charset, int enough) {
        var decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        int invalid = 0;
        while (invalid < enough) {
            CoderResult result = decoder.decode(in, out, bytes.length < 64 * 1024);
            if (!result.isError()) {
                return invalid;
            }
            invalid++;
            in.position(in.position() + result.length());
        }
        return invalid;
    }
}
