package dev.fn4j.runtime.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fn4j.runtime.it.fns.Crasher;
import dev.fn4j.runtime.it.fns.Greeter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The dashboard's data after real calls to real functions: who the caller is, every function's
 * calls, errors, cold starts, latency percentiles and instances, and one function's calls bucket
 * by bucket over the hour and the day, counted at once (before any flush) and with an invoke key.
 */
class StatsIT {

    @RegisterExtension
    static final RuntimeExtension FIXTURE = new RuntimeExtension();

    private final RuntimeFixture runtime = FIXTURE.runtime();
    private final String image = FIXTURE.image();

    @Test
    void theStatsCountEveryCallItsErrorTheColdStartAndTheLatency() {
        runtime.deploy("stats-crasher", image, Crasher.class.getName(), "\"description\":\"Crashes on demand\"");
        // The deploy's check instance serves the first calls warm; the crash discards it, so the
        // call after it starts a new instance: one cold start.
        for (int i = 0; i < 3; i++) {
            assertThat(runtime.invoke("stats-crasher", "hi").status()).isEqualTo(200);
        }
        assertThat(runtime.invoke("stats-crasher", "crash").status()).isEqualTo(502);
        Reply cold = runtime.invoke("stats-crasher", "hi");
        assertThat(cold.coldStart()).isTrue();
        for (int i = 0; i < 5; i++) {
            assertThat(runtime.invoke("stats-crasher", "hi").status()).isEqualTo(200);
        }
        String key = invokeKey();

        Reply all = runtime.sendAs(key, "GET", "/v1/stats/functions", null);
        assertThat(all.status()).as("%s", all).isEqualTo(200);
        assertThat(all.json().get("window").asText()).isEqualTo("1h");
        JsonNode row = rowOf(all.json(), "stats-crasher");
        assertThat(row.get("revision").asLong()).isEqualTo(1);
        assertThat(row.get("public").asBoolean()).isFalse();
        assertThat(row.get("description").asText()).isEqualTo("Crashes on demand");
        assertThat(row.get("calls").asLong()).isEqualTo(10);
        assertThat(row.get("errors").asLong()).isEqualTo(1);
        assertThat(row.get("coldStarts").asLong()).isEqualTo(1);
        assertThat(row.get("p50Ms").asDouble()).isPositive();
        assertThat(row.get("p99Ms").asDouble())
                .isGreaterThanOrEqualTo(row.get("p50Ms").asDouble());
        assertThat(row.get("instances").get("idle").asInt()).isEqualTo(1);
        assertThat(row.get("instances").get("busy").asInt()).isZero();
        assertThat(row.get("instances").get("starting").asInt()).isZero();
        assertThat(row.get("backlog").asLong()).isZero();
        assertThat(row.get("deadLetters").asLong()).isZero();

        Reply hour = runtime.sendAs(key, "GET", "/v1/functions/stats-crasher/stats", null);
        assertThat(hour.status()).as("%s", hour).isEqualTo(200);
        assertThat(hour.json().get("function").asText()).isEqualTo("stats-crasher");
        assertThat(hour.json().get("bucketSeconds").asInt()).isEqualTo(60);
        assertThat(hour.json().get("buckets")).hasSize(60);
        assertThat(sum(hour.json(), "calls")).isEqualTo(10);
        assertThat(sum(hour.json(), "errors")).isEqualTo(1);
        assertThat(sum(hour.json(), "coldStarts")).isEqualTo(1);
        JsonNode last = hour.json().get("buckets").get(59);
        assertThat(last.get("start").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:00\\.000Z");
        assertThat(hour.json().get("buckets").get(0).get("p50Ms").isNull()).isTrue();

        Reply day = runtime.sendAs(key, "GET", "/v1/functions/stats-crasher/stats?window=1d", null);
        assertThat(day.json().get("bucketSeconds").asInt()).isEqualTo(900);
        assertThat(day.json().get("buckets")).hasSize(96);
        assertThat(sum(day.json(), "calls")).isEqualTo(10);
    }

    @Test
    void aFunctionWithoutCallsHasZerosAndNoPercentiles() {
        runtime.deploy("stats-idle", image, Greeter.class.getName(), "");
        JsonNode row =
                rowOf(runtime.send("GET", "/v1/stats/functions?window=1d", null).json(), "stats-idle");
        assertThat(row.get("calls").asLong()).isZero();
        assertThat(row.get("p50Ms").isNull()).isTrue();
        assertThat(row.get("description").isNull()).isTrue();
    }

    @Test
    void whoamiNamesTheCallersKey() {
        Reply admin = runtime.send("GET", "/v1/whoami", null);
        assertThat(admin.status()).as("%s", admin).isEqualTo(200);
        assertThat(admin.json().get("scope").asText()).isEqualTo("admin");
        assertThat(admin.json().get("id").asText()).matches("[0-9a-f]{12}");

        Reply invoker = runtime.sendAs(invokeKey(), "GET", "/v1/whoami", null);
        assertThat(invoker.json().get("scope").asText()).isEqualTo("invoke");
        assertThat(invoker.json().get("name").asText()).isEqualTo("dashboard");

        assertThat(runtime.sendAs(null, "GET", "/v1/whoami", null).status()).isEqualTo(401);
    }

    @Test
    void aWindowOtherThanAnHourOrADayIsRefusedNamingIt() {
        Reply reply = runtime.send("GET", "/v1/stats/functions?window=2h", null);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("invalid_window");
        assertThat(reply.errorMessage()).contains("'2h'", "1h", "1d");

        assertThat(runtime.send("GET", "/v1/functions/nobody/stats", null).errorCode())
                .isEqualTo("function_not_found");
    }

    private String invokeKey() {
        Reply created = runtime.send("POST", "/v1/keys", "{\"name\":\"dashboard\",\"scope\":\"invoke\"}");
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json().get("key").asText();
    }

    private static JsonNode rowOf(JsonNode stats, String name) {
        List<String> names = new ArrayList<>();
        for (JsonNode row : stats.get("functions")) {
            names.add(row.get("name").asText());
            if (row.get("name").asText().equals(name)) {
                return row;
            }
        }
        throw new AssertionError(name + " is not among " + names);
    }

    private static long sum(JsonNode series, String field) {
        long sum = 0;
        for (JsonNode bucket : series.get("buckets")) {
            sum += bucket.get(field).asLong();
        }
        return sum;
    }
}
