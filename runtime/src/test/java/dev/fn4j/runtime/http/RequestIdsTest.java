package dev.fn4j.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.runtime.invocation.CallIds;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void aRequestsIdIsOneThatInvocationIdsAccept() {
        String id = CallIds.newId();

        assertThat(id).matches("[0-9a-f]{32}");
        assertThat(InvocationIds.check(id)).isEqualTo(id);
    }
}
