package dev.fn4j.host.testfns;

/** A JSON input of the test functions. */
public record Person(String name, int age) {}
