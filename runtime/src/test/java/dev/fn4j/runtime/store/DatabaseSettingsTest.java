package dev.fn4j.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    @Test
    void theDefaultIsAnH2FileInPostgresModeThatWritesEveryCommit() {
        DatabaseSettings h2 = DatabaseSettings.h2File(Path.of("/var/fn4j/db/fn4j"));
        assertThat(h2.kind()).isEqualTo(DatabaseSettings.Kind.H2);
        assertThat(h2.url())
                .startsWith("jdbc:h2:file:/var/fn4j/db/fn4j;")
                .contains(";MODE=PostgreSQL", ";WRITE_DELAY=0", ";DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void recognisesPostgres() {
        assertThat(new DatabaseSettings("jdbc:postgresql://db:5432/fn4j", "u", "p").kind())
                .isEqualTo(DatabaseSettings.Kind.POSTGRESQL);
        assertThat(DatabaseSettings.supported("JDBC:PostgreSQL://db/fn4j")).isTrue();
        assertThat(DatabaseSettings.supported("jdbc:mysql://db/fn4j")).isFalse();
    }

    @Test
    void passwordsNeverShow() {
        DatabaseSettings settings =
                new DatabaseSettings("jdbc:postgresql://db/fn4j?user=fn4j&password=s3cret&ssl=true", "fn4j", "hunter2");
        assertThat(settings.redactedUrl()).isEqualTo("jdbc:postgresql://db/fn4j?user=fn4j&password=***&ssl=true");
        assertThat(settings.toString()).doesNotContain("s3cret", "hunter2");
    }

    @Test
    void rejectsOtherDatabasesWithoutShowingTheirPassword() {
        assertThatThrownBy(() -> new DatabaseSettings("jdbc:mysql://db/x?password=s3cret", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:mysql://db/x?password=***")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void refusesAPathThatWouldBreakTheUrl() {
        assertThatThrownBy(() -> DatabaseSettings.h2File(Path.of("/tmp/a;b/fn4j")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("';'");
    }
}
