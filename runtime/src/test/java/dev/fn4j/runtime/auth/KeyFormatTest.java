package dev.fn4j.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The key's shape and the check of its secret against a stored hash. */
class KeyFormatTest {

    @Test
    void aGeneratedKeySplitsIntoItsIdAndSecretAndItsSecretMatchesItsHash() {
        String key = KeyFormat.generate();
        KeyFormat.Parsed parsed = KeyFormat.parse(key);

        assertThat(key).isEqualTo("fn4j_" + parsed.id() + "_" + parsed.secret());
        assertThat(KeyFormat.matches(parsed.secret(), KeyFormat.hash(parsed.secret())))
                .isTrue();
        assertThat(KeyFormat.matches(parsed.secret() + "x", KeyFormat.hash(parsed.secret())))
                .isFalse();
        assertThat(KeyFormat.matches(parsed.secret(), "not hex")).isFalse();
    }

    @Test
    void theShapeCheckAgreesWithTheShapeWrittenAsARegularExpression() {
        Pattern shape = Pattern.compile("fn4j_([0-9a-f]{12})_([A-Za-z0-9_-]{43})");
        Random random = new Random(7);
        String alphabet = "0af9AZaz_-g.+=/ \u00e9";
        for (int i = 0; i < 20_000; i++) {
            char[] key = KeyFormat.generate().toCharArray();
            int changes = random.nextInt(3);
            for (int c = 0; c < changes; c++) {
                key[random.nextInt(key.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            String candidate =
                    random.nextInt(10) == 0 ? new String(key, 0, random.nextInt(key.length)) : new String(key);
            Matcher m = shape.matcher(candidate);
            KeyFormat.Parsed parsed = KeyFormat.parse(candidate);
            if (m.matches()) {
                assertThat(parsed).as(candidate).isEqualTo(new KeyFormat.Parsed(m.group(1), m.group(2)));
            } else {
                assertThat(parsed).as(candidate).isNull();
            }
        }
        assertThat(KeyFormat.parse(null)).isNull();
    }
}
