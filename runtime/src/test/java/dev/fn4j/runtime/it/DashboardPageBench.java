package dev.fn4j.runtime.it;

import dev.fn4j.runtime.it.fns.Greeter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Measures the functions page against a runtime with 50 functions (bench/dashboard-page.sh runs
 * it): bytes transferred and time from navigation to the table's 50 rows, cold cache (a fresh
 * browser profile, cache disabled) side by side with a warm one (ETag revalidation), as medians.
 * Not a test: it asserts nothing and prints a Markdown table.
 */
public final class DashboardPageBench {

    private static final int FUNCTIONS = 50;
    private static final int SAMPLES = Integer.getInteger("samples", 7);

    /** Set before the page's scripts run: the time the table first has all its rows. */
    private static final String MARK_TABLE = "new MutationObserver((m, o) => {"
            + " if (document.querySelectorAll('#functions-table tbody tr').length >= " + FUNCTIONS + ") {"
            + " window.__fn4jTable = performance.now(); o.disconnect(); } })"
            + ".observe(document, {childList: true, subtree: true});";

    private static final String MEASURE = "const nav = performance.getEntriesByType('navigation')[0];"
            + " const res = performance.getEntriesByType('resource');"
            + " const sum = (f) => res.filter(f).reduce((s, r) => s + r.transferSize, 0);"
            + " const fcp = performance.getEntriesByName('first-contentful-paint')[0];"
            + " return [nav.transferSize + sum(() => true),"
            + " nav.transferSize + sum((r) => r.name.includes('/ui/')), sum((r) => r.name.includes('/v1/')),"
            + " 1 + res.length, window.__fnTableOr(), fcp ? fcp.startTime : -1];";

    private DashboardPageBench() {}

    public static void main(String[] args) throws Exception {
        try (RuntimeFixture runtime = RuntimeFixture.start()) {
            String image = runtime.uploadTestImage();
            for (int i = 1; i <= FUNCTIONS; i++) {
                Reply deployed = runtime.deploy(String.format("page-%02d", i), image, Greeter.class.getName(), "");
                if (deployed.status() / 100 != 2) {
                    throw new IllegalStateException("deploy " + i + ": " + deployed);
                }
            }
            List<double[]> cold = new ArrayList<>();
            List<double[]> warm = new ArrayList<>();
            for (int sample = 0; sample < SAMPLES; sample++) {
                try (Browser browser = Browser.start()) {
                    ChromeDriver driver = (ChromeDriver) browser.driver();
                    driver.executeCdpCommand(
                            "Page.addScriptToEvaluateOnNewDocument",
                            Map.of("source", MARK_TABLE + " window.__fnTableOr = () => window.__fn4jTable ?? -1;"));
                    browser.open(runtime.uri("/ui/"));
                    browser.script("sessionStorage.setItem('fn4j.apiKey', arguments[0])", TestKeys.ADMIN);
                    driver.executeCdpCommand("Network.enable", Map.of());
                    driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
                    cold.add(load(browser, runtime));
                    driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", false));
                    load(browser, runtime); // fills the cache once more with cache enabled
                    warm.add(load(browser, runtime));
                }
            }
            System.out.printf(
                    "%n| functions page, %d functions, %d samples (medians) | cold cache | warm cache (ETag) | ratio |%n",
                    FUNCTIONS, SAMPLES);
            System.out.println("| --- | --- | --- | --- |");
            String[] names = {
                "bytes transferred",
                "of which the page's files (/ui/)",
                "of which API answers (/v1/)",
                "requests",
                "time to the 50 rows (ms)",
                "first contentful paint (ms)"
            };
            for (int m = 0; m < names.length; m++) {
                double c = median(cold, m);
                double w = median(warm, m);
                System.out.printf("| %s | %.0f | %.0f | %.2f |%n", names[m], c, w, w / c);
            }
        }
    }

    private static double[] load(Browser browser, RuntimeFixture runtime) {
        // A new document each time (a hash change would not load anything); sessionStorage stays.
        browser.driver().get("about:blank");
        browser.open(runtime.uri("/ui/#/functions"));
        browser.await(
                "the table's rows",
                d -> Double.parseDouble(String.valueOf(browser.script("return window.__fnTableOr()"))) >= 0);
        // Resource timing entries end when the last fetch has its body.
        browser.await(
                "the loads settled",
                d -> browser.script("return document.readyState").equals("complete"));
        @SuppressWarnings("unchecked")
        List<Number> values = (List<Number>) browser.script(MEASURE);
        return values.stream().mapToDouble(Number::doubleValue).toArray();
    }

    private static double median(List<double[]> samples, int metric) {
        double[] values = samples.stream().mapToDouble(s -> s[metric]).sorted().toArray();
        return values[values.length / 2];
    }
}
