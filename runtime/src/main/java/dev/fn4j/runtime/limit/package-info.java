/**
 * Client and function rate limits (token buckets) and the memory budget counter. Must not import:
 * {@code http}, {@code store}, {@code call}, {@code invoke}, {@code pool}, {@code instance},
 * {@code engine}, {@code function}.
 */
package dev.fn4j.runtime.limit;
