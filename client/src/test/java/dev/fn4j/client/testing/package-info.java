/**
 * Test support shared through the client's test-jar: a stub runtime on loopback for the client's
 * and the Maven plugin's tests; it imports only the JDK and JUnit, never the client's classes.
 */
package dev.fn4j.client.testing;
