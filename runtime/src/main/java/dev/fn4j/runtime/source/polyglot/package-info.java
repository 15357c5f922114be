/**
 * What the Python and Go builders share: an upload's files copied and checked, the hosts the
 * runtime carries as resources, and layers on a local base image turned into an image in the
 * engine with jib-core. Must not import: {@code http}, {@code store}, {@code call}, {@code invoke}.
 */
package dev.fn4j.runtime.source.polyglot;
