package dev.fn4j.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerSentEventsTest {

    private final List<String> events = new ArrayList<>();
    private final ServerSentEvents parser =
            new ServerSentEvents((name, id, data) -> events.add(name + "|" + id + "|" + data));

    private void feed(String... lines) {
        for (String line : lines) {
            parser.line(line);
        }
    }

    @Test
    void readsNamedEventsWithIdsAndSkipsComments() {
        feed(
                ": keep-alive",
                "",
                "event: queued",
                "id: 1",
                "data: {\"a\":1}",
                "",
                "event:running",
                "id:2",
                "data:{\"b\":2}",
                "");
        assertThat(events).containsExactly("queued|1|{\"a\":1}", "running|2|{\"b\":2}");
    }

    @Test
    void joinsDataLinesAndDefaultsTheName() {
        feed("data: one", "data:  two", "data", "");
        assertThat(events).containsExactly("message|null|one\n two\n");
    }

    @Test
    void dropsEventsWithoutDataAndForgetsTheirName() {
        feed("event: lonely", "", "data: x", "");
        assertThat(events).containsExactly("message|null|x");
    }

    @Test
    void theIdLastsUntilChangedAndUnknownFieldsAreIgnored() {
        feed("id: 7", "retry: 1000", "whatever: 1", "data: a", "", "data: b", "");
        assertThat(events).containsExactly("message|7|a", "message|7|b");
    }

    @Test
    void anEventCutOffByTheEndIsStillDelivered() {
        feed("event: succeeded", "data: {}");
        assertThat(events).isEmpty();
        parser.end();
        assertThat(events).containsExactly("succeeded|null|{}");
    }
}
