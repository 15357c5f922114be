package dev.fn4j.runtime.stats;

/** Where the call path reports each call's end for the statistics; must be cheap and never block. */
public interface CallCounter {

    /** Counts nothing, for call paths that keep no statistics. */
    CallCounter NONE = new CallCounter() {
        @Override
        public void ran(String function, boolean error, boolean coldStart, long nanos) {}

        @Override
        public void refused(String function) {}
    };

    /** A call that ran for {@code nanos}: answered, or ended in {@code error}. */
    void ran(String function, boolean error, boolean coldStart, long nanos);

    /** A call refused before it ran (rate limited, queue full): an error without a latency. */
    void refused(String function);
}
