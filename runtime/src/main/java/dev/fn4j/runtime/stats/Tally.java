package dev.fn4j.runtime.stats;

/**
 * What calls added up to over some span: how many ended, how many of them in error, how many
 * waited for a cold start, and their latencies. Not thread-safe (its owner guards it).
 *
 * <p>Invariant: errors ≤ calls and cold starts ≤ calls; the histogram counts the calls that ran
 * (a call refused before it ran has no latency).
 */
public final class Tally {

    private long calls;
    private long errors;
    private long coldStarts;
    private final Histogram latency = new Histogram();

    public Tally() {}

    /** A tally of stored figures. */
    public Tally(long calls, long errors, long coldStarts) {
        if (calls < 0 || errors < 0 || coldStarts < 0) {
            throw new IllegalArgumentException(
                    "counts cannot be negative: calls " + calls + ", errors " + errors + ", cold starts " + coldStarts);
        }
        this.calls = calls;
        this.errors = errors;
        this.coldStarts = coldStarts;
    }

    /** A call that ran for {@code nanos}. */
    void ran(boolean error, boolean coldStart, long nanos) {
        calls++;
        if (error) {
            errors++;
        }
        if (coldStart) {
            coldStarts++;
        }
        latency.record(nanos);
    }

    /** A call refused before it ran: an error without a latency. */
    void refused() {
        calls++;
        errors++;
    }

    /** Adds {@code other} to this; returns this. */
    public Tally add(Tally other) {
        calls += other.calls;
        errors += other.errors;
        coldStarts += other.coldStarts;
        latency.addAll(other.latency);
        return this;
    }

    Tally copy() {
        return new Tally().add(this);
    }

    public long calls() {
        return calls;
    }

    public long errors() {
        return errors;
    }

    public long coldStarts() {
        return coldStarts;
    }

    /** The latencies; the store fills it when reading. */
    public Histogram latency() {
        return latency;
    }

    @Override
    public String toString() {
        return "Tally{calls " + calls + ", errors " + errors + ", cold starts " + coldStarts + ", " + latency + "}";
    }
}
