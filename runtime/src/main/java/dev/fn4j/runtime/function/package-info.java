/**
 * Deployed functions, their specs and revisions, the registry of current ones and the
 * {@code FunctionStore} interface that keeps them; must not import {@code store} or anything that
 * runs calls.
 */
package dev.fn4j.runtime.function;
