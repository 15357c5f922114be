/**
 * The OpenAPI 3.1 description of the runtime's API, built from the route table's endpoints, the
 * error catalogue and the spec's field catalogue, with each route's hand-written documentation
 * from one resource keyed by method and path. Must not import: {@code http}, {@code engine},
 * {@code pool}, {@code instance}, {@code store}, {@code call}, {@code invoke}, {@code deploy}.
 */
package dev.fn4j.runtime.openapi;
