/**
 * The runtime's one log format (text or JSON lines) and the Logback setup every library logs
 * through. Must not import: {@code http}, {@code store}, {@code call}, {@code invoke}, {@code
 * pool}, {@code instance}, {@code engine}, {@code function}.
 */
package dev.fn4j.runtime.log;
