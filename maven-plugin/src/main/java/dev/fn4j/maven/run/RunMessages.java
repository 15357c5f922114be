package dev.fn4j.maven.run;

import dev.fn4j.maven.core.Elapsed;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What {@code fn:run} tells the user, worded in one place. */
final class RunMessages {

    /** How many changed files a reload line names. */
    private static final int NAMED = 3;

    private RunMessages() {}

    /**
     * The runtime found no container engine: say so, and what to do.
     *
     * @param reason the runtime's words, which say where it looked and how to fix it
     */
    static String noEngine(String reason) {
        return "mvn fn:run runs each function in its locked-down container and cannot use a Docker engine: " + reason
                + ". Once Docker answers, run mvn fn:run again (or, for code you trust, run it without any"
                + " isolation and without Docker: mvn fn:run -Dfn.run.sandbox=none).";
    }

    /**
     * Said first by a run without a sandbox; the runtime's own warning, relayed next, lists
     * exactly what is not enforced.
     */
    static List<String> unsandboxed() {
        return List.of(
                "-Dfn.run.sandbox=none: NOTHING IS ISOLATED. The functions run inside the local runtime's JVM,"
                        + " as you, with your files and network: no memory limit, no timeout kill, no network"
                        + " isolation (the runtime's warning below lists all of it).",
                "Use it only for code you trust; leave -Dfn.run.sandbox unset to run each function in its"
                        + " locked-down container, as when deployed.");
    }

    /** The banner once the functions are deployed. */
    static List<String> serving(String url, List<String> functionUrls, Path watched, boolean sandboxed) {
        List<String> lines = new ArrayList<>();
        lines.add("fn:run serves on " + url + (sandboxed ? "" : " WITHOUT ISOLATION (-Dfn.run.sandbox=none)")
                + "; calls from this machine need no API key (--open-loopback):");
        for (String functionUrl : functionUrls) {
            lines.add("  " + functionUrl);
        }
        lines.add("Watching " + watched + ": compile (IDE build or mvn compile) and the new code is swapped in."
                + " Ctrl-C stops everything.");
        return lines;
    }

    /**
     * What changed, in a few words: up to three files, then how many more.
     *
     * @param paths the files that changed, each once
     * @param complete whether {@code paths} are all of them (else there were more)
     */
    static String changed(Set<Path> paths, boolean complete) {
        List<String> names = new ArrayList<>();
        for (Path path : paths) {
            names.add(path.toString().isEmpty() ? "(everything)" : path.toString());
        }
        names.sort(null);
        int shown = Math.min(NAMED, names.size());
        int more = names.size() - shown;
        String tail =
                !complete ? " and more files" : more > 0 ? " and " + more + " more file" + (more == 1 ? "" : "s") : "";
        return String.join(", ", names.subList(0, shown)) + tail;
    }

    /**
     * How long a reload took and its steps.
     *
     * @param total from the start of the build to the last function deployed
     * @param build the image build
     * @param upload the image upload, the runtime loading it included
     * @param deploy the deploys, each starting an instance to check the new revision starts
     */
    record Steps(Duration total, Duration build, Duration upload, Duration deploy) {}

    /** A reload that worked. */
    static String swapped(String what, List<String> revisions, Steps steps, Duration sinceChange) {
        return "Swapped in " + String.join(", ", revisions) + " in " + Elapsed.format(steps.total()) + " (build "
                + Elapsed.format(steps.build()) + ", upload " + Elapsed.format(steps.upload()) + ", start check "
                + Elapsed.format(steps.deploy()) + "; " + Elapsed.format(sinceChange) + " after the change to "
                + what + ").";
    }

    /** A reload that failed: the old code keeps serving. */
    static String reloadFailed(String what, String why) {
        return "The change to " + what + " was not swapped in, the previous code keeps serving: " + why;
    }
}
