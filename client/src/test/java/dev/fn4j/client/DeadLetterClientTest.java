package dev.fn4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fn4j.client.testing.StubRuntime;
import dev.fn4j.client.testing.StubRuntimeExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A function's dead letters: listed a page at a time, redriven one or all, purged. */
@ExtendWith(StubRuntimeExtension.class)
class DeadLetterClientTest {

    private static final String DEAD = AsyncInvocationTest.invocation(
            "dead_lettered", "null", "{\"code\":\"function_error\",\"message\":\"boom\"}");

    private StubRuntime stub;
    private DeadLetterClient deadLetters;

    @BeforeEach
    void start(StubRuntime stub) {
        this.stub = stub;
        deadLetters = DeadLetterClient.of(
                RuntimeClient.builder(stub.uri()).apiKey("k-123").build());
    }

    @Test
    void listsAPageWithTheCursorOfTheNext() throws Exception {
        stub.on("GET /v1/functions/hello/dead-letters", 200, "{\"deadLetters\":[" + DEAD + "],\"next\":\"inv-1\"}");

        DeadLetterPage page = deadLetters.list("hello", "abc1", 1);

        assertThat(page.deadLetters()).hasSize(1);
        Invocation dead = page.deadLetters().get(0);
        assertThat(dead.status()).isEqualTo(Invocation.DEAD_LETTERED);
        assertThat(dead.isFinal()).isTrue();
        assertThat(dead.error().code()).isEqualTo("function_error");
        assertThat(page.next()).isEqualTo("inv-1");
        assertThat(stub.received().get(0).query()).isEqualTo("limit=1&after=abc1");
        assertThat(stub.received().get(0).authorization()).isEqualTo("Bearer k-123");
    }

    @Test
    void theLastPageHasNoNext() throws Exception {
        stub.on("GET /v1/functions/hello/dead-letters", 200, "{\"deadLetters\":[],\"next\":null}");

        assertThat(deadLetters.list("hello", null, 100)).isEqualTo(new DeadLetterPage(java.util.List.of(), null));
        assertThat(stub.received().get(0).query()).isEqualTo("limit=100");
    }

    @Test
    void redrivesOneOrAllAndPurges() throws Exception {
        stub.on("POST /v1/invocations/inv-1/redrive", 202, AsyncInvocationTest.invocation("queued", "null", "null"));
        stub.on("POST /v1/functions/hello/dead-letters/redrive", 200, "{\"redriven\":3}");
        stub.on("DELETE /v1/functions/hello/dead-letters", 200, "{\"purged\":2}");

        assertThat(deadLetters.redrive("inv-1").status()).isEqualTo(Invocation.QUEUED);
        assertThat(deadLetters.redriveAll("hello")).isEqualTo(3);
        assertThat(deadLetters.purge("hello")).isEqualTo(2);
    }

    @Test
    void aRefusalCarriesTheRuntimesCode() {
        stub.on(
                "POST /v1/invocations/inv-1/redrive",
                409,
                "{\"error\":{\"code\":\"not_dead_lettered\",\"message\":\"invocation 'inv-1' is succeeded\"}}");

        RuntimeApiException e = catchThrowableOfType(RuntimeApiException.class, () -> deadLetters.redrive("inv-1"));

        assertThat(e.code()).isEqualTo("not_dead_lettered");
    }
}
