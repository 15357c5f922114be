package dev.fn4j.api;

/**
 * A function that wants the whole HTTP request, as served on its trigger {@code /fn/{name}/...}.
 *
 * <p>Same lifecycle as {@link Handler}: a public no-argument constructor, one instance shared by
 * concurrent calls, and a thrown exception reported as {@code function_error}.
 */
@FunctionalInterface
public interface HttpHandler {

    /**
     * Handles one HTTP request.
     *
     * @param request the request as the caller sent it, its path relative to the trigger
     * @param context what the platform knows of this invocation
     * @return the response to send back
     * @throws Exception to report a function error to the caller
     */
    HttpResponse handle(HttpRequest request, Context context) throws Exception;
}
