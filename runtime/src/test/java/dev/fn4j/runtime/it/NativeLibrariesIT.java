package dev.fn4j.runtime.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.runtime.it.fns.SnappyRoundTrip;
import dev.fn4j.runtime.it.fns.SqliteNotes;
import dev.fn4j.runtime.it.fns.ZstdRoundTrip;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Functions using libraries that unpack native code into java.io.tmpdir and load it, as they
 * are on Maven Central, run unchanged in a locked-down instance: /tmp must be writable by the
 * function's user and not noexec, and the base image must have the C libraries they link.
 */
class NativeLibrariesIT {

    /** Why these calls fail on an image from an older scripts/base-image.sh. */
    private static final String BASE_IMAGE_HINT = "%s; a base image without libpthread.so.0 cannot load"
            + " sqlite-jdbc or zstd-jni: rebuild it with scripts/base-image.sh";

    private static RuntimeFixture runtime;
    private static String image;

    @BeforeAll
    static void start() throws Exception {
        runtime = RuntimeFixture.start();
        image = runtime.uploadImage(TestImages.nativeLibraries());
    }

    @AfterAll
    static void stop() throws Exception {
        runtime.close();
    }

    @Test
    void sqliteJdbcOpensADatabaseInTmpAndRunsSql() {
        deploy("sqlite", SqliteNotes.class.getName());

        Reply first = runtime.invoke("sqlite", "first note");
        assertThat(first.status()).as(BASE_IMAGE_HINT, first).isEqualTo(200);
        assertThat(first.body()).matches("sqlite 3\\.\\d+\\.\\d+: 1 notes");
        Reply second = runtime.invoke("sqlite", "second note");
        assertThat(second.body())
                .as("the database file lives as long as the instance")
                .endsWith(": 2 notes");
    }

    @Test
    void zstdJniCompressesAndDecompresses() {
        deploy("zstd", ZstdRoundTrip.class.getName());

        Reply reply = runtime.invoke("zstd", "hello zstd ");

        assertThat(reply.status()).as(BASE_IMAGE_HINT, reply).isEqualTo(200);
        assertThat(reply.body()).startsWith("zstd 1100 -> ");
    }

    @Test
    void snappyJavaCompressesAndDecompresses() {
        deploy("snappy", SnappyRoundTrip.class.getName());

        Reply reply = runtime.invoke("snappy", "hello snappy ");

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.body()).startsWith("snappy 1300 -> ");
    }

    private static void deploy(String name, String handler) {
        Reply deployed = runtime.deploy(name, image, handler, "\"memory\":\"128m\"");
        assertThat(deployed.status()).as("deploy: %s", deployed).isEqualTo(201);
    }
}
