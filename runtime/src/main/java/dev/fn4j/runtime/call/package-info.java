/**
 * The path of every call from admission to result, synchronous or asynchronous: admission by
 * rate limits, the durable asynchronous queue, and running and counting calls; must not import
 * {@code http} or {@code store}.
 */
package dev.fn4j.runtime.call;
