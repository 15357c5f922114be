/**
 * The Prometheus metrics of calls, cold starts, pools and instances, kept in memory. Must not
 * import: {@code http}, {@code store}, {@code call}, {@code invoke}, {@code engine}.
 */
package dev.fn4j.runtime.metrics;
