/**
 * Per-minute call statistics for the dashboard: calls, errors, cold starts and a latency
 * histogram per function and minute, gathered in memory where calls end, written to the store
 * every few seconds and read back merged with what is not written yet. Must not import: {@code
 * http}, {@code store}, {@code call}, {@code invoke}, {@code pool}, {@code instance}, {@code
 * engine}, {@code deploy}.
 */
package dev.fn4j.runtime.stats;
