/**
 * Deploying from an uploaded zip or jar: unpacking it safely into a build directory of its own,
 * recognising its language over the {@link dev.fn4j.runtime.source.LanguageBuilder}s, building its
 * image on the runtime, and deploying that as a new revision; the builds and their steps. Must not
 * import: {@code http}, {@code store}, {@code call}, {@code invoke}, {@code pool}, {@code instance}.
 */
package dev.fn4j.runtime.source;
