package dev.fn4j.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.host.PlainDifferential.Outcome;
import dev.fn4j.host.PlainTypes.Everything;
import dev.fn4j.host.PlainTypes.Tree;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random plain values and bodies, through the plain codec and through Jackson's JsonCodec:
 * the same bytes written, the same value or the same error read, and most canonical bodies on the
 * plain path.
 */
class PlainDifferentialTest {

    private static final long SEED = 20261206L;
    private static final int VALUES = 3000;

    /** Pieces spliced into bodies: coercions, odd JSON, broken JSON and bad UTF-8. */
    private static final String[] SNIPPETS = {
        " ",
        "\t",
        "\n",
        "\f",
        ",",
        ":",
        "\"36\"",
        "36",
        "1.0",
        "1e2",
        "-0",
        "0.5",
        "null",
        "true",
        "false",
        "[]",
        "{}",
        "[1]",
        "{\"a\":1}",
        "\"\\u0041\"",
        "\"\\uD800\"",
        "\\",
        "\"",
        "01",
        "}",
        "]",
        "\"RED\"",
        "\"x\"",
        "\"é\"",
        "1e400",
        "2147483648",
        "NaN",
        "\"NaN\"",
        "/*c*/",
        "\"i\":5,",
        "\"s\":\"dup\",",
        "\"c\":\"xy\","
    };

    private final BodyCodec jsonEverything = new JsonCodec(Everything.class);
    private final BodyCodec plainEverything = BodyCodec.forType(Everything.class);
    private final BodyCodec jsonTree = new JsonCodec(Tree.class);
    private final BodyCodec plainTree = BodyCodec.forType(Tree.class);

    @Test
    void randomRecordsAreWrittenAsJacksonWritesThemAndReadBackTheSame() throws Exception {
        Random random = new Random(SEED);
        PlainShape.RecordShape shape = PlainShapes.of(Everything.class);
        int plainReads = 0;
        for (int i = 0; i < VALUES; i++) {
            Everything value = PlainDifferential.everything(random);
            Outcome jackson = PlainDifferential.encoded(jsonEverything, value);

            assertThat(PlainDifferential.encoded(plainEverything, value))
                    .as(value.toString())
                    .isEqualTo(jackson);
            if (jackson.error() == null) {
                byte[] body = jsonEverything.encode(value).body();
                assertThat(PlainDifferential.decoded(plainEverything, body))
                        .as(text(body))
                        .isEqualTo(PlainDifferential.decoded(jsonEverything, body));
                plainReads += readsPlainly(body, shape) ? 1 : 0;
            }
        }
        // Only bodies with a NaN or infinite number (written as strings) should leave the plain path.
        assertThat(plainReads).isGreaterThan(VALUES * 3 / 4);
    }

    @Test
    void randomTreesAreWrittenAndReadAsJacksonDoes() {
        Random random = new Random(SEED);
        for (int i = 0; i < VALUES; i++) {
            Tree tree = PlainDifferential.tree(random, random.nextInt(6));
            Outcome jackson = PlainDifferential.encoded(jsonTree, tree);

            assertThat(PlainDifferential.encoded(plainTree, tree)).isEqualTo(jackson);
            if (jackson.error() == null) {
                byte[] body = ((String) jackson.value())
                        .substring("application/json ".length())
                        .getBytes(StandardCharsets.ISO_8859_1);
                assertThat(PlainDifferential.decoded(plainTree, body))
                        .isEqualTo(PlainDifferential.decoded(jsonTree, body));
            }
        }
    }

    @Test
    void randomlyBrokenBodiesAreReadAsJacksonReadsThem() throws Exception {
        Random random = new Random(SEED);
        int compared = 0;
        while (compared < VALUES) {
            Everything value = PlainDifferential.everything(random);
            if (PlainDifferential.encoded(jsonEverything, value).error() != null) {
                continue;
            }
            byte[] body = jsonEverything.encode(value).body();
            for (int mutations = 1 + random.nextInt(3); mutations > 0; mutations--) {
                body = mutate(body, random);
            }

            assertThat(PlainDifferential.decoded(plainEverything, body))
                    .as(text(body))
                    .isEqualTo(PlainDifferential.decoded(jsonEverything, body));
            compared++;
        }
    }

    private static byte[] mutate(byte[] body, Random random) {
        int at = random.nextInt(body.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (random.nextInt(4)) {
            case 0 -> {
                // Drop one byte.
                out.write(body, 0, Math.min(at, body.length - 1));
                out.write(body, Math.min(at + 1, body.length), body.length - Math.min(at + 1, body.length));
                return out.toByteArray();
            }
            case 1 -> {
                // A byte that is not UTF-8.
                return splice(body, at, at, new byte[] {(byte) (0x80 + random.nextInt(0x80))});
            }
            case 2 -> {
                // Replace the value after a colon with a snippet.
                int colon = indexOf(body, (byte) ':', at);
                if (colon < 0) {
                    return body;
                }
                int end = colon + 1;
                while (end < body.length && body[end] != ',' && body[end] != '}') {
                    end++;
                }
                return splice(body, colon + 1, end, snippet(random));
            }
            default -> {
                return splice(body, at, at, snippet(random));
            }
        }
    }

    private static byte[] snippet(Random random) {
        return SNIPPETS[random.nextInt(SNIPPETS.length)].getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] splice(byte[] body, int from, int to, byte[] piece) {
        byte[] result = Arrays.copyOf(body, from + piece.length + body.length - to);
        System.arraycopy(piece, 0, result, from, piece.length);
        System.arraycopy(body, to, result, from + piece.length, body.length - to);
        return result;
    }

    private static int indexOf(byte[] body, byte b, int from) {
        for (int i = from; i < body.length; i++) {
            if (body[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean readsPlainly(byte[] body, PlainShape.RecordShape shape) {
        try {
            PlainReader.read(body, shape);
            return true;
        } catch (PlainShape.NotPlain notPlain) {
            return false;
        }
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
