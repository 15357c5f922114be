package dev.fn4j.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeysTest {

    private final MemoryKeyStore store = new MemoryKeyStore();
    private final ApiKeys keys = new ApiKeys(store, Clock.systemUTC());

    @Test
    void createdKeyAuthenticatesAndOnlyItsHashIsStored() {
        ApiKeys.Created created = keys.create("ci", Scope.INVOKE);
        assertThat(created.plaintext()).matches("fn4j_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
        assertThat(keys.authenticate(created.plaintext())).contains(created.key());
        ApiKey stored = store.keys.get(created.key().id());
        assertThat(stored.secretHash()).hasSize(64).doesNotContain(
                KeyFormat.parse(created.plaintext()).secret());
    }

    @Test
    void wrongSecretUnknownIdAndGarbageAreRejected() {
        ApiKeys.Created created = keys.create("ci", Scope.INVOKE);
        String wrongSecret = created.plaintext().substring(0, created.plaintext().length() - 1)
                + (created.plaintext().endsWith("A") ? "B" : "A");
        assertThat(keys.authenticate(wrongSecret)).isEmpty();
        assertThat(keys.authenticate(KeyFormat.generate())).isEmpty();
        assertThat(keys.authenticate("'; DROP TABLE api_keys; --")).isEmpty();
        assertThat(keys.authenticate("x".repeat(10_000))).isEmpty();
        assertThat(keys.authenticate("")).isEmpty();
    }

    @Test
    void aCheckedKeyIsNotReadFromTheStoreAgain() {
        ApiKeys.Created created = keys.create("ci", Scope.ADMIN);
        keys.authenticate(created.plaintext());
        int reads = store.reads;
        for (int i = 0; i < 10; i++) {
            assertThat(keys.authenticate(created.plaintext())).isPresent();
        }
        assertThat(store.reads).isEqualTo(reads);
    }

    @Test
    void deletedKeyStopsWorkingAtOnce() {
        ApiKeys.Created created = keys.create("ci", Scope.INVOKE);
        keys.authenticate(created.plaintext());
        keys.delete(created.key().id());
        assertThat(keys.authenticate(created.plaintext())).isEmpty();
    }

    @Test
    void theLastAdminKeyCannotBeDeleted() {
        ApiKeys.Created first = keys.create("first", Scope.ADMIN);
        ApiKeys.Created second = keys.create("second", Scope.ADMIN);
        keys.delete(second.key().id());
        assertThatThrownBy(() -> keys.delete(first.key().id()))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.LAST_ADMIN_KEY))
                .hasMessage("API key '" + first.key().id() + "' is the only admin key; create"
                        + " another admin key (POST /v1/keys) before deleting it");
        assertThat(keys.authenticate(first.plaintext())).isPresent();
    }

    @Test
    void deletingAnUnknownKeyIsKeyNotFound() {
        assertThatThrownBy(() -> keys.delete("0123456789ab"))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.KEY_NOT_FOUND));
    }

    @Test
    void operatorChosenKeyIsAdoptedOnce() {
        String chosen = "my-very-long-operator-secret";
        ApiKey first = keys.adopt(chosen, "admin", Scope.ADMIN);
        ApiKey again = keys.adopt(chosen, "admin", Scope.ADMIN);
        assertThat(again).isEqualTo(first);
        assertThat(store.keys).hasSize(1);
        assertThat(keys.authenticate(chosen)).contains(first);
        assertThat(keys.authenticate(chosen + "x")).isEmpty();
    }

    @Test
    void firstStartGeneratesAnAdminKeyPrintsItOnceAndKeepsItPrivate(@TempDir Path dir)
            throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        AdminKeyBootstrap.ensure(keys, null, dir, new PrintStream(printed, true));
        Path file = dir.resolve(AdminKeyBootstrap.FILE);
        String key = Files.readString(file).strip();
        assertThat(Files.getPosixFilePermissions(file))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(printed.toString()).contains(key);
        assertThat(keys.authenticate(key).orElseThrow().scope()).isEqualTo(Scope.ADMIN);

        ByteArrayOutputStream second = new ByteArrayOutputStream();
        AdminKeyBootstrap.ensure(keys, null, dir, new PrintStream(second, true));
        assertThat(second.toString()).isEmpty();
        assertThat(store.keys).hasSize(1);
    }
}
