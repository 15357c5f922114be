/**
 * The goals of fn-maven-plugin (prefix {@code fn}): {@code fn:build}, {@code fn:deploy},
 * {@code fn:invoke}, {@code fn:list}, {@code fn:logs}, {@code fn:delete}, {@code fn:keys}, {@code fn:run} and
 * {@code fn:help}.
 * The mojos are thin: they collect the parameters, call the Maven-free code in
 * {@link dev.fn4j.maven.core} and turn its failures into Maven's. Parameters come in groups, one
 * base class each, so a goal declares only what it uses: {@link dev.fn4j.maven.AbstractFnMojo}
 * (skip), {@link dev.fn4j.maven.AbstractRuntimeMojo} (the runtime and its API key),
 * {@link dev.fn4j.maven.AbstractFunctionMojo} (which of the project's functions) and
 * {@link dev.fn4j.maven.AbstractImageMojo} (function settings and the image). Nothing in
 * {@link dev.fn4j.maven.core} may import this package.
 */
package dev.fn4j.maven;
