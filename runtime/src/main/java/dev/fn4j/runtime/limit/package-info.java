/**
 * Client and function rate limits (token buckets), the memory budget counter and the host's CPU use.
 * Must not import:
 * {@code http}, {@code store}, {@code call}, {@code invoke}, {@code pool}, {@code instance},
 * {@code engine}, {@code function}.
 */
package dev.fn4j.runtime.limit;
