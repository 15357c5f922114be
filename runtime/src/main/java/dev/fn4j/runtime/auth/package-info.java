/**
 * API keys: their format, scopes, storage port, bootstrap and the check of a presented key against
 * a required scope; it must not import {@code http} (it decides, http answers) or {@code store}
 * (which implements its {@code KeyStore}).
 */
package dev.fn4j.runtime.auth;
