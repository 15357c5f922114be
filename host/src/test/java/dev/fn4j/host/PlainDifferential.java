package dev.fn4j.host;

import dev.fn4j.host.PlainTypes.Color;
import dev.fn4j.host.PlainTypes.Everything;
import dev.fn4j.host.PlainTypes.Inner;
import dev.fn4j.host.PlainTypes.Mood;
import dev.fn4j.host.PlainTypes.Tree;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Test helper: what a codec makes of a body or a value, and random plain values to feed it. */
final class PlainDifferential {

    private static final String CHARS = "aZ09 _-\"\\/\b\t\n\f\r\u0000\u001f\u007f\u0080éß中\u2028\uFFFF";
    private static final String[] EMOJI = {"😀", "\uD83D\uDE00", "𝄞"};

    private PlainDifferential() {}

    /** A decoded value with its class, or the error message: equal only when the codecs agree. */
    record Outcome(Object value, Class<?> type, String error) {}

    static Outcome decoded(BodyCodec codec, byte[] body) {
        try {
            Object value = codec.decode(body);
            return new Outcome(value, value == null ? null : value.getClass(), null);
        } catch (BodyCodec.BodyException e) {
            return new Outcome(null, null, e.getMessage());
        }
    }

    /** The content type and the exact bytes (one char per byte), or the error message. */
    static Outcome encoded(BodyCodec codec, Object value) {
        try {
            BodyCodec.Encoded encoded = codec.encode(value);
            return new Outcome(
                    encoded.contentType() + " " + new String(encoded.body(), StandardCharsets.ISO_8859_1), null, null);
        } catch (BodyCodec.BodyException e) {
            return new Outcome(null, null, e.getMessage());
        }
    }

    /** An Everything with the given floating-point values and fixed others. */
    static Everything everything(double d, float f) {
        return new Everything(
                "s",
                1,
                2,
                3L,
                4L,
                (short) 5,
                (short) 6,
                (byte) 7,
                (byte) 8,
                d,
                d,
                f,
                f,
                true,
                false,
                'c',
                'd',
                Color.RED,
                Mood.HAPPY,
                new Inner("i", 9),
                List.of("a"),
                List.of(new Inner(null, 0)),
                List.of(List.of(1, 2)),
                List.of(Color.BLUE));
    }

    static Everything everything(Random random) {
        return new Everything(
                string(random),
                anInt(random),
                random.nextInt(4) == 0 ? null : anInt(random),
                aLong(random),
                random.nextInt(4) == 0 ? null : aLong(random),
                (short) anInt(random),
                random.nextInt(4) == 0 ? null : (short) anInt(random),
                (byte) anInt(random),
                random.nextInt(4) == 0 ? null : (byte) anInt(random),
                aDouble(random),
                random.nextInt(4) == 0 ? null : aDouble(random),
                aFloat(random),
                random.nextInt(4) == 0 ? null : aFloat(random),
                random.nextBoolean(),
                random.nextInt(3) == 0 ? null : random.nextBoolean(),
                aChar(random),
                random.nextInt(4) == 0 ? null : aChar(random),
                random.nextInt(4) == 0 ? null : Color.values()[random.nextInt(3)],
                random.nextInt(4) == 0 ? null : Mood.values()[random.nextInt(2)],
                random.nextInt(4) == 0 ? null : inner(random),
                list(random, () -> string(random)),
                list(random, () -> inner(random)),
                list(random, () -> list(random, () -> random.nextInt(5) == 0 ? null : anInt(random))),
                list(random, () -> random.nextInt(5) == 0 ? null : Color.values()[random.nextInt(3)]));
    }

    static Tree tree(Random random, int depth) {
        List<Tree> children = depth == 0 || random.nextInt(4) == 0 ? null : new ArrayList<>();
        for (int i = 0; children != null && i < random.nextInt(3); i++) {
            children.add(random.nextInt(6) == 0 ? null : tree(random, depth - 1));
        }
        return new Tree(random.nextInt(5) == 0 ? null : string(random), children);
    }

    private static Inner inner(Random random) {
        return random.nextInt(5) == 0 ? null : new Inner(string(random), anInt(random));
    }

    private static <T> List<T> list(Random random, java.util.function.Supplier<T> element) {
        if (random.nextInt(5) == 0) {
            return null;
        }
        List<T> values = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            values.add(element.get());
        }
        return random.nextBoolean()
                ? values
                : List.copyOf(values.stream().filter(v -> v != null).toList());
    }

    static String string(Random random) {
        if (random.nextInt(8) == 0) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(10); i > 0; i--) {
            int pick = random.nextInt(20);
            if (pick == 0) {
                text.append(EMOJI[random.nextInt(EMOJI.length)]);
            } else if (pick == 1 && random.nextInt(10) == 0) {
                text.append('\uD800');
            } else if (pick < 8) {
                text.append(CHARS.charAt(random.nextInt(CHARS.length())));
            } else {
                text.append((char) ('a' + random.nextInt(26)));
            }
        }
        return text.toString();
    }

    private static int anInt(Random random) {
        int[] edges = {0, -1, 1, Integer.MAX_VALUE, Integer.MIN_VALUE, 127, -128, 255, 32767, -32768};
        return random.nextBoolean() ? edges[random.nextInt(edges.length)] : random.nextInt() >> random.nextInt(32);
    }

    private static long aLong(Random random) {
        long[] edges = {0, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 53, (1L << 53) + 1};
        return random.nextBoolean() ? edges[random.nextInt(edges.length)] : random.nextLong() >> random.nextInt(64);
    }

    private static double aDouble(Random random) {
        double[] edges = {
            0.0,
            -0.0,
            0.1,
            1e20,
            1e-7,
            1e7,
            1e-3,
            123456789.0,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE,
            Double.MAX_VALUE,
            Double.MIN_NORMAL
        };
        return switch (random.nextInt(3)) {
            case 0 -> edges[random.nextInt(edges.length)];
            case 1 -> Double.longBitsToDouble(random.nextLong());
            default -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(30) - 10);
        };
    }

    private static float aFloat(Random random) {
        float[] edges = {0f, -0f, 0.1f, 1e20f, 1e-7f, 1e7f, 16777217f, Float.NaN, Float.MIN_VALUE, Float.MAX_VALUE};
        return switch (random.nextInt(3)) {
            case 0 -> edges[random.nextInt(edges.length)];
            case 1 -> Float.intBitsToFloat(random.nextInt());
            default -> (float) ((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(20) - 5));
        };
    }

    private static char aChar(Random random) {
        String pool = CHARS + "\uD83D\uDE00";
        return pool.charAt(random.nextInt(pool.length()));
    }
}
