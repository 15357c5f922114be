/**
 * What fn-maven-plugin's goals do, free of Maven types so it can be unit-tested and reused:
 * settings validation ({@link dev.fn4j.maven.core.FunctionSettings}), handler choice
 * ({@link dev.fn4j.maven.core.HandlerChooser}), the image build
 * ({@link dev.fn4j.maven.core.ImageService}), deployment
 * ({@link dev.fn4j.maven.core.DeployService}), invocation
 * ({@link dev.fn4j.maven.core.FunctionCaller}, {@link dev.fn4j.maven.core.AsyncCaller}),
 * listing and deleting ({@link dev.fn4j.maven.core.FunctionManager}), the invocation history
 * ({@link dev.fn4j.maven.core.InvocationHistory}), managing the runtime's API keys
 * ({@link dev.fn4j.maven.core.KeyManager}) and the API key the goals call with
 * ({@link dev.fn4j.maven.core.ApiKey}, {@link dev.fn4j.maven.core.RuntimeConnection}), and how the
 * goals show results ({@link dev.fn4j.maven.core.GoalOutput}).
 *
 * <p>Failures are reported as {@link dev.fn4j.maven.core.FnFailureException} when the user's
 * settings or function are at fault (the mojos turn it into a {@code MojoFailureException}) and
 * as {@link dev.fn4j.maven.core.FnExecutionException} when the infrastructure failed (a
 * {@code MojoExecutionException}). Every message names the setting and the bad value and ends
 * with how to fix it.
 */
package dev.fn4j.maven.core;
