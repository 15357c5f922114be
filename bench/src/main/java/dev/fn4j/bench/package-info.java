/**
 * The benchmark harness, one scenario per class; of the runtime it imports only the lock-down,
 * container labels, spec quantities and the call statistics accumulator (never its server or call
 * path), and nothing imports it.
 */
package dev.fn4j.bench;
