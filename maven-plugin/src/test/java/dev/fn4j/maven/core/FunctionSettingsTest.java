package dev.fn4j.maven.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FunctionSettingsTest {

    private static FunctionOptions top(String timeout, String memory) {
        return new FunctionOptions(null, null, timeout, memory, null, null, null);
    }

    private static FunctionOptions named(String name, String handler) {
        return new FunctionOptions(name, handler, null, null, null, null, null);
    }

    @Test
    void oneFunctionNamedAfterTheArtifactWithTheRuntimesDefaults() throws Exception {
        List<FunctionTarget> targets = FunctionSettings.resolve(FunctionOptions.empty(), List.of(), "hello");

        assertThat(targets).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("hello");
            assertThat(t.handler()).isNull();
            assertThat(t.timeout()).isNull();
            assertThat(t.memory()).isNull();
            assertThat(t.cpus()).isNull();
            assertThat(t.concurrency()).isNull();
            assertThat(t.env()).isEmpty();
            assertThat(t.handlerSetting().toString()).isEqualTo("<handler> (-Dfn.handler)");
        });
    }

    @Test
    void takesEverySetting() throws Exception {
        FunctionOptions options = new FunctionOptions("greeter", "com.example.Hello", "10s", "1g",
                "0.5", "8", Map.of("GREETING", "Hi"));

        FunctionTarget target = FunctionSettings.resolve(options, List.of(), "hello").get(0);

        assertThat(target).isEqualTo(new FunctionTarget("greeter", "com.example.Hello",
                Setting.parameter("handler", "fn.handler"), "10s", "1g", 0.5, 8, Map.of("GREETING", "Hi")));
        assertThat(target.spec("sha256:1", "com.example.Hello")).isEqualTo(new dev.fn4j.client.FunctionSpec(
                "sha256:1", "com.example.Hello", "10s", "1g", 0.5, 8, Map.of("GREETING", "Hi")));
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
        FunctionOptions cpus = new FunctionOptions(null, null, null, null, "many", null, null);
        assertThatThrownBy(() -> FunctionSettings.resolve(cpus, List.of(), "hello"))
                .hasMessage("<cpus> (-Dfn.cpus) is 'many', not a number: use a number of cores from 0.01 up, e.g. 0.5.");
        FunctionOptions tiny = new FunctionOptions(null, null, null, null, "0", null, null);
        assertThatThrownBy(() -> FunctionSettings.resolve(tiny, List.of(), "hello"))
                .hasMessage("<cpus> (-Dfn.cpus) is '0', out of range: use a number of cores from 0.01 up, e.g. 0.5.");
        FunctionOptions concurrency = new FunctionOptions(null, null, null, null, null, "1.5", null);
        assertThatThrownBy(() -> FunctionSettings.resolve(concurrency, List.of(), "hello"))
                .hasMessage("<concurrency> (-Dfn.concurrency) is '1.5', not a whole number: use 1 to 1000.");
        FunctionOptions many = new FunctionOptions(null, null, null, null, null, "5000", null);
        assertThatThrownBy(() -> FunctionSettings.resolve(many, List.of(), "hello"))
                .hasMessage("<concurrency> (-Dfn.concurrency) is '5000', out of range: use 1 to 1000.");
    }

    @Test
    void envNames() {
        FunctionOptions bad = new FunctionOptions(null, null, null, null, null, null, Map.of("MY-VAR", "x"));
        assertThatThrownBy(() -> FunctionSettings.resolve(bad, List.of(), "hello"))
                .hasMessage("<env> names the variable 'MY-VAR', not a valid variable name:"
                        + " use letters, digits and '_', not starting with a digit.");
        FunctionOptions reserved = new FunctionOptions(null, null, null, null, null, null, Map.of("FN4J_X", "x"));
        assertThatThrownBy(() -> FunctionSettings.resolve(reserved, List.of(), "hello"))
                .hasMessage("<env> names the variable 'FN4J_X', which is reserved for the platform:"
                        + " rename it so it does not start with FN4J_.");
    }

    @Test
    void anEmptyEnvValueIsAnEmptyString() throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("EMPTY", null);
        FunctionOptions options = new FunctionOptions(null, null, null, null, null, null, env);
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
        assertThat(FunctionSettings.suggestName("My_Service")).isEqualTo("my-service");
        assertThat(FunctionSettings.suggestName("1st.fn-")).isEqualTo("st-fn");
        assertThat(FunctionSettings.suggestName("___")).isEqualTo("hello");
    }

    @Test
    void entriesInheritTheTopLevelSettings() throws Exception {
        FunctionOptions top = new FunctionOptions(null, null, "10s", "512m", null, "2", Map.of("A", "1", "B", "2"));
        FunctionOptions greet = new FunctionOptions("greet", "com.example.Greet", "5s", null, "0.5", null,
                Map.of("B", "own"));
        FunctionOptions bye = named("bye", "com.example.Bye");

        List<FunctionTarget> targets = FunctionSettings.resolve(top, List.of(greet, bye), "hello");

        assertThat(targets).containsExactly(
                new FunctionTarget("greet", "com.example.Greet", Setting.ofFunction("greet", "handler"),
                        "5s", "512m", 0.5, 2, Map.of("A", "1", "B", "own")),
                new FunctionTarget("bye", "com.example.Bye", Setting.ofFunction("bye", "handler"),
                        "10s", "512m", null, 2, Map.of("A", "1", "B", "2")));
    }

    @Test
    void anEntryWithoutHandlerInheritsTheTopLevelOne() throws Exception {
        FunctionOptions top = new FunctionOptions(null, "com.example.Hello", null, null, null, null, null);
        FunctionTarget target = FunctionSettings.resolve(top, List.of(named("a", null)), "x").get(0);
        assertThat(target.handler()).isEqualTo("com.example.Hello");
        assertThat(target.handlerSetting()).isEqualTo(Setting.parameter("handler", "fn.handler"));

        FunctionTarget own = FunctionSettings.resolve(FunctionOptions.empty(), List.of(named("a", null)), "x").get(0);
        assertThat(own.handlerSetting()).isEqualTo(Setting.ofFunction("a", "handler"));
    }

    @Test
    void anEntrysOwnBadValueNamesTheEntry() {
        FunctionOptions bad = new FunctionOptions("greet", null, "soon", null, null, null, null);
        assertThatThrownBy(() -> FunctionSettings.resolve(FunctionOptions.empty(), List.of(bad), "x"))
                .hasMessage("<timeout> of <function> 'greet' is 'soon', not a duration: use <n>ms, <n>s or <n>m, e.g. 30s.");
        FunctionOptions badEnv = new FunctionOptions("greet", null, null, null, null, null, Map.of("1X", ""));
        assertThatThrownBy(() -> FunctionSettings.resolve(FunctionOptions.empty(), List.of(badEnv), "x"))
                .hasMessage("<env> of <function> 'greet' names the variable '1X', not a valid variable name:"
                        + " use letters, digits and '_', not starting with a digit.");
    }

    @Test
    void entriesNeedValidUniqueNames() {
        assertThatThrownBy(() -> FunctionSettings.resolve(FunctionOptions.empty(),
                List.of(named("a", null), named(null, null)), "x"))
                .hasMessage("<function> #2 in <functions> has no <name>: give it one, e.g. <name>greet</name>.");
        assertThatThrownBy(() -> FunctionSettings.resolve(FunctionOptions.empty(),
                List.of(named("Greet", null)), "x"))
                .hasMessage("<name> of <function> #1 in <functions> is 'Greet', not a valid function name:"
                        + " use 1 to 63 lower-case letters, digits and '-', starting with a letter and"
                        + " not ending with '-', e.g. greet.");
        assertThatThrownBy(() -> FunctionSettings.resolve(FunctionOptions.empty(),
                List.of(named("a", null), named("a", null)), "x"))
                .hasMessage("<functions> has two entries named 'a': give each <function> its own <name>.");
    }

    @Test
    void theTopLevelNameSelectsOneEntry() throws Exception {
        List<FunctionOptions> entries = List.of(named("a", "A"), named("b", "B"));
        assertThat(FunctionSettings.resolve(named("b", null), entries, "x"))
                .extracting(FunctionTarget::name).containsExactly("b");
        assertThat(FunctionSettings.resolve(FunctionOptions.empty(), entries, "x"))
                .extracting(FunctionTarget::name).containsExactly("a", "b");
        assertThatThrownBy(() -> FunctionSettings.resolve(named("c", null), entries, "x"))
                .hasMessage("<name> (-Dfn.name) is 'c', not one of the functions in <functions>:"
                        + " use one of a, b, or leave it unset for all of them.");
    }

    @Test
    void theFunctionToInvoke() throws Exception {
        assertThat(FunctionSettings.invocationName(null, List.of(), "hello")).isEqualTo("hello");
        assertThat(FunctionSettings.invocationName("other", List.of(), "hello")).isEqualTo("other");
        assertThat(FunctionSettings.invocationName(null, List.of(named("a", null)), "hello")).isEqualTo("a");
        assertThat(FunctionSettings.invocationName("z", List.of(named("a", null)), "hello")).isEqualTo("z");
        assertThatThrownBy(() -> FunctionSettings.invocationName(null,
                List.of(named("a", null), named("b", null)), "hello"))
                .hasMessage("<functions> configures 2 functions (a, b) and none is chosen:"
                        + " set -Dfn.name to the one to invoke.");
        assertThatThrownBy(() -> FunctionSettings.invocationName("Nope!", List.of(), "hello"))
                .hasMessageStartingWith("<name> (-Dfn.name) is 'Nope!', not a valid function name");
    }
}
