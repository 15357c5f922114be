package dev.fn4j.maven.core;

import dev.fn4j.client.FunctionDescription;
import dev.fn4j.client.RuntimeApiException;
import dev.fn4j.client.RuntimeClientException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Lists the runtime's functions and deletes functions ({@code fn:list}, {@code fn:delete}). */
public final class FunctionManager {

    private final RuntimeConnection connection;
    private final GoalLog log;

    /** A manager that works through {@code connection} and reports to {@code log}. */
    public FunctionManager(RuntimeConnection connection, GoalLog log) {
        this.connection = connection;
        this.log = log;
    }

    /**
     * Logs the deployed functions, one aligned line each: name, revision, status ({@code active}
     * or {@code failed}), live instances, whether the URL is public (needs no API key), URL; or
     * that there are none. A warning after the table gives each failed function's reason.
     *
     * @return the functions, sorted by name
     */
    public List<FunctionDescription> list() throws FnFailureException, FnExecutionException {
        List<FunctionDescription> functions;
        try {
            functions = new ArrayList<>(connection.client().listFunctions());
        } catch (RuntimeClientException e) {
            RuntimeApiException api = connection.apiError(e, "list functions");
            throw new FnExecutionException(
                    "The fn4j runtime at " + connection.display() + " cannot list its functions: " + api.code() + ": "
                            + api.errorMessage(),
                    api);
        }
        functions.sort(
                Comparator.comparing(FunctionDescription::name, Comparator.nullsFirst(Comparator.naturalOrder())));
        if (functions.isEmpty()) {
            log.info("No functions are deployed on " + connection.display() + ": deploy one with mvn fn:deploy.");
            return List.of();
        }
        log.info(functions.size() + (functions.size() == 1 ? " function" : " functions") + " on " + connection.display()
                + ":");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NAME", "REVISION", "STATUS", "INSTANCES", "PUBLIC", "URL"});
        for (FunctionDescription function : functions) {
            rows.add(new String[] {
                function.name(),
                Long.toString(function.revision()),
                function.status(),
                Integer.toString(function.instances().size()),
                function.publicTrigger() ? "yes" : "no",
                url(function)
            });
        }
        for (String line : Columns.align(rows)) {
            log.info("  " + line);
        }
        for (FunctionDescription function : functions) {
            if (function.failed()) {
                log.warn("Function '" + function.name() + "' failed, so calls to it fail until it is deployed again: "
                        + firstLine(function));
            }
        }
        return List.copyOf(functions);
    }

    /** The first line of a failed function's error; its stack trace, if any, follows it. */
    private static String firstLine(FunctionDescription function) {
        String message =
                function.error() == null ? "" : function.error().message().strip();
        int end = message.indexOf('\n');
        String first = (end < 0 ? message : message.substring(0, end)).strip();
        return first.isEmpty() ? "its handler cannot start." : first;
    }

    private String url(FunctionDescription function) {
        if (function.url() != null && !function.url().isBlank()) {
            return connection.absolute(function.url());
        }
        return connection.client().functionUrl(function.name()).toString();
    }

    /**
     * Deletes the functions, in order. Those the runtime does not have are skipped and named in
     * the failure that follows the others' deletion.
     *
     * @throws FnFailureException when a function is not on the runtime, or the key may not delete
     */
    public void delete(List<String> names) throws FnFailureException, FnExecutionException {
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            try {
                connection.client().deleteFunction(name);
                log.info("Deleted function '" + name + "' from " + connection.display()
                        + "; its instances are stopped.");
            } catch (RuntimeClientException e) {
                RuntimeApiException api = connection.apiError(e, "delete function '" + name + "'");
                if (api.status() == 404) {
                    missing.add(name);
                    continue;
                }
                throw RuntimeConnection.rejected(
                        api,
                        "The fn4j runtime at " + connection.display()
                                + " did not delete function '" + name + "': " + api.code() + ": "
                                + api.errorMessage());
            }
        }
        if (!missing.isEmpty()) {
            String what = missing.size() == 1
                    ? "No function named '" + missing.get(0) + "'"
                    : "No functions named '" + String.join("', '", missing) + "'";
            throw new FnFailureException(what + " on " + connection.display()
                    + ": there is nothing to delete. See the deployed functions with mvn fn:list,"
                    + " and name one with -Dfn.name.");
        }
    }
}
