/**
 * Maven-free function image assembly: handler discovery in compiled classes
 * ({@link dev.fn4j.build.HandlerScanner}, {@link dev.fn4j.build.HandlerSelection}) and the
 * Jib-based image build ({@link dev.fn4j.build.FunctionImageBuilder}) that
 * {@code fn:build} and the runtime's integration tests share.
 */
package dev.fn4j.build;
