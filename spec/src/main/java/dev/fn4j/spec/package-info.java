/**
 * A function's settings, owned in one place: names, defaults, limits, text forms and messages
 * ({@link dev.fn4j.spec.Field}, {@link dev.fn4j.spec.FunctionNames}, {@link dev.fn4j.spec.EnvNames});
 * JDK only, it must not import JSON, HTTP or Maven types, nor any other fn4j module.
 */
package dev.fn4j.spec;
