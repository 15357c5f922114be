/**
 * What {@code mvn fn:run} does, free of Maven types: starts a local fn4j runtime as a child
 * process, deploys the project's functions to it through {@link dev.fn4j.maven.core}, watches the
 * compiled classes and swaps in new code, and shows each call on the console. Must not import:
 * {@code dev.fn4j.maven} (the mojos).
 */
package dev.fn4j.maven.run;
