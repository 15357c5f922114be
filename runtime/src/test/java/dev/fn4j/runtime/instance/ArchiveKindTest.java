package dev.fn4j.runtime.instance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.protocol.ImageLayout;
import dev.fn4j.protocol.Protocol;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArchiveKindTest {

    @Test
    void java25AndLaterTrainAndMapAnAotCache() {
        assertThat(ArchiveKind.forJava(25)).isEqualTo(ArchiveKind.AOT_CACHE);
        assertThat(ArchiveKind.forJava(26)).isEqualTo(ArchiveKind.AOT_CACHE);
        assertThat(ArchiveKind.AOT_CACHE.train("/fn4j/cds/app.aot"))
                .containsExactly("-XX:AOTCacheOutput=/fn4j/cds/app.aot", "-Djava.class.path=" + ImageLayout.HOST_JAR);
        assertThat(ArchiveKind.AOT_CACHE.map("/fn4j/app.aot"))
                .containsExactly("-XX:AOTCache=/fn4j/app.aot", "-Djava.class.path=" + ImageLayout.HOST_JAR);
    }

    @Test
    void earlierOrUnknownJavaKeepsTheAppCdsArchive() {
        assertThat(ArchiveKind.forJava(17)).isEqualTo(ArchiveKind.APP_CDS);
        assertThat(ArchiveKind.forJava(24)).isEqualTo(ArchiveKind.APP_CDS);
        assertThat(ArchiveKind.forJava(0)).as("unknown").isEqualTo(ArchiveKind.APP_CDS);
        assertThat(ArchiveKind.APP_CDS.train("/fn4j/cds/app.jsa"))
                .containsExactly("-XX:ArchiveClassesAtExit=/fn4j/cds/app.jsa");
        assertThat(ArchiveKind.APP_CDS.map("/fn4j/app.jsa")).containsExactly("-XX:SharedArchiveFile=/fn4j/app.jsa");
    }

    @Test
    void eachKindHasItsOwnFileAndExtension() {
        assertThat(ArchiveKind.APP_CDS.file()).isEqualTo("app.jsa");
        assertThat(ArchiveKind.APP_CDS.extension()).isEqualTo(".jsa");
        assertThat(ArchiveKind.AOT_CACHE.file()).isEqualTo("app.aot");
        assertThat(ArchiveKind.AOT_CACHE.extension()).isEqualTo(".aot");
    }

    @Test
    void anAotCacheJvmsHostFindsTheFunctionsClassPathInItsEnvironment() {
        assertThat(ArchiveKind.env(ArchiveKind.AOT_CACHE.map("/fn4j/app.aot")))
                .isEqualTo(Map.of(Protocol.ENV_CLASS_PATH, ImageLayout.CLASSPATH));
        assertThat(ArchiveKind.env(ArchiveKind.AOT_CACHE.train("/fn4j/cds/app.aot")))
                .isEqualTo(Map.of(Protocol.ENV_CLASS_PATH, ImageLayout.CLASSPATH));
        assertThat(ArchiveKind.env(ArchiveKind.APP_CDS.map("/fn4j/app.jsa"))).isEmpty();
        assertThat(ArchiveKind.env(java.util.List.of())).isEmpty();
    }
}
