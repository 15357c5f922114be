/**
 * Client and function rate limits and the memory budget counter; imports only {@code error}.
 */
package dev.fn4j.runtime.limit;
