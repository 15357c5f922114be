package dev.fn4j.test.fns;

/** Implements no handler interface: the platform refuses to deploy it. */
public class NotAHandler {}
