package dev.fn4j.maven.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmallThingsTest {

    @Test
    void defaultImageNames() {
        assertThat(ImageNames.defaultName("hello", "0.1.0-SNAPSHOT")).isEqualTo("fn4j/hello:0.1.0-SNAPSHOT");
        assertThat(ImageNames.defaultName("My_Service", "1.0+build.5")).isEqualTo("fn4j/my_service:1.0_build.5");
        assertThat(ImageNames.defaultName("--", null)).isEqualTo("fn4j/function:latest");
        assertThat(ImageNames.defaultName("a", ".x")).isEqualTo("fn4j/a:_.x");
    }

    @Test
    void elapsed() {
        assertThat(Elapsed.format(Duration.ofMillis(850))).isEqualTo("850 ms");
        assertThat(Elapsed.format(Duration.ofMillis(2449))).isEqualTo("2.4 s");
        assertThat(Elapsed.format(Duration.ofSeconds(65))).isEqualTo("1 min 5 s");
    }

    @Test
    void settingsDescribeThemselves() {
        assertThat(Setting.parameter("timeout", "fn.timeout")).hasToString("<timeout> (-Dfn.timeout)");
        assertThat(Setting.parameter("timeout", "fn.timeout").howToSet()).isEqualTo("<timeout> or -Dfn.timeout");
        assertThat(Setting.pomOnly("env")).hasToString("<env>");
        assertThat(Setting.ofFunction("greet", "handler")).hasToString("<handler> of <function> 'greet'");
        assertThat(Setting.ofFunction("greet", "handler").howToSet())
                .isEqualTo("<handler> in the <function> entry 'greet'");
    }

    @Test
    void dataIsSentAsJsonOrText(@TempDir Path dir) throws Exception {
        InvocationInput json = InvocationInput.of("{\"name\":\"Ada\"}", null, null, dir);
        assertThat(new String(json.body(), StandardCharsets.UTF_8)).isEqualTo("{\"name\":\"Ada\"}");
        assertThat(json.contentType()).isEqualTo("application/json");
        assertThat(InvocationInput.of("Ada", null, null, dir).contentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(InvocationInput.of("Ada", null, "text/x-name", dir).contentType())
                .isEqualTo("text/x-name");
        assertThat(InvocationInput.of("", null, null, dir).contentType()).isEqualTo("text/plain; charset=utf-8");
    }

    @Test
    void aFileIsSentAsItsBytes(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("in.json"), new byte[] {'{', '}'});
        Files.write(dir.resolve("in.bin"), new byte[] {1, 2, 3});
        InvocationInput json = InvocationInput.of(null, "in.json", null, dir);
        assertThat(json.body()).containsExactly('{', '}');
        assertThat(json.contentType()).isEqualTo("application/json");
        InvocationInput bin = InvocationInput.of(null, "in.bin", null, dir);
        assertThat(bin.body()).containsExactly(1, 2, 3);
        assertThat(bin.contentType()).isEqualTo("application/octet-stream");
    }

    @Test
    void noInputIsAnEmptyBody(@TempDir Path dir) throws Exception {
        InvocationInput none = InvocationInput.of(null, null, null, dir);
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.contentType()).isNull();
    }

    @Test
    void dataAndFileTogetherFail(@TempDir Path dir) {
        assertThatThrownBy(() -> InvocationInput.of("{}", "in.json", null, dir))
                .isInstanceOf(FnFailureException.class)
                .hasMessage("<data> (-Dfn.data) and <file> (-Dfn.file) are both set ('{}' and 'in.json'):"
                        + " keep only one of them.");
    }

    @Test
    void aMissingFileFails(@TempDir Path dir) {
        assertThatThrownBy(() -> InvocationInput.of(null, "nope.json", null, dir))
                .hasMessage("<file> (-Dfn.file) is 'nope.json', but there is no such file ("
                        + dir.resolve("nope.json").toAbsolutePath() + "): give the path of the input file,"
                        + " relative to the project directory.");
    }

    @Test
    void aUrlThatIsNotHttp() {
        assertThatThrownBy(() -> RuntimeConnection.open("localhost:8080", ApiKey.none("fn4j")))
                .isInstanceOf(FnFailureException.class)
                .hasMessage("<url> (-Dfn.url) is 'localhost:8080', not an http(s) URL: use the runtime's"
                        + " address, e.g. http://localhost:8080.");
        assertThatThrownBy(() -> RuntimeConnection.open("http://bad host", ApiKey.none("fn4j")))
                .hasMessageStartingWith("<url> (-Dfn.url) is 'http://bad host', not an http(s) URL");
    }
}
