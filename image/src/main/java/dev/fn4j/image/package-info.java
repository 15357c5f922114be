/**
 * Maven-free function image assembly: handler discovery in compiled classes
 * ({@link dev.fn4j.image.HandlerScanner}, {@link dev.fn4j.image.HandlerSelection}) and the
 * Jib-based image build ({@link dev.fn4j.image.FunctionImageBuilder}) that
 * {@code fn:build} and the runtime's integration tests share, and the built archive's layers
 * ({@link dev.fn4j.image.DockerArchive}), which {@code fn:deploy} uploads only in part when the
 * runtime already has the leading ones.
 */
package dev.fn4j.image;
