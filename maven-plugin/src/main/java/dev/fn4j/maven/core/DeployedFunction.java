package dev.fn4j.maven.core;

import java.net.URI;
import java.time.Duration;

/**
 * One function deployment's outcome.
 *
 * @param name the function's name
 * @param handler the handler class it runs
 * @param revision the new revision's number
 * @param created whether this deployment created the function
 * @param url the function's HTTP trigger
 * @param publicTrigger whether the runtime says the HTTP trigger needs no API key
 * @param took how long the deployment request took
 */
public record DeployedFunction(
        String name, String handler, long revision, boolean created, URI url, boolean publicTrigger, Duration took) {}
