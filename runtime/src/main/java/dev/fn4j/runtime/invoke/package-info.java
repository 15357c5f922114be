/**
 * Runs one call on a leased instance and turns what happens into a result or a designed error,
 * and the outcome that completes the lease; no thread waits while a call runs (it ends where its
 * answer arrives, a failed one on a worker), and a call that waits for a slot runs on the thread that
 * frees it ({@link dev.fn4j.runtime.invoke.Trampoline}). Must not import: {@code call}, {@code invocation},
 * {@code http}, {@code store}, {@code engine}.
 */
package dev.fn4j.runtime.invoke;
