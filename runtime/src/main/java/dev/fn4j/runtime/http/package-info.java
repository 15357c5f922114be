/**
 * The REST API and the HTTP triggers on Undertow: the route table, matching, key gating and the
 * endpoints, which call the runtime's services (deploy, call, auth, function, invocation). Must
 * not import: {@code engine}, {@code pool}, {@code instance}, {@code store}.
 */
package dev.fn4j.runtime.http;
