/**
 * API keys: their format, scopes, storage port ({@code KeyStore}), bootstrap and the check of a
 * presented key against the scope a route needs; it decides, {@code http} answers. Must not
 * import: {@code http}, {@code store}, {@code call}, {@code pool}, {@code engine}.
 */
package dev.fn4j.runtime.auth;
