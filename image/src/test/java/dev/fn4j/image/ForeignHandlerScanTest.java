package dev.fn4j.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.image.HandlerInfo.Kind;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan finds handlers written for AWS Lambda and Google Cloud Functions by their interfaces alone. */
class ForeignHandlerScanTest {

    @TempDir
    static Path work;

    private static Path lambdaJar;
    private static Path gcfJar;
    private static Path classes;

    private static Path jarOf(String className) throws ClassNotFoundException, URISyntaxException {
        return Path.of(Class.forName(className)
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    }

    @BeforeAll
    static void compileFixtures() throws Exception {
        lambdaJar = jarOf("com.amazonaws.services.lambda.runtime.RequestHandler");
        gcfJar = jarOf("com.google.cloud.functions.HttpFunction");
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("app.Orders", """
                package app;
                import com.amazonaws.services.lambda.runtime.*;
                public class Orders implements RequestHandler<java.util.Map<String, Object>, String> {
                    public String handleRequest(java.util.Map<String, Object> in, Context c) { return "ok"; }
                }
                """);
        sources.put("app.Streams", """
                package app;
                import com.amazonaws.services.lambda.runtime.*;
                public class Streams implements RequestStreamHandler {
                    public void handleRequest(java.io.InputStream in, java.io.OutputStream out, Context c) {}
                }
                """);
        sources.put("app.LambdaBase", """
                package app;
                import com.amazonaws.services.lambda.runtime.*;
                public abstract class LambdaBase implements RequestHandler<String, String> {}
                """);
        sources.put("app.Derived", """
                package app;
                public class Derived extends LambdaBase {
                    public String handleRequest(String in, com.amazonaws.services.lambda.runtime.Context c) { return in; }
                }
                """);
        sources.put("app.Web", """
                package app;
                import com.google.cloud.functions.*;
                public class Web implements HttpFunction {
                    public void service(HttpRequest request, HttpResponse response) {}
                }
                """);
        sources.put("app.Typed", """
                package app;
                public class Typed implements com.google.cloud.functions.TypedFunction<String, String> {
                    public String apply(String in) { return in; }
                }
                """);
        sources.put("app.Events", """
                package app;
                import com.google.cloud.functions.*;
                public class Events implements BackgroundFunction<String> {
                    public void accept(String payload, Context context) {}
                }
                """);
        sources.put("app.Both", """
                package app;
                public class Both implements dev.fn4j.api.Handler<String, String>,
                        com.amazonaws.services.lambda.runtime.RequestHandler<String, String> {
                    public String handle(String in, dev.fn4j.api.Context c) { return in; }
                    public String handleRequest(String in, com.amazonaws.services.lambda.runtime.Context c) { return in; }
                }
                """);
        classes = TestSources.compile(work.resolve("classes"), sources, List.of(lambdaJar, gcfJar));
    }

    @Test
    void findsLambdaAndCloudFunctionsHandlersWithoutAnyAnnotation() throws IOException {
        assertThat(HandlerScanner.scan(classes, List.of(lambdaJar, gcfJar)))
                .containsExactly(
                        new HandlerInfo("app.Both", Kind.HANDLER),
                        new HandlerInfo("app.Derived", Kind.LAMBDA_REQUEST_HANDLER),
                        new HandlerInfo("app.Events", Kind.GCF_BACKGROUND_FUNCTION),
                        new HandlerInfo("app.Orders", Kind.LAMBDA_REQUEST_HANDLER),
                        new HandlerInfo("app.Streams", Kind.LAMBDA_STREAM_HANDLER),
                        new HandlerInfo("app.Typed", Kind.GCF_TYPED_FUNCTION),
                        new HandlerInfo("app.Web", Kind.GCF_HTTP_FUNCTION));
    }

    @Test
    void anAbstractLambdaBaseIsReportedAsNotUsable() throws IOException {
        assertThat(HandlerScanner.scanDetailed(classes, List.of(lambdaJar, gcfJar))
                        .rejected())
                .containsExactly(Map.entry("app.LambdaBase", "is abstract"));
    }

    @Test
    void aHandlerWhoseApiTheImageWouldNotCarryIsRejectedWithTheFix() throws IOException {
        HandlerScan scan = HandlerScanner.scanDetailed(classes, List.of(lambdaJar));

        assertThat(scan.handlers())
                .extracting(HandlerInfo::className)
                .contains("app.Orders")
                .doesNotContain("app.Web");
        assertThat(scan.rejected())
                .containsEntry(
                        "app.Web",
                        "needs com.google.cloud.functions:functions-framework-api at run time, which is not among"
                                + " its runtime dependencies; declare it with compile scope, not provided");
    }

    @Test
    void severalPlatformsHandlersAreAmbiguousUntilOneIsNamed() throws Exception {
        HandlerScan scan = HandlerScanner.scanDetailed(classes, List.of(lambdaJar, gcfJar));

        assertThat(HandlerSelection.select(scan, "app.Web").kind()).isEqualTo(Kind.GCF_HTTP_FUNCTION);
        assertThatThrownBy(() -> HandlerSelection.select(scan, null))
                .isInstanceOfSatisfying(
                        HandlerSelectionException.class,
                        e -> assertThat(e.reason()).isEqualTo(HandlerSelectionException.Reason.AMBIGUOUS))
                .hasMessageContaining("7 handlers found and none named; choose one of app.Both, app.Derived");
    }
}
