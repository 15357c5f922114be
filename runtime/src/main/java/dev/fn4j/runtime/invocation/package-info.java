/**
 * Invocations as a domain: an invocation, its status, its state changes and how an attempt ended,
 * the store interface that keeps them, the background recorder of synchronous calls and the live
 * event bus. Must not import: {@code store}, {@code http}, {@code call}, {@code invoke}, {@code
 * pool}, {@code instance}, {@code engine}.
 */
package dev.fn4j.runtime.invocation;
