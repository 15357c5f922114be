package dev.fn4j.runtime.source;

/** Where a build reports its steps, for the build's event stream and its final answer. */
public interface BuildSteps {

    /** Records that the step named {@code step} (such as {@code compile}) ended after {@code millis}. */
    void ended(String step, long millis);

    /** Records a line of the build's own output (a compiler's message), shown with the build. */
    void output(String line);
}
