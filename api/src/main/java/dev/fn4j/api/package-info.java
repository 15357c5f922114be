/**
 * The fn4j function API: what a function author implements ({@link dev.fn4j.api.Handler} or
 * {@link dev.fn4j.api.HttpHandler}) and what the platform hands it ({@link dev.fn4j.api.Context}).
 *
 * <p>This package depends on the JDK only, so a function's classpath never carries a library
 * version chosen by the platform.
 */
package dev.fn4j.api;
