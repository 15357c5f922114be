package dev.fn4j.host.testfns;

/** A JSON output of the test functions. */
public record Greeting(String message, int nextAge) {}
