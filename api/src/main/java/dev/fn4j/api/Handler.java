package dev.fn4j.api;

/**
 * A function: takes an input, returns an output.
 *
 * <p>The input and output types decide how the platform maps the call body:
 * <ul>
 *   <li>{@code String}: the body as UTF-8 text, unchanged;</li>
 *   <li>{@code byte[]}: the body as raw bytes, unchanged;</li>
 *   <li>any other type (a record, a POJO, a {@code Map}, a {@code List}): the body as JSON.</li>
 * </ul>
 *
 * <p>An implementation needs a public no-argument constructor. One instance serves every call
 * to its container, possibly from several threads at once when the function's concurrency is
 * above one, so keep per-call state in local variables.
 *
 * <p>A handler that throws is reported to the caller as {@code function_error} with the
 * exception's type and message; the instance stays warm and keeps serving.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
@FunctionalInterface
public interface Handler<I, O> {

    /**
     * Handles one invocation.
     *
     * @param input the decoded call body
     * @param context what the platform knows of this invocation
     * @return the output, encoded according to its type; {@code null} becomes an empty body
     * @throws Exception to report a function error to the caller
     */
    O handle(I input, Context context) throws Exception;
}
