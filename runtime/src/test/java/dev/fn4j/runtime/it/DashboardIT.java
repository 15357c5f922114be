package dev.fn4j.runtime.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.runtime.it.fns.Greeter;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

/**
 * The dashboard in a real browser (Debian's headless chromium) against a real runtime with a real
 * function container: sign in, see the function and its charts, invoke it from the panel and see
 * its answer and log lines, follow an asynchronous call to its end, and see markup from the
 * function render as text. Skipped when chromium is not installed.
 */
class DashboardIT {

    @RegisterExtension
    static final RuntimeExtension FIXTURE = new RuntimeExtension();

    private static final String FUNCTION = "dash-greeter";
    /** What a hostile function might log: it must show as these characters, never as an image. */
    private static final String MARKUP = "<img src=x onerror=alert(1)>";

    private final RuntimeFixture runtime = FIXTURE.runtime();

    @BeforeAll
    static void deploy() {
        Reply deployed = FIXTURE.runtime().deploy(FUNCTION, FIXTURE.image(), Greeter.class.getName(), "");
        assertThat(deployed.status()).as("%s", deployed).isIn(200, 201);
        assertThat(FIXTURE.runtime().invoke(FUNCTION, "{\"name\":\"Ada\"}").status())
                .isEqualTo(200);
    }

    private void signIn(Browser browser) {
        browser.open(runtime.uri("/ui/"));
        browser.await(By.id("api-key")).sendKeys(TestKeys.ADMIN);
        browser.driver()
                .findElement(By.cssSelector("#sign-in button[type=submit]"))
                .click();
        browser.awaitText(By.id("scope"), "admin");
    }

    @Test
    void anAdminSeesTheFunctionWithItsChartsAndInvokesItFromThePanel() throws Exception {
        try (Browser browser = Browser.start()) {
            signIn(browser);
            WebElement row = browser.await(By.cssSelector("#functions-table tr[data-name='" + FUNCTION + "']"));
            assertThat(row.getText()).contains(FUNCTION);
            // The row comes from /v1/stats/functions: the call made at deploy counts in the last hour.
            browser.await(
                    "calls counted for the function",
                    d -> d.findElement(By.cssSelector(
                                            "#functions-table tr[data-name='" + FUNCTION + "'] td:nth-child(6)"))
                                    .getText()
                                    .matches("[1-9][0-9]*")
                            ? true
                            : null);
            browser.screenshot("functions");

            row.findElement(By.linkText(FUNCTION)).click();
            browser.awaitText(By.id("function-name"), FUNCTION);
            // Four charts, each a canvas uPlot drew from the stats buckets (none on a runtime without stats).
            browser.await(
                    "four drawn charts",
                    d -> d.findElements(By.cssSelector(".chart[data-chart] canvas"))
                                            .size()
                                    >= 4
                            ? true
                            : null);
            for (WebElement chart : browser.driver().findElements(By.cssSelector(".chart[data-chart]"))) {
                assertThat(chart.getAttribute("data-points")).isEqualTo("60");
            }
            assertThat(Double.parseDouble(browser.driver()
                            .findElement(By.cssSelector(".chart[data-chart='calls']"))
                            .getAttribute("data-total")))
                    .as("the calls chart's series holds the calls made")
                    .isPositive();

            WebElement input = browser.driver().findElement(By.id("invoke-input"));
            input.clear();
            input.sendKeys("{\"name\":\"" + MARKUP + "\"}");
            browser.driver().findElement(By.id("invoke-button")).click();

            browser.awaitText(By.id("invoke-answer"), "Hello, " + MARKUP + "!");
            browser.awaitText(By.id("invoke-logs"), "greeting " + MARKUP);
            browser.awaitText(By.id("invoke-status"), "200");
            assertMarkupStayedText(browser);
            browser.await(By.cssSelector("#invocations-table tbody tr"));
            browser.screenshot("function");
            assertThat(browser.console()).noneMatch(line -> line.contains("Content Security Policy"));
        }
    }

    @Test
    void anAsynchronousCallIsFollowedLiveToItsEnd() throws Exception {
        try (Browser browser = Browser.start()) {
            signIn(browser);
            browser.open(runtime.uri("/ui/#/functions/" + FUNCTION));
            WebElement input = browser.await(By.id("invoke-input"));
            input.clear();
            input.sendKeys("{\"name\":\"" + MARKUP + "\"}");
            browser.driver().findElement(By.id("invoke-async")).click();
            browser.driver().findElement(By.id("invoke-button")).click();

            browser.awaitText(By.id("invoke-status"), "succeeded");
            browser.awaitText(By.id("invoke-answer"), "Hello, " + MARKUP + "!");
            browser.driver().findElement(By.cssSelector("#invoke-status a")).click();
            browser.awaitText(By.id("invocation-status"), "succeeded");
            browser.awaitText(By.id("invocation-logs"), "greeting " + MARKUP);
            browser.awaitText(By.id("invocation-result"), MARKUP);
            assertThat(browser.driver().findElement(By.tagName("main")).getText())
                    .contains("asynchronous");
            assertMarkupStayedText(browser);
            browser.screenshot("invocation");
            assertThat(browser.console()).noneMatch(line -> line.contains("Content Security Policy"));
        }
    }

    @Test
    void signingOutForgetsTheKeyWhichNeverWasInAUrlOrACookie() throws Exception {
        try (Browser browser = Browser.start()) {
            signIn(browser);
            browser.await(By.id("functions-table"));
            assertThat(browser.driver().getCurrentUrl()).doesNotContain(TestKeys.ADMIN);
            assertThat(browser.driver().manage().getCookies()).isEmpty();
            assertThat(browser.script("return sessionStorage.getItem('fn4j.apiKey')"))
                    .isEqualTo(TestKeys.ADMIN);

            browser.driver().findElement(By.id("sign-out")).click();
            browser.await(By.id("sign-in"));
            assertThat(browser.script("return sessionStorage.length")).isEqualTo(0L);
            assertThat(browser.driver().findElement(By.id("nav")).isDisplayed()).isFalse();
        }
    }

    @Test
    void anAdminCreatesAKeySeesItsSecretOnceAndRevokesIt() throws Exception {
        try (Browser browser = Browser.start()) {
            signIn(browser);
            browser.driver().findElement(By.linkText("API keys")).click();
            browser.await(By.id("key-name")).sendKeys("from-the-dashboard");
            browser.driver()
                    .findElement(By.cssSelector("#create-key button[type=submit]"))
                    .click();
            String secret = browser.awaitText(By.id("new-key-secret"), "fn4j_").getText();
            assertThat(runtime.sendAs(secret, "GET", "/v1/functions/" + FUNCTION + "/invocations", null)
                            .status())
                    .as("the new invoke key works")
                    .isEqualTo(200);
            WebElement row = browser.awaitText(By.cssSelector("#keys-table tbody tr"), "from-the-dashboard");
            assertThat(row.getText()).doesNotContain(secret);

            row.findElement(By.cssSelector("button.danger")).click();
            browser.await("the confirmation", d -> d.switchTo().alert()).accept();
            browser.await(
                    "the key's row gone",
                    d -> d.findElements(By.cssSelector("#keys-table")).size() == 1
                            && !d.findElement(By.id("keys-table")).getText().contains("from-the-dashboard"));
            assertThat(runtime.sendAs(secret, "GET", "/v1/functions/" + FUNCTION + "/invocations", null)
                            .status())
                    .as("the revoked key no longer works")
                    .isEqualTo(401);

            browser.driver().findElement(By.linkText("Backlog & dead letters")).click();
            browser.awaitText(By.id("dead-letters"), "No dead letters.");
            browser.driver().findElement(By.linkText("API")).click();
            browser.await(By.cssSelector("main h1"));
            // The real /v1/openapi.json: the dashboard's own data routes are among its operations.
            WebElement statsOperation = browser.awaitText(
                    By.xpath("//details[contains(@class,'operation')][.//code[text()='/v1/stats/functions']]"), "GET");
            assertThat(statsOperation.getText()).contains("invoke");
        }
    }

    @Test
    void everyDashboardAnswerCarriesTheSecurityHeaders() {
        for (String path :
                List.of("/ui/", "/ui/js/app.js", "/ui/lib/uplot/1.6.30/dist/uPlot.iife.min.js", "/ui/missing")) {
            Reply reply = runtime.sendAs(null, "GET", path, null);
            assertThat(reply.status()).as(path).isIn(200, 404);
            assertThat(reply.header("Content-Security-Policy"))
                    .as(path)
                    .isEqualTo("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
            assertThat(reply.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(reply.header("X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(reply.header("Referrer-Policy")).as(path).isEqualTo("no-referrer");
        }
        assertThat(runtime.sendAs(null, "GET", "/ui/", null).status())
                .as("the pages are open; their data needs a key")
                .isEqualTo(200);
        assertThat(runtime.sendAs(null, "GET", "/v1/functions", null).status()).isEqualTo(401);
    }

    /** The markup showed as text: no image element, no alert, the characters on the page. */
    private static void assertMarkupStayedText(Browser browser) {
        assertThat(browser.script("return document.querySelectorAll('img').length"))
                .isEqualTo(0L);
        assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains(MARKUP);
    }
}
