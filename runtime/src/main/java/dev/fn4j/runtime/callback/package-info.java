/**
 * Completion callbacks of asynchronous calls: the operator's allow-list of destinations, the
 * registrations stored before their invocation, the per-function signing secrets, and the
 * signed, retried, recorded delivery of each final state. Must not import: {@code http}, {@code
 * engine}, {@code instance}, {@code pool}, {@code invoke}, {@code deploy}, {@code call}, {@code
 * schedule}.
 */
package dev.fn4j.runtime.callback;
