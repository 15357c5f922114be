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

    /** Receives a subscription's updates, one at a time, in order. */
    public interface Listener {
        void update(Update update);

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
        /** Updates that came before {@link #goLive}; guarded by this. */
        private final List<Update> buffer = new ArrayList<>();
        /** The last seq delivered or replayed, or -1 while not live yet; guarded by this. */
        private long delivered = -1;
        /** Guarded by this. */
        private boolean closed;

        private Subscription(String invocationId, Listener listener) {
            this.invocationId = invocationId;
            this.listener = listener;
        }

        private synchronized void offer(Update update) {
            if (closed) {
                return;
            }
            if (delivered < 0) {
                buffer.add(update);
            } else {
                deliver(update);
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
            buffer.sort(Comparator.comparingInt(u -> u.event().seq()));
            for (Update update : buffer) {
                deliver(update);
            }
            buffer.clear();
        }

        private void deliver(Update update) {
            if (update.event().seq() <= delivered || closed) {
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
