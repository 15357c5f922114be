package dev.fn4j.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.testing.ManualClock;
import dev.fn4j.runtime.testing.ManualExecutor;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuthenticationTest {

    private final ManualClock clock = new ManualClock();
    private final ApiKeys keys = new ApiKeys(new MemoryKeyStore(), clock, new ManualExecutor());
    private final Authentication authentication = new Authentication(keys);

    @Test
    void noKeyIsRefusedWith401AndABearerChallengeNamingTheScope() {
        for (String header : new String[] {null, "", "Basic dXNlcjpwdw==", "Bearer  "}) {
            var refused = (Authentication.Refused) authentication.check(header, Scope.INVOKE);
            assertThat(refused.error().code()).isEqualTo(ErrorCode.UNAUTHORIZED);
            assertThat(refused.error().getMessage())
                    .startsWith("this endpoint needs an API key with scope invoke: send it as");
            assertThat(refused.challenge()).isEqualTo("Bearer realm=\"fn4j\"");
        }
    }

    @Test
    void anUnknownOrExpiredKeyIsAnInvalidToken() {
        var unknown = (Authentication.Refused) authentication.check("Bearer " + KeyFormat.generate(), Scope.INVOKE);
        assertThat(unknown.error().getMessage())
                .isEqualTo("the API key is not valid: it is unknown, revoked or mistyped");
        assertThat(unknown.challenge()).isEqualTo("Bearer realm=\"fn4j\", error=\"invalid_token\"");

        ApiKeys.Created brief = keys.create("brief", Scope.ADMIN, Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(2));
        var expired = (Authentication.Refused) authentication.check("bearer " + brief.plaintext(), Scope.INVOKE);
        assertThat(expired.error().code()).isEqualTo(ErrorCode.UNAUTHORIZED);
        assertThat(expired.error().getMessage())
                .startsWith("API key '" + brief.key().id() + "' expired at ");
        assertThat(expired.challenge()).contains("invalid_token");
    }

    @Test
    void aNarrowKeyIsForbiddenAndAWideOneAllowed() {
        ApiKeys.Created invoke = keys.create("ci", Scope.INVOKE, null);
        var forbidden = (Authentication.Refused) authentication.check("Bearer " + invoke.plaintext(), Scope.ADMIN);
        assertThat(forbidden.error().code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(forbidden.error().getMessage())
                .isEqualTo("API key '" + invoke.key().id() + "' has scope invoke, and this endpoint needs admin");
        assertThat(forbidden.challenge()).isNull();

        assertThat(authentication.check("Bearer " + invoke.plaintext(), Scope.INVOKE))
                .isEqualTo(new Authentication.Allowed(invoke.key()));
        ApiKeys.Created admin = keys.create("ops", Scope.ADMIN, null);
        assertThat(authentication.check("Bearer " + admin.plaintext(), Scope.INVOKE))
                .isEqualTo(new Authentication.Allowed(admin.key()));
    }

    @Test
    void fromMemoryAKeyIsCheckedOnlyOnceAFullCheckCachedIt() {
        ApiKeys.Created admin = keys.create("ops", Scope.ADMIN, null);
        String header = "Bearer " + admin.plaintext();
        assertThat(authentication.checkFromMemory(header, Scope.ADMIN)).isNull();
        assertThat(authentication.checkFromMemory("Bearer " + KeyFormat.generate(), Scope.ADMIN))
                .isNull();

        assertThat(authentication.check(header, Scope.ADMIN)).isEqualTo(new Authentication.Allowed(admin.key()));
        assertThat(authentication.checkFromMemory(header, Scope.ADMIN))
                .isEqualTo(new Authentication.Allowed(admin.key()));
        String wrong = header.substring(0, header.length() - 1) + (header.endsWith("x") ? "y" : "x");
        var wrongSecret = (Authentication.Refused) authentication.checkFromMemory(wrong, Scope.ADMIN);
        assertThat(wrongSecret.error().getMessage())
                .isEqualTo("the API key is not valid: it is unknown, revoked or mistyped");
    }

    @Test
    void fromMemoryAMissingKeyIsRefusedWithoutTheStore() {
        var refused = (Authentication.Refused) authentication.checkFromMemory(null, Scope.ADMIN);
        assertThat(refused.error().code()).isEqualTo(ErrorCode.UNAUTHORIZED);
        assertThat(refused.challenge()).isEqualTo("Bearer realm=\"fn4j\"");
    }

    @Test
    void aRevokedKeyIsNoLongerCheckedFromMemory() {
        ApiKeys.Created invoke = keys.create("ci", Scope.INVOKE, null);
        String header = "Bearer " + invoke.plaintext();
        authentication.check(header, Scope.INVOKE);
        keys.delete(invoke.key().id());
        assertThat(authentication.checkFromMemory(header, Scope.INVOKE)).isNull();
    }

    @Test
    void adminCoversInvokeButNotTheOtherWay() {
        assertThat(Scope.ADMIN.covers(Scope.INVOKE)).isTrue();
        assertThat(Scope.INVOKE.covers(Scope.ADMIN)).isFalse();
    }
}
