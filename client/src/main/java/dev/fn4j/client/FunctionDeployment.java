package dev.fn4j.client;

/**
 * What {@code PUT /v1/functions/{name}} answered.
 *
 * @param function the function's description, with its new revision
 * @param created true when the call created the function ({@code 201}), false when it updated an
 *     existing one ({@code 200})
 */
public record FunctionDeployment(FunctionDescription function, boolean created) {}
