/**
 * The container engine (Docker through docker-java, Kubernetes and others through {@code
 * EngineProvider}, or in-process without any isolation for {@code mvn fn:run
 * -Dfn.run.sandbox=none}): starting locked-down containers, their labels, images, layers and
 * removal. Must not import: {@code http}, {@code store}, {@code call},
 * {@code invoke}, {@code pool}, {@code instance}, {@code function}, {@code deploy}.
 */
package dev.fn4j.runtime.engine;
