/**
 * The goals of fn-maven-plugin (prefix {@code fn}): {@code fn:build}, {@code fn:deploy},
 * {@code fn:invoke}, {@code fn:list}, {@code fn:logs}, {@code fn:delete}, {@code fn:keys} and
 * {@code fn:help}.
 * The mojos are thin: they collect the parameters, call the Maven-free code in
 * {@link dev.fn4j.maven.core} and turn its failures into Maven's.
 */
package dev.fn4j.maven;
