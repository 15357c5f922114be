package dev.fn4j.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccessRuleTest {

    private final AccessRule rule = new AccessRule(name -> name.equals("open"));

    @Test
    void healthAndMetricsAreOpen() {
        assertThat(rule.required("GET", "/healthz")).isNull();
        assertThat(rule.required("GET", "/metrics")).isNull();
    }

    @Test
    void callingFunctionsNeedsInvoke() {
        assertThat(rule.required("POST", "/v1/functions/hello/invocations")).isEqualTo(Scope.INVOKE);
        assertThat(rule.required("GET", "/v1/invocations/abc")).isEqualTo(Scope.INVOKE);
        assertThat(rule.required("GET", "/v1/invocations/abc/events")).isEqualTo(Scope.INVOKE);
        assertThat(rule.required("DELETE", "/fn/hello/x")).isEqualTo(Scope.INVOKE);
        assertThat(rule.required("GET", "/v1/functions/hello/invocations")).isEqualTo(Scope.INVOKE);
    }

    @Test
    void publicFunctionsTriggerNeedsNoKey() {
        assertThat(rule.required("GET", "/fn/open")).isNull();
        assertThat(rule.required("POST", "/fn/open/a/b")).isNull();
        assertThat(rule.required("POST", "/v1/functions/open/invocations")).isEqualTo(Scope.INVOKE);
    }

    @Test
    void everythingElseNeedsAdmin() {
        assertThat(rule.required("PUT", "/v1/functions/hello")).isEqualTo(Scope.ADMIN);
        assertThat(rule.required("GET", "/v1/functions")).isEqualTo(Scope.ADMIN);
        assertThat(rule.required("POST", "/v1/images")).isEqualTo(Scope.ADMIN);
        assertThat(rule.required("POST", "/v1/images/reusable-layers")).isEqualTo(Scope.ADMIN);
        assertThat(rule.required("POST", "/v1/keys")).isEqualTo(Scope.ADMIN);
        assertThat(rule.required("DELETE", "/v1/functions/hello/invocations"))
                .isEqualTo(Scope.ADMIN);
        assertThat(rule.required("POST", "/v1/functions/a/b/invocations")).isEqualTo(Scope.ADMIN);
        assertThat(rule.required("POST", "/v1/functions//invocations")).isEqualTo(Scope.ADMIN);
        assertThat(rule.required("GET", "/v1/keys")).isEqualTo(Scope.ADMIN);
        assertThat(rule.required("GET", "/fnx/hello")).isEqualTo(Scope.ADMIN);
    }

    @Test
    void adminCoversInvokeButNotTheOtherWay() {
        assertThat(Scope.ADMIN.covers(Scope.INVOKE)).isTrue();
        assertThat(Scope.INVOKE.covers(Scope.ADMIN)).isFalse();
    }
}
