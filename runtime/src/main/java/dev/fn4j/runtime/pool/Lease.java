package dev.fn4j.runtime.pool;

import dev.fn4j.runtime.instance.Connection;
import dev.fn4j.runtime.instance.Instance;

/**
 * One call's hold on one instance slot, from acquisition until it is given back to its pool.
 *
 * @param instance the instance serving the call
 * @param connection the connection to its host, leased to this call alone
 * @param coldStart whether the call waited for this instance to start
 */
public record Lease(Instance instance, Connection connection, boolean coldStart) {}
