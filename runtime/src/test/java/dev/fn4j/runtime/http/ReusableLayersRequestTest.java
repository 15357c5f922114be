package dev.fn4j.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReusableLayersRequestTest {

    private static final String A = "sha256:" + "a".repeat(64);
    private static final String B = "sha256:" + "0123456789abcdef".repeat(4);

    private static List<String> parse(String body) {
        return ReusableLayersRequest.diffIds(Json.parse(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static ApiException rejection(String body) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> parse(body));
        assertThat(e).as(body).isNotNull();
        assertThat(e.code()).as(body).isEqualTo(ErrorCode.BAD_REQUEST);
        return e;
    }

    private static String list(int n) {
        return "{\"diffIds\": [" + String.join(",", Collections.nCopies(n, "\"" + A + "\"")) + "]}";
    }

    @Test
    void readsTheDiffIdsInOrder() {
        assertThat(parse("{\"diffIds\": [\"" + A + "\", \"" + B + "\"]}")).containsExactly(A, B);
        assertThat(parse(list(ReusableLayersRequest.MAX_LAYERS))).hasSize(ReusableLayersRequest.MAX_LAYERS);
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused() {
        assertThat(rejection("[\"" + A + "\"]").getMessage()).startsWith("the body must be a JSON object {\"diffIds\"");
    }

    @Test
    void aMissingListIsRefused() {
        for (String body : List.of("{}", "{\"diffIds\": null}", "{\"diffIds\": \"" + A + "\"}")) {
            assertThat(rejection(body).getMessage()).startsWith("\"diffIds\" is required");
        }
    }

    @Test
    void anEmptyOrTooLongListIsRefusedWithItsSize() {
        assertThat(rejection(list(0)).getMessage()).isEqualTo("\"diffIds\" must list 1 to 128 diff ids; it lists 0");
        assertThat(rejection(list(129)).getMessage())
                .isEqualTo("\"diffIds\" must list 1 to 128 diff ids; it lists 129");
    }

    @Test
    void anEntryThatIsNotASha256DiffIdIsRefusedByPositionAndValue() {
        String upper = A.toUpperCase();
        assertThat(rejection("{\"diffIds\": [\"" + A + "\", \"" + upper + "\"]}")
                        .getMessage())
                .isEqualTo("\"diffIds\"[1] is not sha256: and 64 lower-case hex digits: '" + upper + "'");
        assertThat(rejection("{\"diffIds\": [\"" + "a".repeat(64) + "\"]}").getMessage())
                .contains("\"diffIds\"[0]", "'" + "a".repeat(64) + "'");
        assertThat(rejection("{\"diffIds\": [\"sha256:abc\"]}").getMessage()).contains("'sha256:abc'");
        assertThat(rejection("{\"diffIds\": [42]}").getMessage()).endsWith(": '42'");
    }

    @Test
    void unknownFieldsAreRefusedByName() {
        assertThat(rejection("{\"diffIds\": [\"" + A + "\"], \"layers\": []}").getMessage())
                .isEqualTo("unknown field 'layers'; the only field is diffIds");
    }
}
