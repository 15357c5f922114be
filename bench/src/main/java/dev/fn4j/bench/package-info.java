/**
 * The benchmark harness: measures a trivial function on a real runtime, scenario by scenario,
 * reusing the protocol's constants and the runtime's lock-down; nothing may import it.
 */
package dev.fn4j.bench;
