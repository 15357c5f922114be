package dev.fn4j.maven.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fn4j.client.FunctionSpec;
import dev.fn4j.spec.Field;
import dev.fn4j.spec.RateLimit;
import dev.fn4j.spec.Settings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FunctionSettingsTest {

    private static FunctionOptions top(String timeout, String memory) {
        return options(null, null, timeout, memory, null, null, null);
    }

    private static FunctionOptions named(String name, String handler) {
        return new FunctionOptions(name, handler, null, Map.of());
    }

    private static FunctionOptions options(
            String name,
            String handler,
            String timeout,
            String memory,
            String cpus,
            String concurrency,
            Map<String, String> env) {
        return new FunctionOptions(name, handler, env, Map.of())
                .with(Field.TIMEOUT, timeout)
                .with(Field.MEMORY, memory)
                .with(Field.CPUS, cpus)
                .with(Field.CONCURRENCY, concurrency);
    }

    /** The settings a target sends, in their text forms; those not set are left to the runtime. */
    private static Map<String, String> sent(FunctionTarget target) {
        return target.settings().texts();
    }

    private static FunctionOptions scaling(String min, String max, String idle, String queue, String rate) {
        return scaling(null, min, max, idle, queue, rate);
    }

    private static FunctionOptions scaling(
            String name, String min, String max, String idle, String queue, String rate) {
        return named(name, null)
                .with(Field.MIN_INSTANCES, min)
                .with(Field.MAX_INSTANCES, max)
                .with(Field.IDLE_TIMEOUT, idle)
                .with(Field.MAX_QUEUE, queue)
                .with(Field.RATE_LIMIT, rate);
    }

    private static FunctionOptions withPublic(String name, String isPublic) {
        return named(name, null).with(Field.PUBLIC, isPublic);
    }

    private static String failure(FunctionOptions top, FunctionOptions... entries) {
        return catchThrowableOfType(
                        () -> FunctionSettings.resolve(top, List.of(entries), "hello"), FnFailureException.class)
                .getMessage();
    }

    @Test
    void oneFunctionNamedAfterTheArtifactWithTheRuntimesDefaults() throws Exception {
        List<FunctionTarget> targets = FunctionSettings.resolve(FunctionOptions.empty(), List.of(), "hello");

        assertThat(targets).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("hello");
            assertThat(t.handler()).isNull();
            assertThat(sent(t)).isEmpty();
            assertThat(t.env()).isEmpty();
            assertThat(t.spec("sha256:1", null)).isEqualTo(FunctionSpec.of("sha256:1"));
            assertThat(t.handlerSetting().toString()).isEqualTo("<handler> (-Dfn.handler)");
        });
    }

    @Test
    void takesEverySetting() throws Exception {
        FunctionOptions options =
                options("greeter", "com.example.Hello", "10s", "1g", "0.5", "8", Map.of("GREETING", "Hi"));

        FunctionTarget target =
                FunctionSettings.resolve(options, List.of(), "hello").get(0);

        assertThat(target)
                .isEqualTo(new FunctionTarget(
                        "greeter",
                        "com.example.Hello",
                        Setting.parameter("handler", "fn.handler"),
                        Map.of("GREETING", "Hi"),
                        Settings.parse(Map.of("timeout", "10s", "memory", "1g", "cpus", "0.5", "concurrency", "8"))));
        assertThat(sent(target))
                .containsExactly(
                        Map.entry("timeout", "10s"),
                        Map.entry("memory", "1g"),
                        Map.entry("cpus", "0.5"),
                        Map.entry("concurrency", "8"));
        assertThat(target.spec("sha256:1", "com.example.Hello"))
                .isEqualTo(FunctionSpec.of("sha256:1")
                        .withHandler("com.example.Hello")
                        .withEnv(Map.of("GREETING", "Hi"))
                        .with(Field.TIMEOUT, Duration.ofSeconds(10))
                        .with(Field.MEMORY, 1L << 30)
                        .with(Field.CPUS, 0.5)
                        .with(Field.CONCURRENCY, 8));
    }

    @Test
    void takesEveryScalingSetting() throws Exception {
        FunctionTarget target = FunctionSettings.resolve(
                        scaling("1", "4", "2m", "50", "10/s,burst=20"), List.of(), "hello")
                .get(0);

        assertThat(sent(target))
                .isEqualTo(Map.of(
                        "minInstances",
                        "1",
                        "maxInstances",
                        "4",
                        "idleTimeout",
                        "2m",
                        "maxQueue",
                        "50",
                        "rateLimit",
                        "10/s,burst=20"));
        assertThat(target.spec("sha256:1", null))
                .isEqualTo(FunctionSpec.of("sha256:1")
                        .with(Field.MIN_INSTANCES, 1)
                        .with(Field.MAX_INSTANCES, 4)
                        .with(Field.IDLE_TIMEOUT, Duration.ofMinutes(2))
                        .with(Field.MAX_QUEUE, 50)
                        .with(Field.RATE_LIMIT, new RateLimit(10, 20)));
        assertThat(sent(FunctionSettings.resolve(scaling("0", null, null, "0", "5/s"), List.of(), "hello")
                        .get(0)))
                .isEqualTo(Map.of("minInstances", "0", "maxQueue", "0", "rateLimit", "5/s"));
    }

    @Test
    void blankScalingSettingsAreNotSet() throws Exception {
        assertThat(sent(FunctionSettings.resolve(scaling(" ", "", "  ", "", " "), List.of(), "hello")
                        .get(0)))
                .isEmpty();
        assertThat(sent(FunctionSettings.resolve(scaling(" 2 ", null, null, null, " 3/s "), List.of(), "hello")
                        .get(0)))
                .isEqualTo(Map.of("minInstances", "2", "rateLimit", "3/s"));
    }

    @Test
    void instanceCounts() {
        assertThat(failure(scaling("some", null, null, null, null)))
                .isEqualTo("<minInstances> (-Dfn.minInstances) is 'some', not a whole number: use 0 to 100.");
        assertThat(failure(scaling("101", null, null, null, null)))
                .isEqualTo("<minInstances> (-Dfn.minInstances) is '101', out of range: use 0 to 100.");
        assertThat(failure(scaling("-1", null, null, null, null)))
                .isEqualTo("<minInstances> (-Dfn.minInstances) is '-1', out of range: use 0 to 100.");
        assertThat(failure(scaling(null, "2.5", null, null, null)))
                .isEqualTo("<maxInstances> (-Dfn.maxInstances) is '2.5', not a whole number: use 1 to 100.");
        assertThat(failure(scaling(null, "0", null, null, null)))
                .isEqualTo("<maxInstances> (-Dfn.maxInstances) is '0', out of range: use 1 to 100.");
        assertThat(failure(scaling(null, "101", null, null, null)))
                .isEqualTo("<maxInstances> (-Dfn.maxInstances) is '101', out of range: use 1 to 100.");
    }

    @Test
    void minInstancesAboveMaxInstances() throws Exception {
        assertThat(failure(scaling("5", "3", null, null, null)))
                .isEqualTo(
                        "<minInstances> (-Dfn.minInstances) is '5', more than <maxInstances>"
                                + " (-Dfn.maxInstances), which is 3: use 0 to 3, or raise <maxInstances> or -Dfn.maxInstances.");
        assertThat(FunctionSettings.resolve(scaling("3", "3", null, null, null), List.of(), "hello")
                        .get(0)
                        .settings()
                        .get(Field.MIN_INSTANCES))
                .isEqualTo(3);
        // Only one of them set: the runtime's default applies to the other; the plugin does not guess it.
        assertThat(FunctionSettings.resolve(scaling("50", null, null, null, null), List.of(), "hello")
                        .get(0)
                        .settings()
                        .get(Field.MIN_INSTANCES))
                .isEqualTo(50);
    }

    @Test
    void minInstancesAboveMaxInstancesOfAnEntryNamesWhereEachWasSet() throws Exception {
        FunctionOptions topMax = scaling(null, "3", null, null, null);
        assertThat(failure(topMax, scaling("greet", "5", null, null, null, null)))
                .isEqualTo(
                        "<minInstances> of <function> 'greet' is '5', more than <maxInstances>"
                                + " (-Dfn.maxInstances), which is 3: use 0 to 3, or raise <maxInstances> or -Dfn.maxInstances.");
        FunctionOptions topMin = scaling("5", null, null, null, null);
        assertThat(failure(topMin, scaling("greet", null, "3", null, null, null)))
                .isEqualTo("<minInstances> (-Dfn.minInstances) is '5', more than <maxInstances> of"
                        + " <function> 'greet', which is 3: use 0 to 3, or raise <maxInstances> in the"
                        + " <function> entry 'greet'.");
        assertThat(failure(FunctionOptions.empty(), scaling("greet", "5", "3", null, null, null)))
                .isEqualTo("<minInstances> of <function> 'greet' is '5', more than <maxInstances> of"
                        + " <function> 'greet', which is 3: use 0 to 3, or raise <maxInstances> in the"
                        + " <function> entry 'greet'.");
        // An entry may fix what it inherits.
        FunctionTarget fixed = FunctionSettings.resolve(
                        topMin, List.of(scaling("greet", null, "8", null, null, null)), "hello")
                .get(0);
        assertThat(sent(fixed)).isEqualTo(Map.of("minInstances", "5", "maxInstances", "8"));
    }

    @Test
    void anIdleTimeout() {
        assertThat(failure(scaling(null, null, "soon", null, null)))
                .isEqualTo(
                        "<idleTimeout> (-Dfn.idleTimeout) is 'soon', not a duration: use <n>ms, <n>s or <n>m, e.g. 10m.");
        assertThat(failure(scaling(null, null, "1h", null, null)))
                .isEqualTo(
                        "<idleTimeout> (-Dfn.idleTimeout) is '1h', not a duration: use <n>ms, <n>s or <n>m, e.g. 10m.");
        assertThat(failure(scaling(null, null, "1441m", null, null)))
                .isEqualTo("<idleTimeout> (-Dfn.idleTimeout) is '1441m', out of range: use 1ms to 1440m.");
        assertThat(failure(scaling(null, null, "0s", null, null)))
                .isEqualTo("<idleTimeout> (-Dfn.idleTimeout) is '0s', out of range: use 1ms to 1440m.");
    }

    @Test
    void aMaxQueue() {
        assertThat(failure(scaling(null, null, null, "lots", null)))
                .isEqualTo("<maxQueue> (-Dfn.maxQueue) is 'lots', not a whole number: use 0 to 10000.");
        assertThat(failure(scaling(null, null, null, "10001", null)))
                .isEqualTo("<maxQueue> (-Dfn.maxQueue) is '10001', out of range: use 0 to 10000.");
    }

    @Test
    void aRateLimit() {
        assertThat(failure(scaling(null, null, null, null, "fast")))
                .isEqualTo("<rateLimit> (-Dfn.rateLimit) is 'fast', not a rate limit:"
                        + " use <perSecond>/s or <perSecond>/s,burst=<n>, e.g. 10/s,burst=20.");
        assertThat(failure(scaling(null, null, null, null, "10")))
                .isEqualTo("<rateLimit> (-Dfn.rateLimit) is '10', not a rate limit:"
                        + " use <perSecond>/s or <perSecond>/s,burst=<n>, e.g. 10/s,burst=20.");
        assertThat(failure(scaling(null, null, null, null, "0/s")))
                .isEqualTo("<rateLimit> (-Dfn.rateLimit) is '0/s', out of range: use 1/s to 1000000/s.");
        assertThat(failure(scaling(null, null, null, null, "10/s,burst=0")))
                .isEqualTo(
                        "<rateLimit> (-Dfn.rateLimit) is '10/s,burst=0', out of range: use a burst of 1 to 1000000.");
        assertThat(failure(FunctionOptions.empty(), scaling("greet", null, null, null, null, "10 per second")))
                .isEqualTo("<rateLimit> of <function> 'greet' is '10 per second', not a rate limit:"
                        + " use <perSecond>/s or <perSecond>/s,burst=<n>, e.g. 10/s,burst=20.");
    }

    @Test
    void entriesInheritTheScalingSettingsTheyDoNotSet() throws Exception {
        FunctionOptions top = scaling("1", "4", "2m", "50", "10/s");
        FunctionOptions own = scaling("greet", null, "8", null, "0", "5/s,burst=9");

        List<FunctionTarget> targets = FunctionSettings.resolve(top, List.of(own, named("bye", null)), "hello");

        assertThat(targets)
                .extracting(FunctionSettingsTest::sent)
                .containsExactly(
                        Map.of(
                                "minInstances",
                                "1",
                                "maxInstances",
                                "8",
                                "idleTimeout",
                                "2m",
                                "maxQueue",
                                "0",
                                "rateLimit",
                                "5/s,burst=9"),
                        Map.of(
                                "minInstances",
                                "1",
                                "maxInstances",
                                "4",
                                "idleTimeout",
                                "2m",
                                "maxQueue",
                                "50",
                                "rateLimit",
                                "10/s"));
    }

    @Test
    void theTopLevelPublicFlagIsSentAsPublic() throws Exception {
        FunctionTarget open = FunctionSettings.resolve(withPublic(null, "true"), List.of(), "hello")
                .get(0);
        assertThat(sent(open)).isEqualTo(Map.of("public", "true"));
        assertThat(open.spec("sha256:1", null))
                .isEqualTo(FunctionSpec.of("sha256:1").with(Field.PUBLIC, true));

        assertThat(sent(FunctionSettings.resolve(withPublic(null, " FALSE "), List.of(), "hello")
                        .get(0)))
                .isEqualTo(Map.of("public", "false"));
        assertThat(sent(FunctionSettings.resolve(withPublic(null, " "), List.of(), "hello")
                        .get(0)))
                .isEmpty();
    }

    @Test
    void anEntrysPublicFlagOverridesTheTopLevelOne() throws Exception {
        List<FunctionOptions> entries =
                List.of(withPublic("inherits", null), withPublic("closed", "false"), withPublic("open", "true"));

        assertThat(FunctionSettings.resolve(withPublic(null, "true"), entries, "hello"))
                .extracting(t -> sent(t).get("public"))
                .containsExactly("true", "false", "true");
        assertThat(FunctionSettings.resolve(FunctionOptions.empty(), entries, "hello"))
                .extracting(t -> sent(t).get("public"))
                .containsExactly(null, "false", "true");
    }

    @Test
    void aPublicFlagThatIsNotABoolean() {
        assertThat(failure(withPublic(null, "yes")))
                .isEqualTo("<public> (-Dfn.public) is 'yes', not a boolean: use true or false.");
        assertThat(failure(FunctionOptions.empty(), withPublic("greet", "1")))
                .isEqualTo("<public> of <function> 'greet' is '1', not a boolean: use true or false.");
    }

    @Test
    void aDescriptionIsSentAsWrittenUpTo256Characters() throws Exception {
        FunctionTarget target = FunctionSettings.resolve(
                        FunctionOptions.empty().with(Field.DESCRIPTION, " Greets people "), List.of(), "hello")
                .get(0);
        assertThat(sent(target)).isEqualTo(Map.of("description", "Greets people"));
        assertThat(failure(FunctionOptions.empty().with(Field.DESCRIPTION, "x".repeat(257))))
                .isEqualTo("<description> (-Dfn.description) is '" + "x".repeat(257) + "', too long:"
                        + " use at most 256 characters.");
    }

    @Test
    void aTmpSizeIsSentFromOneMebibyteToOneGibibyte() throws Exception {
        FunctionTarget target = FunctionSettings.resolve(
                        FunctionOptions.empty().with(Field.TMP_SIZE, "128m"), List.of(), "hello")
                .get(0);
        assertThat(sent(target)).isEqualTo(Map.of("tmpSize", "128m"));
        assertThat(failure(FunctionOptions.empty().with(Field.TMP_SIZE, "2g")))
                .isEqualTo("<tmpSize> (-Dfn.tmpSize) is '2g', out of range: use 1m to 1g.");
    }

    @Test
    void aTimeoutNotInTheFormat() {
        assertThatThrownBy(() -> FunctionSettings.resolve(top("abc", null), List.of(), "hello"))
                .isInstanceOf(FnFailureException.class)
                .hasMessage("<timeout> (-Dfn.timeout) is 'abc', not a duration: use <n>ms, <n>s or <n>m, e.g. 30s.");
    }

    @Test
    void aTimeoutOutOfRange() {
        assertThatThrownBy(() -> FunctionSettings.resolve(top("20m", null), List.of(), "hello"))
                .hasMessage("<timeout> (-Dfn.timeout) is '20m', out of range: use 1ms to 15m.");
    }

    @Test
    void aMemoryNotInTheFormat() {
        assertThatThrownBy(() -> FunctionSettings.resolve(top(null, "lots"), List.of(), "hello"))
                .isInstanceOf(FnFailureException.class)
                .hasMessage("<memory> (-Dfn.memory) is 'lots', not a memory size: use <n>m or <n>g, e.g. 256m.");
    }

    @Test
    void aMemoryOutOfRange() {
        assertThatThrownBy(() -> FunctionSettings.resolve(top(null, "32m"), List.of(), "hello"))
                .hasMessage("<memory> (-Dfn.memory) is '32m', out of range: use 64m to 16g.");
    }

    @Test
    void cpusAndConcurrency() {
        FunctionOptions cpus = options(null, null, null, null, "many", null, null);
        assertThatThrownBy(() -> FunctionSettings.resolve(cpus, List.of(), "hello"))
                .hasMessage(
                        "<cpus> (-Dfn.cpus) is 'many', not a number: use a number of cores from 0.01 up, e.g. 0.5.");
        FunctionOptions tiny = options(null, null, null, null, "0", null, null);
        assertThatThrownBy(() -> FunctionSettings.resolve(tiny, List.of(), "hello"))
                .hasMessage("<cpus> (-Dfn.cpus) is '0', out of range: use a number of cores from 0.01 up, e.g. 0.5.");
        FunctionOptions concurrency = options(null, null, null, null, null, "1.5", null);
        assertThatThrownBy(() -> FunctionSettings.resolve(concurrency, List.of(), "hello"))
                .hasMessage("<concurrency> (-Dfn.concurrency) is '1.5', not a whole number: use 1 to 1000.");
        FunctionOptions many = options(null, null, null, null, null, "5000", null);
        assertThatThrownBy(() -> FunctionSettings.resolve(many, List.of(), "hello"))
                .hasMessage("<concurrency> (-Dfn.concurrency) is '5000', out of range: use 1 to 1000.");
    }

    @Test
    void envNames() {
        FunctionOptions bad = options(null, null, null, null, null, null, Map.of("MY-VAR", "x"));
        assertThatThrownBy(() -> FunctionSettings.resolve(bad, List.of(), "hello"))
                .hasMessage("<env> names the variable 'MY-VAR', not a valid variable name:"
                        + " use letters, digits and '_', not starting with a digit.");
        FunctionOptions reserved = options(null, null, null, null, null, null, Map.of("FN4J_X", "x"));
        assertThatThrownBy(() -> FunctionSettings.resolve(reserved, List.of(), "hello"))
                .hasMessage("<env> names the variable 'FN4J_X', which is reserved for the platform:"
                        + " rename it so it does not start with FN4J_.");
    }

    @Test
    void anEmptyEnvValueIsAnEmptyString() throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("EMPTY", null);
        FunctionOptions options = options(null, null, null, null, null, null, env);
        assertThat(FunctionSettings.resolve(options, List.of(), "hello").get(0).env())
                .isEqualTo(Map.of("EMPTY", ""));
    }

    @Test
    void anArtifactIdThatIsNoFunctionName() {
        assertThatThrownBy(() -> FunctionSettings.resolve(FunctionOptions.empty(), List.of(), "My_Service"))
                .isInstanceOf(FnFailureException.class)
                .hasMessage("The function name defaults to the artifactId 'My_Service', which is not a"
                        + " valid function name (1 to 63 lower-case letters, digits and '-', starting"
                        + " with a letter and not ending with '-'): set <name> or -Dfn.name, e.g."
                        + " -Dfn.name=my-service.");
    }

    @Test
    void aNameThatIsNoFunctionName() {
        assertThatThrownBy(() -> FunctionSettings.resolve(named("Hello", null), List.of(), "hello"))
                .hasMessage("<name> (-Dfn.name) is 'Hello', not a valid function name: use 1 to 63"
                        + " lower-case letters, digits and '-', starting with a letter and not ending"
                        + " with '-', e.g. hello.");
    }

    @Test
    void suggestsValidNames() {
        assertThat(dev.fn4j.spec.FunctionNames.suggest("My_Service")).isEqualTo("my-service");
        assertThat(dev.fn4j.spec.FunctionNames.suggest("1st.fn-")).isEqualTo("st-fn");
        assertThat(dev.fn4j.spec.FunctionNames.suggest("___")).isEqualTo("hello");
    }

    @Test
    void entriesInheritTheTopLevelSettings() throws Exception {
        FunctionOptions top = options(null, null, "10s", "512m", null, "2", Map.of("A", "1", "B", "2"));
        FunctionOptions greet = options("greet", "com.example.Greet", "5s", null, "0.5", null, Map.of("B", "own"));
        FunctionOptions bye = named("bye", "com.example.Bye");

        List<FunctionTarget> targets = FunctionSettings.resolve(top, List.of(greet, bye), "hello");

        assertThat(targets)
                .containsExactly(
                        new FunctionTarget(
                                "greet",
                                "com.example.Greet",
                                Setting.ofFunction("greet", "handler"),
                                Map.of("A", "1", "B", "own"),
                                Settings.parse(
                                        Map.of("timeout", "5s", "memory", "512m", "cpus", "0.5", "concurrency", "2"))),
                        new FunctionTarget(
                                "bye",
                                "com.example.Bye",
                                Setting.ofFunction("bye", "handler"),
                                Map.of("A", "1", "B", "2"),
                                Settings.parse(Map.of("timeout", "10s", "memory", "512m", "concurrency", "2"))));
        assertThat(targets)
                .extracting(FunctionSettingsTest::sent)
                .containsExactly(
                        Map.of("timeout", "5s", "memory", "512m", "cpus", "0.5", "concurrency", "2"),
                        Map.of("timeout", "10s", "memory", "512m", "concurrency", "2"));
    }

    @Test
    void anEntryWithoutHandlerInheritsTheTopLevelOne() throws Exception {
        FunctionOptions top = options(null, "com.example.Hello", null, null, null, null, null);
        FunctionTarget target =
                FunctionSettings.resolve(top, List.of(named("a", null)), "x").get(0);
        assertThat(target.handler()).isEqualTo("com.example.Hello");
        assertThat(target.handlerSetting()).isEqualTo(Setting.parameter("handler", "fn.handler"));

        FunctionTarget own = FunctionSettings.resolve(FunctionOptions.empty(), List.of(named("a", null)), "x")
                .get(0);
        assertThat(own.handlerSetting()).isEqualTo(Setting.ofFunction("a", "handler"));
    }

    @Test
    void anEntrysOwnBadValueNamesTheEntry() {
        FunctionOptions bad = options("greet", null, "soon", null, null, null, null);
        assertThatThrownBy(() -> FunctionSettings.resolve(FunctionOptions.empty(), List.of(bad), "x"))
                .hasMessage(
                        "<timeout> of <function> 'greet' is 'soon', not a duration: use <n>ms, <n>s or <n>m, e.g. 30s.");
        FunctionOptions badEnv = options("greet", null, null, null, null, null, Map.of("1X", ""));
        assertThatThrownBy(() -> FunctionSettings.resolve(FunctionOptions.empty(), List.of(badEnv), "x"))
                .hasMessage("<env> of <function> 'greet' names the variable '1X', not a valid variable name:"
                        + " use letters, digits and '_', not starting with a digit.");
    }

    @Test
    void entriesNeedValidUniqueNames() {
        assertThatThrownBy(() -> FunctionSettings.resolve(
                        FunctionOptions.empty(), List.of(named("a", null), named(null, null)), "x"))
                .hasMessage("<function> #2 in <functions> has no <name>: give it one, e.g. <name>greet</name>.");
        assertThatThrownBy(() -> FunctionSettings.resolve(FunctionOptions.empty(), List.of(named("Greet", null)), "x"))
                .hasMessage("<name> of <function> #1 in <functions> is 'Greet', not a valid function name:"
                        + " use 1 to 63 lower-case letters, digits and '-', starting with a letter and"
                        + " not ending with '-', e.g. greet.");
        assertThatThrownBy(() -> FunctionSettings.resolve(
                        FunctionOptions.empty(), List.of(named("a", null), named("a", null)), "x"))
                .hasMessage("<functions> has two entries named 'a': give each <function> its own <name>.");
    }

    @Test
    void theTopLevelNameSelectsOneEntry() throws Exception {
        List<FunctionOptions> entries = List.of(named("a", "A"), named("b", "B"));
        assertThat(FunctionSettings.resolve(named("b", null), entries, "x"))
                .extracting(FunctionTarget::name)
                .containsExactly("b");
        assertThat(FunctionSettings.resolve(FunctionOptions.empty(), entries, "x"))
                .extracting(FunctionTarget::name)
                .containsExactly("a", "b");
        assertThatThrownBy(() -> FunctionSettings.resolve(named("c", null), entries, "x"))
                .hasMessage("<name> (-Dfn.name) is 'c', not one of the functions in <functions>:"
                        + " use one of a, b, or leave it unset for all of them.");
    }

    @Test
    void theFunctionToInvoke() throws Exception {
        assertThat(FunctionSettings.invocationName(null, List.of(), "hello")).isEqualTo("hello");
        assertThat(FunctionSettings.invocationName("other", List.of(), "hello")).isEqualTo("other");
        assertThat(FunctionSettings.invocationName(null, List.of(named("a", null)), "hello"))
                .isEqualTo("a");
        assertThat(FunctionSettings.invocationName("z", List.of(named("a", null)), "hello"))
                .isEqualTo("z");
        assertThatThrownBy(() ->
                        FunctionSettings.invocationName(null, List.of(named("a", null), named("b", null)), "hello"))
                .hasMessage("<functions> configures 2 functions (a, b) and none is chosen:"
                        + " set -Dfn.name to the one to invoke.");
        assertThatThrownBy(() -> FunctionSettings.invocationName("Nope!", List.of(), "hello"))
                .hasMessageStartingWith("<name> (-Dfn.name) is 'Nope!', not a valid function name");
    }
}
