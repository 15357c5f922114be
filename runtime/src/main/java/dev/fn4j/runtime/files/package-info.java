/**
 * Small file-system operations the other packages share, such as deleting a directory tree; a
 * leaf, which knows nothing of functions, instances or calls. Must not import: {@code auth},
 * {@code call}, {@code callback}, {@code cluster}, {@code deploy}, {@code engine}, {@code error},
 * {@code function}, {@code http}, {@code instance}, {@code invocation}, {@code invoke}, {@code limit},
 * {@code log}, {@code metrics}, {@code openapi}, {@code pool}, {@code schedule}, {@code source},
 * {@code stats}, {@code store}.
 */
package dev.fn4j.runtime.files;
