/**
 * Deploying: turning a spec and an uploaded image into a function revision, and the image uploads
 * themselves. Must not import: {@code http}, {@code store}, {@code call}, {@code invoke}.
 */
package dev.fn4j.runtime.deploy;
