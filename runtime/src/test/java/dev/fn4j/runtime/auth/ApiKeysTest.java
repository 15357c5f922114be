package dev.fn4j.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.testing.ManualClock;
import dev.fn4j.runtime.testing.ManualExecutor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeysTest {

    private final MemoryKeyStore store = new MemoryKeyStore();
    private final ManualClock clock = new ManualClock();
    private final ManualExecutor background = new ManualExecutor();
    private final ApiKeys keys = new ApiKeys(store, clock, background);

    private ApiKey valid(String plaintext) {
        KeyCheck check = keys.authenticate(plaintext);
        assertThat(check).isInstanceOf(KeyCheck.Valid.class);
        return ((KeyCheck.Valid) check).key();
    }

    @Test
    void createdKeyAuthenticatesAndOnlyItsHashIsStored() {
        ApiKeys.Created created = keys.create("ci", Scope.INVOKE, null);
        assertThat(created.plaintext()).matches("fn4j_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
        assertThat(keys.authenticate(created.plaintext())).isEqualTo(new KeyCheck.Valid(created.key()));
        ApiKey stored = store.keys.get(created.key().id());
        assertThat(stored.secretHash())
                .hasSize(64)
                .doesNotContain(KeyFormat.parse(created.plaintext()).secret());
    }

    @Test
    void aKeyRevokedThroughAnotherRuntimeIsRefusedOnceForgotten() {
        ApiKeys.Created created = keys.create("ci", Scope.INVOKE, null);
        valid(created.plaintext());
        ApiKeys elsewhere = new ApiKeys(store, clock, background);
        elsewhere.create("admin", Scope.ADMIN, null);
        elsewhere.delete(created.key().id());

        keys.forget(created.key().id());

        assertThat(keys.authenticate(created.plaintext())).isEqualTo(KeyCheck.INVALID);
    }

    @Test
    void forgettingEveryKeyMakesTheNextCheckReadTheStore() {
        ApiKeys.Created created = keys.create("ci", Scope.INVOKE, null);
        valid(created.plaintext());
        store.keys.remove(created.key().id());

        keys.forgetAll();

        assertThat(keys.authenticate(created.plaintext())).isEqualTo(KeyCheck.INVALID);
    }

    @Test
    void wrongSecretUnknownIdAndGarbageAreRejected() {
        ApiKeys.Created created = keys.create("ci", Scope.INVOKE, null);
        assertThat(keys.authenticate(withWrongSecret(created.plaintext()))).isEqualTo(KeyCheck.INVALID);
        assertThat(keys.authenticate(KeyFormat.generate())).isEqualTo(KeyCheck.INVALID);
        assertThat(keys.authenticate("'; DROP TABLE api_keys; --")).isEqualTo(KeyCheck.INVALID);
        assertThat(keys.authenticate("x".repeat(10_000))).isEqualTo(KeyCheck.INVALID);
        assertThat(keys.authenticate("")).isEqualTo(KeyCheck.INVALID);
    }

    @Test
    void aCheckedKeyIsNotReadFromTheStoreAgain() {
        ApiKeys.Created created = keys.create("ci", Scope.ADMIN, null);
        keys.authenticate(created.plaintext());
        int reads = store.reads;
        for (int i = 0; i < 10; i++) {
            valid(created.plaintext());
        }
        assertThat(store.reads).isEqualTo(reads);
    }

    @Test
    void deletedKeyStopsWorkingAtOnce() {
        ApiKeys.Created created = keys.create("ci", Scope.INVOKE, null);
        keys.authenticate(created.plaintext());
        keys.delete(created.key().id());
        assertThat(keys.authenticate(created.plaintext())).isEqualTo(KeyCheck.INVALID);
    }

    @Test
    void aKeyWorksUntilItsExpiryAndIsThenRefusedAsExpired() {
        Instant createdAt = clock.instant();
        ApiKeys.Created created = keys.create("ci", Scope.INVOKE, Duration.ofHours(1));
        assertThat(created.key().expiresAt()).isEqualTo(createdAt.plus(Duration.ofHours(1)));
        valid(created.plaintext());

        clock.advance(Duration.ofHours(1).minusMillis(1));
        valid(created.plaintext());
        clock.advance(Duration.ofMillis(1));
        assertThat(keys.authenticate(created.plaintext()))
                .isEqualTo(new KeyCheck.Expired(store.keys.get(created.key().id())));
        assertThat(keys.authenticate(withWrongSecret(created.plaintext())))
                .as("only the holder of the secret learns that the key expired")
                .isEqualTo(KeyCheck.INVALID);
        assertThat(keys.list())
                .extracting(ApiKey::id)
                .as("expired keys stay listed")
                .containsExactly(created.key().id());
    }

    @Test
    void keysWithoutALifetimeAndTheOperatorsKeyNeverExpire() {
        ApiKeys.Created forever = keys.create("ci", Scope.INVOKE, null);
        ApiKey adopted = keys.adopt("my-very-long-operator-secret", "admin", Scope.ADMIN);
        assertThat(forever.key().expiresAt()).isNull();
        assertThat(adopted.expiresAt()).isNull();

        clock.advance(Duration.ofDays(3650 * 2));
        valid(forever.plaintext());
        valid("my-very-long-operator-secret");
    }

    @Test
    void aLifetimeThatIsNotPositiveIsRefused() {
        assertThatThrownBy(() -> keys.create("ci", Scope.INVOKE, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an API key's lifetime must be positive, not PT0S");
        assertThat(store.keys).isEmpty();
    }

    @Test
    void theLastAdminKeyCannotBeDeleted() {
        ApiKeys.Created first = keys.create("first", Scope.ADMIN, null);
        ApiKeys.Created second = keys.create("second", Scope.ADMIN, null);
        keys.delete(second.key().id());
        assertThatThrownBy(() -> keys.delete(first.key().id()))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.LAST_ADMIN_KEY))
                .hasMessage("API key '" + first.key().id() + "' is the only admin key that has"
                        + " not expired; create another admin key (POST /v1/keys) before"
                        + " deleting it");
        valid(first.plaintext());
    }

    @Test
    void theLastAdminGuardCountsOnlyAdminKeysThatHaveNotExpired() {
        ApiKeys.Created lasting = keys.create("lasting", Scope.ADMIN, null);
        ApiKeys.Created brief = keys.create("brief", Scope.ADMIN, Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(5));

        assertThatThrownBy(() -> keys.delete(lasting.key().id()))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.LAST_ADMIN_KEY));
        keys.delete(brief.key().id());
        assertThat(store.keys).containsOnlyKeys(lasting.key().id());
    }

    @Test
    void anExpiredAdminKeyMayBeDeletedEvenWhenNoOtherAdminWorks() {
        ApiKeys.Created brief = keys.create("brief", Scope.ADMIN, Duration.ofMinutes(5));
        clock.advance(Duration.ofHours(1));
        keys.delete(brief.key().id());
        assertThat(store.keys).isEmpty();
    }

    @Test
    void deletingAnUnknownKeyIsKeyNotFound() {
        assertThatThrownBy(() -> keys.delete("0123456789ab"))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.KEY_NOT_FOUND));
    }

    @Test
    void aKeysUseIsWrittenInTheBackgroundAtMostOnceAMinute() {
        ApiKeys.Created created = keys.create("ci", Scope.INVOKE, null);
        String id = created.key().id();
        Instant first = clock.instant();
        valid(created.plaintext());
        assertThat(store.touches).as("not written on the request's thread").isEmpty();
        background.runAll();
        assertThat(store.touches).containsExactly(id + "@" + first);

        clock.advance(Duration.ofSeconds(59));
        valid(created.plaintext());
        valid(created.plaintext());
        assertThat(background.tasks).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        valid(created.plaintext());
        background.runAll();
        assertThat(store.touches).containsExactly(id + "@" + first, id + "@" + first.plusSeconds(60));
        assertThat(keys.find(id).orElseThrow().lastUsedAt()).isEqualTo(first.plusSeconds(60));
    }

    @Test
    void refusedKeysRecordNoUse() {
        ApiKeys.Created created = keys.create("ci", Scope.INVOKE, Duration.ofMinutes(1));
        keys.authenticate(withWrongSecret(created.plaintext()));
        clock.advance(Duration.ofMinutes(1));
        keys.authenticate(created.plaintext());
        background.runAll();
        assertThat(store.touches).isEmpty();
        assertThat(keys.find(created.key().id()).orElseThrow().lastUsedAt()).isNull();
    }

    @Test
    void aFailedUseWriteOrAStoppedExecutorNeverFailsTheRequest() {
        ApiKeys.Created created = keys.create("ci", Scope.INVOKE, null);
        store.failTouches = true;
        valid(created.plaintext());
        background.runAll();
        assertThat(store.touches).isEmpty();

        ApiKeys stopping = new ApiKeys(store, clock, task -> {
            throw new RejectedExecutionException("shut down");
        });
        assertThat(stopping.authenticate(created.plaintext())).isInstanceOf(KeyCheck.Valid.class);
    }

    @Test
    void operatorChosenKeyIsAdoptedOnce() {
        String chosen = "my-very-long-operator-secret";
        ApiKey first = keys.adopt(chosen, "admin", Scope.ADMIN);
        ApiKey again = keys.adopt(chosen, "admin", Scope.ADMIN);
        assertThat(again).isEqualTo(first);
        assertThat(store.keys).hasSize(1);
        assertThat(valid(chosen)).isEqualTo(first);
        assertThat(keys.authenticate(chosen + "x")).isEqualTo(KeyCheck.INVALID);
    }

    @Test
    void firstStartGeneratesAnAdminKeyPrintsItOnceAndKeepsItPrivate(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        AdminKeyBootstrap.ensure(keys, null, dir, new PrintStream(printed, true));
        Path file = dir.resolve(AdminKeyBootstrap.FILE);
        String key = Files.readString(file).strip();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(printed.toString()).contains(key);
        ApiKey generated = valid(key);
        assertThat(generated.scope()).isEqualTo(Scope.ADMIN);
        assertThat(generated.expiresAt()).isNull();

        ByteArrayOutputStream second = new ByteArrayOutputStream();
        AdminKeyBootstrap.ensure(keys, null, dir, new PrintStream(second, true));
        assertThat(second.toString()).isEmpty();
        assertThat(store.keys).hasSize(1);
    }

    private static String withWrongSecret(String plaintext) {
        return plaintext.substring(0, plaintext.length() - 1) + (plaintext.endsWith("A") ? "B" : "A");
    }
}
