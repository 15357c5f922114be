/**
 * Several runtimes on one database: each runtime's membership (a heartbeat that keeps its lease,
 * and the takeover of the work and containers of a runtime whose lease expired) and the change
 * notices that keep every runtime's in-memory functions and keys as the store has them. Must not
 * import: {@code store}, {@code http}, {@code engine}, {@code instance}, {@code pool}, {@code call},
 * {@code deploy}, {@code auth}, {@code callback}, {@code schedule}.
 */
package dev.fn4j.runtime.cluster;
