package dev.fn4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.runtime.log.LogFormat;
import dev.fn4j.runtime.store.DatabaseSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuntimeConfigTest {

    private static RuntimeConfig parse(Map<String, String> env, String... args) {
        return RuntimeConfig.parse(args, env);
    }

    @Test
    void keepsStateInAnH2FileUnderTheDataDirByDefault() {
        RuntimeConfig config = parse(Map.of(), "--data-dir", "/tmp/fn4j-conf");
        assertThat(config.database().kind()).isEqualTo(DatabaseSettings.Kind.H2);
        assertThat(config.database().url()).startsWith("jdbc:h2:file:/tmp/fn4j-conf/db/fn4j;");
        assertThat(config.invocationRetention()).isEqualTo(Duration.ofHours(24));
        assertThat(config.retentionCheckInterval()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void takesPostgresFromOptionsOrEnvironment() {
        RuntimeConfig fromArgs = parse(
                Map.of(),
                "--data-dir",
                "/tmp/x",
                "--database-url",
                "jdbc:postgresql://db:5432/fn4j",
                "--database-user",
                "fn4j",
                "--database-password",
                "s3cret");
        assertThat(fromArgs.database())
                .isEqualTo(new DatabaseSettings("jdbc:postgresql://db:5432/fn4j", "fn4j", "s3cret"));
        assertThat(fromArgs.toString()).doesNotContain("s3cret");

        RuntimeConfig fromEnv = parse(
                Map.of(
                        "FN4J_DATABASE_URL",
                        "jdbc:postgresql://db/fn4j",
                        "FN4J_DATABASE_USER",
                        "u",
                        "FN4J_DATABASE_PASSWORD",
                        "p"),
                "--data-dir",
                "/tmp/x");
        assertThat(fromEnv.database().kind()).isEqualTo(DatabaseSettings.Kind.POSTGRESQL);
        assertThat(fromEnv.database().user()).isEqualTo("u");
    }

    @Test
    void rejectsUnsupportedUrlsAndCredentialsWithoutAUrl() {
        assertThatThrownBy(() -> parse(Map.of(), "--database-url", "jdbc:mysql://db/fn4j?password=s3cret"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--database-url")
                .hasMessageContaining("jdbc:mysql://db/fn4j?password=***")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> parse(Map.of(), "--database-user", "fn4j"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("need --database-url");
    }

    @Test
    void aRuntimeLeaseIsFifteenSecondsUnlessSetAndMustBePositive() {
        assertThat(parse(Map.of()).runtimeLease()).isEqualTo(Duration.ofSeconds(15));
        assertThat(parse(Map.of("FN4J_RUNTIME_LEASE_SECONDS", "4")).runtimeLease())
                .isEqualTo(Duration.ofSeconds(4));
        assertThatThrownBy(() -> parse(Map.of(), "--runtime-lease-seconds", "0"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--runtime-lease-seconds must be positive: 0");
    }

    @Test
    void retentionTakesFractionsOfHoursAndChecksAtATenthOfIt() {
        RuntimeConfig tiny = parse(Map.of(), "--invocation-retention-hours", "0.001");
        assertThat(tiny.invocationRetention()).isEqualTo(Duration.ofMillis(3600));
        assertThat(tiny.retentionCheckInterval()).isEqualTo(Duration.ofSeconds(1));
        RuntimeConfig hour = parse(Map.of(), "--invocation-retention-hours", "1");
        assertThat(hour.retentionCheckInterval()).isEqualTo(Duration.ofMinutes(6));
    }

    @Test
    void rejectsRetentionThatIsNotAPositiveNumber() {
        for (String bad : new String[] {"0", "-1", "abc", "NaN", "1e9"}) {
            assertThatThrownBy(() -> parse(Map.of(), "--invocation-retention-hours", bad))
                    .as(bad)
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("--invocation-retention-hours");
        }
    }

    @Test
    void takesTheAdminKeyFromTheEnvironmentOnlyAndNeverShowsIt() {
        String key = "operator-chosen-admin-key-0123";
        RuntimeConfig config = parse(Map.of("FN4J_ADMIN_KEY", " " + key + "\n"));
        assertThat(config.adminKey()).isEqualTo(key);
        assertThat(config.toString()).doesNotContain(key);
        assertThat(parse(Map.of("FN4J_ADMIN_KEY", "  ")).adminKey()).isNull();
        assertThatThrownBy(() -> parse(Map.of(), "--admin-key", key))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("unknown option");
    }

    @Test
    void rejectsAShortOrUnprintableAdminKeyWithoutEchoingIt() {
        for (String bad :
                new String[] {"short-secret", "has a space in the middle of it", "tab\tin-the-middle-of-the-key"}) {
            assertThatThrownBy(() -> parse(Map.of("FN4J_ADMIN_KEY", bad)))
                    .as(bad)
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("FN4J_ADMIN_KEY must be 20 to 512 printable ASCII")
                    .hasMessageNotContaining(bad);
        }
    }

    @Test
    void logsTextUnlessToldJsonByOptionOrEnvironment() {
        assertThat(parse(Map.of()).logFormat()).isEqualTo(LogFormat.TEXT);
        assertThat(parse(Map.of(), "--log-format", "json").logFormat()).isEqualTo(LogFormat.JSON);
        assertThat(parse(Map.of("FN4J_LOG_FORMAT", "JSON")).logFormat()).isEqualTo(LogFormat.JSON);
        assertThat(parse(Map.of("FN4J_LOG_FORMAT", "json"), "--log-format=text").logFormat())
                .isEqualTo(LogFormat.TEXT);
    }

    @Test
    void rejectsAnUnknownLogFormatNamingTheChoices() {
        assertThatThrownBy(() -> parse(Map.of(), "--log-format", "xml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--log-format (or FN4J_LOG_FORMAT) must be text or json: 'xml'");
        assertThatThrownBy(() -> parse(Map.of("FN4J_LOG_FORMAT", "")))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("text or json: ''");
    }

    @Test
    void putsTheOperatorsContainerLabelBesideFn4jsOwn() {
        assertThat(parse(Map.of()).containerLabels()).isEmpty();
        assertThat(parse(Map.of(), "--container-label", "dev.fn4j.test=true").containerLabels())
                .containsExactly(Map.entry("dev.fn4j.test", "true"));
        assertThat(parse(Map.of("FN4J_CONTAINER_LABEL", "com.example.env=")).containerLabels())
                .containsExactly(Map.entry("com.example.env", ""));
    }

    @Test
    void rejectsAContainerLabelThatIsMalformedOrFn4jsOwn() {
        for (String bad : new String[] {"no-value", "=x", "a b=c", "k=tab\tin"}) {
            assertThatThrownBy(() -> parse(Map.of(), "--container-label", bad))
                    .as(bad)
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("--container-label must be <key>=<value>, the key of letters,"
                            + " digits, '.', '-' and '_', the value up to 256 printable characters,"
                            + " e.g. com.example.env=staging: '" + bad + "'");
        }
        assertThatThrownBy(() -> parse(Map.of(), "--container-label", "dev.fn4j.runtime=mine"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--container-label cannot set dev.fn4j.runtime, which fn4j sets itself;"
                        + " use a key of your own: 'dev.fn4j.runtime=mine'");
    }

    @Test
    void openLoopbackIsOffByDefaultAndAFlag() {
        assertThat(parse(Map.of()).openLoopback()).isFalse();
        assertThat(parse(Map.of(), "--open-loopback").openLoopback()).isTrue();
        assertThat(parse(Map.of(), "--open-loopback", "--port", "0").port()).isZero();
        assertThat(parse(Map.of(), "--open-loopback=false").openLoopback()).isFalse();
        assertThat(parse(Map.of("FN4J_OPEN_LOOPBACK", "TRUE")).openLoopback()).isTrue();
        assertThatThrownBy(() -> parse(Map.of(), "--open-loopback=yes"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--open-loopback (or FN4J_OPEN_LOOPBACK) must be true or false: 'yes'");
    }

    @Test
    void parentPidIsAProcessIdOrNone() {
        assertThat(parse(Map.of()).parentPid()).isZero();
        assertThat(parse(Map.of(), "--parent-pid", "4242").parentPid()).isEqualTo(4242);
        assertThatThrownBy(() -> parse(Map.of(), "--parent-pid", "-3"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--parent-pid must be a process id, or 0 for none: -3");
    }

    @Test
    void theEngineIsDockerUnlessToldKubernetesOrInProcess() {
        assertThat(parse(Map.of()).engine()).isEqualTo(RuntimeConfig.DOCKER_ENGINE);
        assertThat(parse(Map.of(), "--engine", "in-process").engine()).isEqualTo(RuntimeConfig.IN_PROCESS_ENGINE);
        assertThat(parse(Map.of(), "--engine", "kubernetes").engine()).isEqualTo("kubernetes");
        assertThatThrownBy(() -> parse(Map.of(), "--engine", "podman"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--engine must be docker (the default), kubernetes (with fn4j-runtime-kubernetes.jar on the"
                        + " class path) or in-process (no isolation, for mvn fn:run -Dfn.run.sandbox=none): 'podman'");
    }

    @Test
    void keepsIdleInstancesPausedForTenMinutesByDefaultOrAsLongAsToldOrNotAtAll() {
        assertThat(parse(Map.of(), "--data-dir", "/tmp/x").keepPaused()).isEqualTo(Duration.ofMinutes(10));
        assertThat(parse(Map.of(), "--data-dir", "/tmp/x", "--keep-paused", "30s")
                        .keepPaused())
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(parse(Map.of("FN4J_KEEP_PAUSED", "0"), "--data-dir", "/tmp/x")
                        .keepPaused())
                .isZero();
        assertThat(parse(Map.of(), "--data-dir", "/tmp/x", "--keep-paused", "0s")
                        .keepPaused())
                .isZero();
    }

    @Test
    void rejectsAKeepPausedThatIsNoDurationOrLongerThanADay() {
        assertThatThrownBy(() -> parse(Map.of(), "--keep-paused", "soon"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--keep-paused (or FN4J_KEEP_PAUSED) must be 0 (remove idle instances at once) or a"
                        + " duration up to 24h such as 500ms, 30s, 10m or 2h: 'soon'");
        assertThatThrownBy(() -> parse(Map.of(), "--keep-paused", "25h"))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("'25h'");
    }

    @Test
    void keepsOneStemByDefaultAsManyAsToldOrNone() {
        assertThat(parse(Map.of(), "--data-dir", "/tmp/x").stems()).isEqualTo(1);
        assertThat(parse(Map.of(), "--data-dir", "/tmp/x", "--stems", "4").stems())
                .isEqualTo(4);
        assertThat(parse(Map.of("FN4J_STEMS", "0"), "--data-dir", "/tmp/x").stems())
                .isZero();
    }

    @Test
    void rejectsANegativeNumberOfStemsOrMoreThanSixteen() {
        assertThatThrownBy(() -> parse(Map.of(), "--data-dir", "/tmp/x", "--stems", "17"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "--stems (or FN4J_STEMS) must be in [0, 16]; 0 starts every instance in a new container: 17");
        assertThatThrownBy(() -> parse(Map.of(), "--data-dir", "/tmp/x", "--stems", "-1"))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith(": -1");
    }

    @Test
    void hasNoControlPortUnlessToldAndNeverTheMainOne() {
        assertThat(parse(Map.of(), "--data-dir", "/tmp/x").controlPort()).isEqualTo(-1);
        assertThat(parse(Map.of(), "--control-port", "9091").controlPort()).isEqualTo(9091);
        assertThat(parse(Map.of("FN4J_CONTROL_PORT", "0")).controlPort()).isZero();
        assertThatThrownBy(() -> parse(Map.of(), "--port", "9090", "--control-port", "9090"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--control-port must differ from --port (9090): it is a second listener for the"
                        + " control plane; pick another port or leave it out");
        assertThatThrownBy(() -> parse(Map.of(), "--control-port", "70000"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--control-port must be in [0, 65535]: 70000");
    }
}
