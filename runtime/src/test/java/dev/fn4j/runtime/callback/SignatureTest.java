package dev.fn4j.runtime.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SignatureTest {

    private static final String SECRET = "3f1c0a9e5b7d4c2a8e6f0b1d3c5a7e9f3f1c0a9e5b7d4c2a8e6f0b1d3c5a7e9f";
    private static final byte[] BODY = "{\"id\":\"ab12\",\"status\":\"succeeded\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theHeaderIsTheTimestampAndTheHmacOfTimestampDotBody() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of()
                .formatHex(mac.doFinal(
                        ("1795000000." + new String(BODY, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));

        assertThat(Signature.header(SECRET, 1_795_000_000L, BODY)).isEqualTo("t=1795000000,v1=" + expected);
    }

    @Test
    void aReceiverWithTheSecretVerifiesIt() {
        assertThat(Signature.verify(SECRET, Signature.header(SECRET, 1_795_000_000L, BODY), BODY))
                .isTrue();
    }

    @Test
    void anotherBodyTimestampOrSecretDoesNotVerify() {
        String header = Signature.header(SECRET, 1_795_000_000L, BODY);
        assertThat(Signature.verify(SECRET, header, "{}".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(Signature.verify(SECRET, header.replace("t=1795000000", "t=1795000001"), BODY))
                .isFalse();
        assertThat(Signature.verify("another secret", header, BODY)).isFalse();
    }

    @Test
    void aMalformedHeaderDoesNotVerify() {
        assertThat(Signature.verify(SECRET, null, BODY)).isFalse();
        assertThat(Signature.verify(SECRET, "v1=abc", BODY)).isFalse();
        assertThat(Signature.verify(SECRET, "t=1,v1=zz", BODY)).isFalse();
    }
}
