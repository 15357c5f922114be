package dev.fn4j.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class TokenPreambleTest {

    private static final String TOKEN = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    @Test
    void encodesTheDocumentedAsciiLine() {
        byte[] bytes = TokenPreamble.encode("3f2a9c01b7de", TOKEN);
        assertEquals("FN4J-TOKEN/1 3f2a9c01b7de " + TOKEN + "\n", new String(bytes, StandardCharsets.US_ASCII));
        assertEquals(91, bytes.length);
    }

    @Test
    void readsBackTheInstanceAndTokenAndStopsAtTheLineFeed() throws IOException {
        byte[] preamble = TokenPreamble.encode("3f2a9c01b7de", TOKEN);
        byte[] stream = Arrays.copyOf(preamble, preamble.length + 3);
        ByteArrayInputStream in = new ByteArrayInputStream(stream);
        TokenPreamble.Presented presented = TokenPreamble.read(in);
        assertEquals("3f2a9c01b7de", presented.instanceId());
        assertArrayEquals(HexFormat.of().parseHex(TOKEN), presented.token());
        assertEquals(3, in.available());
    }

    @Test
    void refusesAFrameInPlaceOfTheLine() {
        byte[] frame = {0, 0, 0, 2, 1, 1, '\n'};
        assertThrows(ProtocolException.class, () -> TokenPreamble.read(new ByteArrayInputStream(frame)));
    }

    @Test
    void refusesAShortOrUpperCaseToken() {
        for (String line : new String[] {
            "FN4J-TOKEN/1 abc 0011\n",
            "FN4J-TOKEN/1 abc " + TOKEN.toUpperCase() + "\n",
            "FN4J-TOKEN/1 abc " + TOKEN + " x\n"
        }) {
            byte[] bytes = line.getBytes(StandardCharsets.US_ASCII);
            assertThrows(ProtocolException.class, () -> TokenPreamble.read(new ByteArrayInputStream(bytes)), line);
        }
    }

    @Test
    void stopsReadingAnEndlessLine() {
        byte[] endless = new byte[10_000];
        Arrays.fill(endless, (byte) 'a');
        ProtocolException e =
                assertThrows(ProtocolException.class, () -> TokenPreamble.read(new ByteArrayInputStream(endless)));
        assertEquals("token line longer than 128 bytes", e.getMessage());
    }

    @Test
    void refusesToEncodeAMalformedToken() {
        assertThrows(IllegalArgumentException.class, () -> TokenPreamble.encode("abc", "xyz"));
        assertThrows(IllegalArgumentException.class, () -> TokenPreamble.encode("A B", TOKEN));
    }
}
