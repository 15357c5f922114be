package dev.fn4j.runtime.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvocationEventsTest {

    private static final Instant T0 = Instant.parse("2026-11-21T12:00:00Z");
    private final InvocationEvents events = new InvocationEvents();

    private static InvocationEvents.Update update(String id, int seq, InvocationStatus status) {
        return new InvocationEvents.Update(
                new InvocationEvent(seq, status, 1, T0), Invocation.queued(id, "hello", 1, T0, null, null));
    }

    private static final class Recorder implements InvocationEvents.Listener {
        final List<Integer> seqs = new ArrayList<>();
        boolean ended;

        @Override
        public void update(InvocationEvents.Update update) {
            seqs.add(update.event().seq());
        }

        @Override
        public void ended() {
            ended = true;
        }
    }

    @Test
    void buffersUntilLiveThenSkipsWhatWasReplayedAndKeepsOrder() {
        Recorder recorder = new Recorder();
        InvocationEvents.Subscription subscription = events.subscribe("a1", recorder);
        events.publish(update("a1", 3, InvocationStatus.SUCCEEDED));
        events.publish(update("a1", 2, InvocationStatus.RUNNING));
        events.publish(update("b2", 4, InvocationStatus.RUNNING));
        assertThat(recorder.seqs).isEmpty();

        subscription.goLive(2);
        assertThat(recorder.seqs).containsExactly(3);
        events.publish(update("a1", 3, InvocationStatus.SUCCEEDED));
        events.publish(update("a1", 4, InvocationStatus.FAILED));
        assertThat(recorder.seqs).containsExactly(3, 4);
    }

    /** Records updates as "#seq" and lines as their text, in delivery order. */
    private static final class Timeline implements InvocationEvents.Listener {
        final List<String> seen = new ArrayList<>();

        @Override
        public void update(InvocationEvents.Update update) {
            seen.add("#" + update.event().seq());
        }

        @Override
        public void log(InvocationEvents.LogLine line) {
            seen.add(line.truncated() ? "TRUNCATED " + line.text() : line.text());
        }

        @Override
        public void ended() {}
    }

    private static InvocationEvents.LogLine line(String text) {
        return new InvocationEvents.LogLine(text, false);
    }

    @Test
    void liveLinesArriveBetweenTheUpdatesInWriteOrder() {
        Timeline timeline = new Timeline();
        events.subscribe("a1", timeline).goLive(1);

        events.publish(update("a1", 2, InvocationStatus.RUNNING));
        events.publishLog("a1", line("one"));
        events.publishLog("b2", line("other call"));
        events.publishLog("a1", line("two"));
        events.publishLog("a1", new InvocationEvents.LogLine("marker", true));
        events.publish(update("a1", 3, InvocationStatus.SUCCEEDED));

        assertThat(timeline.seen).containsExactly("#2", "one", "two", "TRUNCATED marker", "#3");
    }

    @Test
    void linesBufferedBeforeLiveKeepTheirPlaceBehindTheUpdateBeforeThem() {
        Timeline timeline = new Timeline();
        InvocationEvents.Subscription subscription = events.subscribe("a1", timeline);
        events.publishLog("a1", line("zero"));
        events.publish(update("a1", 3, InvocationStatus.SUCCEEDED));
        events.publish(update("a1", 2, InvocationStatus.RUNNING));
        events.publishLog("a1", line("one"));

        subscription.goLive(1);

        // "one" came after update 2, which a concurrent publisher added late: it sorts behind it.
        assertThat(timeline.seen).containsExactly("zero", "#2", "one", "#3");
    }

    @Test
    void linesOfAnInvocationNobodyFollowsGoNowhere() {
        events.publishLog("a1", line("lost"));

        assertThat(events.open()).isZero();
    }

    @Test
    void aCancelledSubscriptionHearsNothingAndIsForgotten() {
        Recorder recorder = new Recorder();
        InvocationEvents.Subscription subscription = events.subscribe("a1", recorder);
        subscription.goLive(0);
        assertThat(events.open()).isEqualTo(1);
        assertThat(subscription.cancel()).isTrue();
        assertThat(subscription.cancel()).isFalse();
        events.publish(update("a1", 1, InvocationStatus.QUEUED));
        assertThat(recorder.seqs).isEmpty();
        assertThat(events.open()).isZero();
    }

    @Test
    void closeAllEndsEverySubscription() {
        Recorder first = new Recorder();
        Recorder second = new Recorder();
        events.subscribe("a1", first);
        events.subscribe("b2", second).goLive(0);
        events.closeAll();
        assertThat(first.ended).isTrue();
        assertThat(second.ended).isTrue();
        assertThat(events.open()).isZero();
    }
}
