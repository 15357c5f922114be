/**
 * Deployed functions, their specs and revisions, the registry of current ones and the {@code
 * FunctionStore} interface that keeps them. Must not import: {@code store}, {@code http}, {@code
 * call}, {@code invoke}, {@code pool}, {@code instance}, {@code engine}.
 */
package dev.fn4j.runtime.function;
