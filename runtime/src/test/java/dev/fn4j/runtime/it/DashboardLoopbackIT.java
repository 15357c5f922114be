package dev.fn4j.runtime.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The dashboard of a runtime started with {@code --open-loopback} (as {@code mvn fn:run} starts
 * it): a browser on the same machine is in without a key, as the loopback identity, and can still
 * sign out to sign in with a key. Skipped when chromium is not installed.
 */
class DashboardLoopbackIT {

    @RegisterExtension
    static final RuntimeExtension FIXTURE = new RuntimeExtension("--open-loopback");

    private final RuntimeFixture runtime = FIXTURE.runtime();

    @Test
    void aLoopbackBrowserIsInWithoutAKeyAndMaySignInWithOne() throws Exception {
        try (Browser browser = Browser.start()) {
            browser.open(runtime.uri("/ui/"));
            browser.awaitText(By.id("scope"), "invoke");
            assertThat(browser.driver().findElement(By.id("who")).getText()).contains("loopback");
            browser.await(By.id("functions"));
            assertThat(browser.script("return sessionStorage.length")).isEqualTo(0L);

            browser.driver().findElement(By.id("sign-out")).click();
            browser.await(By.id("api-key")).sendKeys(TestKeys.ADMIN);
            browser.driver()
                    .findElement(By.cssSelector("#sign-in button[type=submit]"))
                    .click();
            browser.awaitText(By.id("scope"), "admin");
        }
    }
}
