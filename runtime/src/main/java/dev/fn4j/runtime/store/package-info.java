/**
 * The database: its schema and the tables that implement the domain's store interfaces
 * ({@code FunctionStore}, {@code InvocationStore}, {@code KeyStore}); must not import the call path
 * ({@code call}, {@code invoke}, {@code pool}) or {@code http}.
 */
package dev.fn4j.runtime.store;
