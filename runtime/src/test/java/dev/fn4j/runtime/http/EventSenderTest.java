package dev.fn4j.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.runtime.invocation.InvocationEvents;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventSenderTest {

    /** A client that reads nothing until told: queued events wait, their callbacks unrun. */
    private static final class StalledClient implements EventSender.Queue {
        final List<String> queued = new ArrayList<>();
        final List<Runnable> unwritten = new ArrayList<>();

        @Override
        public void queue(String data, String name, String id, Runnable written) {
            queued.add(name + " " + data);
            unwritten.add(written);
        }

        void readAll() {
            unwritten.forEach(Runnable::run);
            unwritten.clear();
        }
    }

    private static InvocationEvents.LogLine line(String text) {
        return new InvocationEvents.LogLine(text, false);
    }

    @Test
    void aClientThatLagsLosesLogEventsNeverStatesAndHearsHowManyItMissed() {
        StalledClient client = new StalledClient();
        EventSender sender = new EventSender(client);

        for (int i = 0; i < EventSender.MAX_PENDING + 5; i++) {
            sender.log(line("l" + i));
        }
        sender.log(new InvocationEvents.LogLine("marker", true));
        sender.send("{}", "succeeded", "3");

        assertThat(client.queued).hasSize(EventSender.MAX_PENDING + 3);
        assertThat(client.queued.get(EventSender.MAX_PENDING - 1)).isEqualTo("log {\"line\":\"l255\"}");
        assertThat(client.queued.subList(EventSender.MAX_PENDING, client.queued.size()))
                .containsExactly("log-dropped {\"dropped\":5}", "log-truncated {\"line\":\"marker\"}", "succeeded {}");
    }

    @Test
    void onceTheClientCatchesUpLinesFlowAgainAfterTheDropNotice() {
        StalledClient client = new StalledClient();
        EventSender sender = new EventSender(client);
        for (int i = 0; i < EventSender.MAX_PENDING + 2; i++) {
            sender.log(line("l" + i));
        }

        client.readAll();
        client.queued.clear();
        sender.log(line("next"));

        assertThat(client.queued).containsExactly("log-dropped {\"dropped\":2}", "log {\"line\":\"next\"}");
    }
}
