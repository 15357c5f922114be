package dev.fn4j.runtime.invocation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Live state changes of invocations, for their subscribers. A subscription buffers what arrives
 * until its owner has replayed the stored past and calls {@link Subscription#goLive}; from then on
 * it delivers each change once, in order, never one already replayed. Changes are published
 * after they are stored, so subscribing first and reading the store second misses nothing.
 *
 * <p>It also carries the lines an invocation writes while it runs ({@link LogLine}), live only:
 * they are not stored as events, so a subscriber sees those written after it subscribed, in write
 * order and in their place between the state changes.
 */
public final class InvocationEvents {

    /** One change and the invocation right after it. */
    public record Update(InvocationEvent event, Invocation invocation) {
        public Update {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(invocation, "invocation");
        }

        public static Update of(Transition transition) {
            return new Update(transition.event(), transition.snapshot());
        }
    }

    /**
     * A line an invocation wrote while running, or, when {@code truncated}, the marker saying it
     * wrote more than its log limit; no line follows a marker.
     *
     * @param text the line without its line break, or the marker line
     * @param truncated whether this is the truncation marker
     */
    public record LogLine(String text, boolean truncated) {
        public LogLine {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Receives a subscription's updates, one at a time, in order. */
    public interface Listener {
        void update(Update update);

        /** A line the invocation wrote; must return at once (it runs on the call's thread). */
        default void log(LogLine line) {}

        /** The subscription was closed by the runtime (stopping), not by its owner. */
        void ended();
    }

    /** Subscriptions by invocation id. */
    private final ConcurrentMap<String, Set<Subscription>> subscriptions = new ConcurrentHashMap<>();

    /** Subscribes to the invocation's changes; updates are buffered until {@code goLive}. */
    public Subscription subscribe(String invocationId, Listener listener) {
        Subscription subscription = new Subscription(invocationId, listener);
        subscriptions.compute(invocationId, (id, set) -> {
            Set<Subscription> subscribers = set != null ? set : ConcurrentHashMap.newKeySet();
            subscribers.add(subscription);
            return subscribers;
        });
        return subscription;
    }

    /** Hands a stored change to the invocation's subscribers. */
    public void publish(Update update) {
        Set<Subscription> subscribers = subscriptions.get(update.invocation().id());
        if (subscribers != null) {
            for (Subscription subscription : subscribers) {
                subscription.offer(update);
            }
        }
    }

    /** Hands a line the invocation wrote to its subscribers; cheap when it has none. */
    public void publishLog(String invocationId, LogLine line) {
        Set<Subscription> subscribers = subscriptions.get(invocationId);
        if (subscribers != null) {
            for (Subscription subscription : subscribers) {
                subscription.offer(line);
            }
        }
    }

    /** Subscriptions open now. */
    public int open() {
        return subscriptions.values().stream().mapToInt(Set::size).sum();
    }

    /** Ends every subscription (the runtime is stopping); their listeners hear {@code ended}. */
    public void closeAll() {
        for (Set<Subscription> subscribers : subscriptions.values()) {
            for (Subscription subscription : List.copyOf(subscribers)) {
                if (subscription.cancel()) {
                    subscription.listener.ended();
                }
            }
        }
    }

    /** One subscriber's interest in one invocation. */
    public final class Subscription {

        private final String invocationId;
        private final Listener listener;
        /** Updates and log lines that came before {@link #goLive}, in arrival order; guarded by this. */
        private final List<Object> buffer = new ArrayList<>();
        /** The last seq delivered or replayed, or -1 while not live yet; guarded by this. */
        private long delivered = -1;
        /** Guarded by this. */
        private boolean closed;

        private Subscription(String invocationId, Listener listener) {
            this.invocationId = invocationId;
            this.listener = listener;
        }

        private synchronized void offer(Object updateOrLine) {
            if (closed) {
                return;
            }
            if (delivered < 0) {
                buffer.add(updateOrLine);
            } else {
                deliver(updateOrLine);
            }
        }

        /**
         * Starts delivering: first the buffered updates after {@code replayedThrough} (the last
         * seq the owner replayed from the store, 0 for none), then each new one.
         */
        public synchronized void goLive(long replayedThrough) {
            if (closed) {
                return;
            }
            delivered = Math.max(0, replayedThrough);
            for (Object updateOrLine : inOrder(buffer)) {
                deliver(updateOrLine);
            }
            buffer.clear();
        }

        /**
         * Updates by seq (concurrent publishers may add them out of order), each log line right
         * behind the update that arrived before it, lines keeping their write order.
         */
        private static List<Object> inOrder(List<Object> arrived) {
            List<long[]> keys = new ArrayList<>(arrived.size());
            int lastSeq = 0;
            for (int i = 0; i < arrived.size(); i++) {
                boolean line = arrived.get(i) instanceof LogLine;
                if (!line) {
                    lastSeq = ((Update) arrived.get(i)).event().seq();
                }
                keys.add(new long[] {lastSeq, line ? 1 : 0, i});
            }
            keys.sort(Comparator.<long[]>comparingLong(k -> k[0])
                    .thenComparingLong(k -> k[1])
                    .thenComparingLong(k -> k[2]));
            List<Object> ordered = new ArrayList<>(arrived.size());
            for (long[] key : keys) {
                ordered.add(arrived.get((int) key[2]));
            }
            return ordered;
        }

        private void deliver(Object updateOrLine) {
            if (closed) {
                return;
            }
            if (updateOrLine instanceof LogLine line) {
                listener.log(line);
                return;
            }
            Update update = (Update) updateOrLine;
            if (update.event().seq() <= delivered) {
                return;
            }
            delivered = update.event().seq();
            listener.update(update);
        }

        /** Stops the subscription; returns whether it was open. */
        public boolean cancel() {
            synchronized (this) {
                if (closed) {
                    return false;
                }
                closed = true;
                buffer.clear();
            }
            subscriptions.computeIfPresent(invocationId, (id, set) -> {
                set.remove(this);
                return set.isEmpty() ? null : set;
            });
            return true;
        }
    }
}
