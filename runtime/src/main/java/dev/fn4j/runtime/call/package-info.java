/**
 * The path of every call from admission to result, synchronous or asynchronous: one admission
 * service ({@code Calls}) applying rate limits, the durable asynchronous queue, and running and
 * counting calls. Must not import: {@code http}, {@code store}, {@code engine}, {@code deploy}.
 */
package dev.fn4j.runtime.call;
