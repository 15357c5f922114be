package dev.fn4j.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.undertow.Undertow;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dashboard's files through the router and its route, as the runtime serves them. */
class UiApiTest {

    private static Undertow server;
    private static URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = Undertow.builder()
                .addHttpListener(0, "127.0.0.1")
                .setHandler(new Router(RouteTable.uiRoutes(new UiApi(UiAssets.bundled())), new RouteHandler()))
                .build();
        server.start();
        base = URI.create("http://127.0.0.1:"
                + ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void assertSecurityHeaders(HttpResponse<?> response) {
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValue("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                        + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    @Test
    void theIndexPageIsServedWithTheSecurityHeadersAndRevalidates() throws Exception {
        HttpResponse<byte[]> index = get("/ui/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(new String(index.body(), StandardCharsets.UTF_8))
                .contains("<script type=\"module\" src=\"js/app.js\">");
        assertThat(index.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(index.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertSecurityHeaders(index);

        String etag = index.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = get("/ui/", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void uiWithoutItsSlashRedirectsToTheIndex() throws Exception {
        HttpResponse<byte[]> redirect = get("/ui");
        assertThat(redirect.statusCode()).isEqualTo(308);
        assertThat(redirect.headers().firstValue("Location")).hasValue("/ui/");
        assertSecurityHeaders(redirect);
    }

    @Test
    void theVersionedChartLibraryIsCachedForGoodAndGzipped() throws Exception {
        HttpResponse<byte[]> plain = get("/ui/lib/uplot/1.6.30/dist/uPlot.iife.min.js");
        HttpResponse<byte[]> gzip = get("/ui/lib/uplot/1.6.30/dist/uPlot.iife.min.js", "Accept-Encoding", "gzip");
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(plain.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzip.body().length).isLessThan(plain.body().length / 2);
        assertThat(gzip.headers().firstValue("ETag"))
                .isNotEqualTo(plain.headers().firstValue("ETag"));
        assertSecurityHeaders(gzip);
    }

    @Test
    void anUnknownFileIsA404WithTheSecurityHeaders() throws Exception {
        HttpResponse<byte[]> missing = get("/ui/nope.js");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(new String(missing.body(), StandardCharsets.UTF_8)).contains("\"not_found\"");
        assertSecurityHeaders(missing);
    }

    @Test
    void onlyGetAndHeadAreAllowed() throws Exception {
        HttpResponse<byte[]> post = http.send(
                HttpRequest.newBuilder(base.resolve("/ui/"))
                        .POST(HttpRequest.BodyPublishers.ofString("x"))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }

    /** Every module, script and style sheet the pages name is a file the runtime serves. */
    @Test
    void everyFileThePagesReferToIsServed() {
        UiAssets assets = UiAssets.bundled();
        Pattern reference = Pattern.compile("(?:from '|import '|src=\"|href=\")(\\.{0,2}/?[\\w./-]+\\.(?:js|css))");
        List<String> missing = new ArrayList<>();
        for (String path : assets.paths()) {
            if (path.startsWith("lib/") || !(path.endsWith(".js") || path.endsWith(".html"))) {
                continue;
            }
            String text = new String(assets.get(path).orElseThrow().body(), StandardCharsets.UTF_8);
            Matcher found = reference.matcher(text);
            while (found.find()) {
                String target = URI.create("/ui/" + path)
                        .resolve(found.group(1))
                        .getPath()
                        .substring("/ui/".length());
                if (assets.get(target).isEmpty()) {
                    missing.add(path + " → " + found.group(1));
                }
            }
        }
        String uplot = "lib/uplot/1.6.30/dist/";
        assertThat(assets.get(uplot + "uPlot.iife.min.js"))
                .as("charts.js loads it")
                .isPresent();
        assertThat(assets.get(uplot + "uPlot.min.css")).as("charts.js loads it").isPresent();
        assertThat(missing).isEmpty();
    }

    /** Untrusted text reaches the page only through textContent: no file writes markup. */
    @Test
    void noPageWritesMarkup() {
        UiAssets assets = UiAssets.bundled();
        for (String path : assets.paths()) {
            if (path.startsWith("lib/") || !path.endsWith(".js")) {
                continue;
            }
            String text = new String(assets.get(path).orElseThrow().body(), StandardCharsets.UTF_8);
            assertThat(text)
                    .as(path)
                    .doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(");
        }
    }
}
