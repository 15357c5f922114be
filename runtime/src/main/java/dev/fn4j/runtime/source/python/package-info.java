/**
 * Python functions: recognising a module with {@code handle(input, context)} in an upload and
 * building its image on the local Python base with the Python host (docs/languages.md). Must not
 * import: {@code http}, {@code store}, {@code call}, {@code invoke}.
 */
package dev.fn4j.runtime.source.python;
