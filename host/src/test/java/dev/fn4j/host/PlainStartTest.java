package dev.fn4j.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.host.testfns.Greeter;
import dev.fn4j.host.testfns.NoteEcho;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A plain record handler starts and answers without loading a single class of Jackson: the host,
 * the API and the handler run in a fresh class loader that records every class the JVM asks it for.
 */
class PlainStartTest {

    /** Loads the test class path itself, child first, and records each class name it is asked for. */
    private static final class RecordingLoader extends URLClassLoader {
        final List<String> requested = Collections.synchronizedList(new ArrayList<>());

        RecordingLoader() {
            super(classPath(), ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            requested.add(name);
            return super.loadClass(name, resolve);
        }

        private static URL[] classPath() {
            List<URL> urls = new ArrayList<>();
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                try {
                    urls.add(Path.of(entry).toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new IllegalStateException(entry, e);
                }
            }
            return urls.toArray(URL[]::new);
        }
    }

    @SuppressWarnings("unchecked")
    private static String call(RecordingLoader loader, String handler, String body) throws Exception {
        Function<List<String>, String> probe =
                (Function<List<String>, String>) loader.loadClass(PlainStartProbe.class.getName())
                        .getConstructor()
                        .newInstance();
        return probe.apply(List.of(handler, body));
    }

    private static List<String> jackson(RecordingLoader loader) {
        return loader.requested.stream()
                .filter(name -> name.startsWith("com.fasterxml.") || name.contains(".shaded.jackson."))
                .toList();
    }

    @Test
    void aPlainRecordHandlerStartsAndAnswersWithoutLoadingJackson() throws Exception {
        try (RecordingLoader loader = new RecordingLoader()) {
            String answer = call(loader, Greeter.class.getName(), "{\"name\":\"Ada\",\"age\":36}");

            assertThat(answer).isEqualTo("{\"message\":\"Hello, Ada\",\"nextAge\":37}");
            assertThat(loader.requested).contains(PlainCodec.class.getName());
            assertThat(jackson(loader)).isEmpty();
        }
    }

    @Test
    void aBodyOffThePlainPathLoadsJacksonForThatCallOnly() throws Exception {
        try (RecordingLoader loader = new RecordingLoader()) {
            String answer = call(loader, Greeter.class.getName(), "{\"name\":\"Ada\",\"age\":\"36\"}");

            assertThat(answer).isEqualTo("{\"message\":\"Hello, Ada\",\"nextAge\":37}");
            assertThat(jackson(loader)).isNotEmpty();
        }
    }

    @Test
    void aHandlerOfOtherTypesStillLoadsJacksonAtStart() throws Exception {
        try (RecordingLoader loader = new RecordingLoader()) {
            call(loader, NoteEcho.class.getName(), "{}");

            assertThat(jackson(loader)).isNotEmpty();
        }
    }
}
