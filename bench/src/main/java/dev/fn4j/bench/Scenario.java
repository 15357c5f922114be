package dev.fn4j.bench;

/**
 * One measurement of the harness (or its set-up), run in a fixed order by {@link Bench}. A
 * scenario records its figures in the run's {@link Report} and leaves what it starts either
 * stopped or registered with the {@link BenchContext} for clean-up.
 */
interface Scenario {

    /** What it measures, in a few words, for the log. */
    String name();

    /** Measures and records into {@code context.report()}; throws to end the run. */
    void run(BenchContext context) throws Exception;
}
