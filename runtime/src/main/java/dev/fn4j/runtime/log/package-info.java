/**
 * The runtime's one log format (text or JSON lines) and the Logback setup every library logs
 * through; imports nothing from the rest of the runtime.
 */
package dev.fn4j.runtime.log;
