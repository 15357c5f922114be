/**
 * Runs one call on a leased instance and turns what happens into a result or a designed error
 * and the outcome that completes the lease; must not import {@code call}, {@code invocation},
 * {@code http} or {@code store}.
 */
package dev.fn4j.runtime.invoke;
