/**
 * The designed errors a user can see: stable codes, messages and the exception that carries them.
 * Must not import: {@code http}, {@code store}, {@code call}, {@code invoke}, {@code pool},
 * {@code instance}, {@code engine}, {@code function}.
 */
package dev.fn4j.runtime.error;
