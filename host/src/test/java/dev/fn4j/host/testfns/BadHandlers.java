package dev.fn4j.host.testfns;

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;
import dev.fn4j.api.HttpHandler;
import dev.fn4j.api.HttpRequest;
import dev.fn4j.api.HttpResponse;

/** Classes that HandlerLoader must refuse, each for one reason. */
public final class BadHandlers {
    private BadHandlers() {}

    /** Implements no handler interface. */
    public static final class NotAHandler {}

    /** Has only a constructor with an argument. */
    public static final class NoDefaultConstructor implements Handler<String, String> {
        public NoDefaultConstructor(String greeting) {}

        @Override
        public String handle(String input, Context context) {
            return input;
        }
    }

    /** Its constructor throws. */
    public static final class ThrowingConstructor implements Handler<String, String> {
        public ThrowingConstructor() {
            throw new IllegalStateException("no config");
        }

        @Override
        public String handle(String input, Context context) {
            return input;
        }
    }

    /** Its static initializer throws; load it at most once per class loader. */
    public static final class ThrowingStaticInitializer implements Handler<String, String> {
        private static final String DATABASE = connect();

        private static String connect() {
            throw new IllegalStateException("no database");
        }

        @Override
        public String handle(String input, Context context) {
            return DATABASE;
        }
    }

    /** Is abstract. */
    public abstract static class Abstract implements Handler<String, String> {}

    /** Implements both interfaces. */
    public static final class Both implements Handler<String, String>, HttpHandler {
        @Override
        public String handle(String input, Context context) {
            return input;
        }

        @Override
        public HttpResponse handle(HttpRequest request, Context context) {
            return HttpResponse.of(200, "");
        }
    }

    /** Returns an object Jackson cannot write (no properties). */
    public static final class Unwritable implements Handler<String, Object> {
        @Override
        public Object handle(String input, Context context) {
            return new Object();
        }
    }

    /** An HttpHandler that returns null. */
    public static final class NullHttp implements HttpHandler {
        @Override
        public HttpResponse handle(HttpRequest request, Context context) {
            return null;
        }
    }
}
