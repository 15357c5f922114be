/**
 * Each function's instances and the calls waiting for them, the lease that decides an instance's
 * fate after a call, and the capacity that reserves and releases the instances' memory. Must not
 * import: {@code invoke}, {@code call}, {@code http}, {@code store}, {@code engine}.
 */
package dev.fn4j.runtime.pool;
