/**
 * One running instance: starting its container, readiness over its Unix socket or the token-checked network transport, its connections
 * (their answers read by selector threads, so that no thread waits per call), how it ended, its removal and the reaping of orphans by label; and the stems, JVMs started ahead
 * of need that become an instance of a function of their platform. Must not import: {@code http},
 * {@code store}, {@code call}, {@code invoke}, {@code pool}, {@code deploy}.
 */
package dev.fn4j.runtime.instance;
