/**
 * The database (H2 or PostgreSQL through Flyway migrations and plain JDBC) and the tables that
 * implement the domain's store interfaces ({@code FunctionStore}, {@code InvocationStore}, {@code
 * KeyStore}, the statistics' {@code StatsStore} and {@code AsyncCounts}). Must not import: {@code call}, {@code invoke}, {@code pool}, {@code instance},
 * {@code engine}, {@code http}.
 */
package dev.fn4j.runtime.store;
