/**
 * The Kubernetes engine: a locked-down pod per instance through the fabric8 client, the
 * instances' default-deny NetworkPolicy, and the pods' states. Must not import: {@code http},
 * {@code store}, {@code call}, {@code invoke}, {@code pool}, {@code function}, {@code deploy}.
 */
package dev.fn4j.runtime.kubernetes;
