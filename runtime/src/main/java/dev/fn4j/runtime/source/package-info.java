/**
 * Building functions from uploaded source: the languages the runtime recognises in an upload and
 * how each turns one into an image. Must not import: {@code http}, {@code store}, {@code call},
 * {@code invoke}.
 */
package dev.fn4j.runtime.source;
