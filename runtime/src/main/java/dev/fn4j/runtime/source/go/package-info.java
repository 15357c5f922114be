/**
 * Go functions: recognising a package with {@code func Handle(} in an upload, compiling it with
 * the Go host in a locked-down build container, and putting the static binary on a minimal base
 * (docs/languages.md). Must not import: {@code http}, {@code store}, {@code call}, {@code invoke}.
 */
package dev.fn4j.runtime.source.go;
