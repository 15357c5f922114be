/**
 * Invocations as a domain: an invocation, its status, its state changes and how an attempt
 * ended, the store interface that keeps them, the background recorder of synchronous calls and
 * the live event bus; imports only {@code error} and {@code function}, never {@code store} (which
 * implements {@link dev.fn4j.runtime.invocation.InvocationStore}) or the call path.
 */
package dev.fn4j.runtime.invocation;
