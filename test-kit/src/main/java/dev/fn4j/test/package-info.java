/**
 * The fn4j test kit: a ready {@link dev.fn4j.api.Context} for unit tests, and handlers invoked
 * in-process through the host's production mapping. Must not import: {@code dev.fn4j.runtime}.
 */
package dev.fn4j.test;
