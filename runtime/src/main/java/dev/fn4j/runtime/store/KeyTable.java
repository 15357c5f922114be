package dev.fn4j.runtime.store;

import dev.fn4j.runtime.auth.ApiKey;
import dev.fn4j.runtime.auth.KeyStore;
import dev.fn4j.runtime.auth.Scope;
import dev.fn4j.runtime.cluster.Notice;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The API keys in the runtime's database, table {@code api_keys}. */
public final class KeyTable implements KeyStore {

    private static final String COLUMNS = "id, name, scope, secret_hash, created_at, expires_at, last_used_at";

    private final Database database;

    public KeyTable(Database database) {
        this.database = database;
    }

    @Override
    public void insert(ApiKey key) {
        database.write("store API key " + key.id(), connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO api_keys (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, key.id());
                insert.setString(2, key.name());
                insert.setString(3, key.scope().wireName());
                insert.setString(4, key.secretHash());
                Database.setInstant(insert, 5, key.createdAt());
                Database.setInstant(insert, 6, key.expiresAt());
                Database.setInstant(insert, 7, key.lastUsedAt());
                int inserted = insert.executeUpdate();
                ChangeNotices.send(database, connection, Notice.key(key.id()));
                return inserted;
            }
        });
    }

    @Override
    public Optional<ApiKey> find(String id) {
        return database.read("read API key " + id, connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT " + COLUMNS + " FROM api_keys WHERE id = ?")) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(key(row)) : Optional.<ApiKey>empty();
                }
            }
        });
    }

    @Override
    public List<ApiKey> list() {
        return database.read("list API keys", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                            "SELECT " + COLUMNS + " FROM api_keys ORDER BY created_at, id");
                    ResultSet row = select.executeQuery()) {
                List<ApiKey> keys = new ArrayList<>();
                while (row.next()) {
                    keys.add(key(row));
                }
                return keys;
            }
        });
    }

    @Override
    public boolean delete(String id) {
        return database.write("delete API key " + id, connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM api_keys WHERE id = ?")) {
                delete.setString(1, id);
                boolean existed = delete.executeUpdate() > 0;
                if (existed) {
                    ChangeNotices.send(database, connection, Notice.key(id));
                }
                return existed;
            }
        });
    }

    @Override
    public int count(Scope scope) {
        return database.read("count " + scope.wireName() + " keys", connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT COUNT(*) FROM api_keys WHERE scope = ?")) {
                select.setString(1, scope.wireName());
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getInt(1);
                }
            }
        });
    }

    @Override
    public int countUsable(Scope scope, Instant at) {
        return database.read("count usable " + scope.wireName() + " keys", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT COUNT(*) FROM api_keys WHERE scope = ?" + " AND (expires_at IS NULL OR expires_at > ?)")) {
                select.setString(1, scope.wireName());
                Database.setInstant(select, 2, at);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getInt(1);
                }
            }
        });
    }

    @Override
    public void touch(String id, Instant usedAt) {
        database.write("record the use of API key " + id, connection -> {
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE api_keys SET last_used_at = ? WHERE id = ?"
                            + " AND (last_used_at IS NULL OR last_used_at < ?)")) {
                Database.setInstant(update, 1, usedAt);
                update.setString(2, id);
                Database.setInstant(update, 3, usedAt);
                return update.executeUpdate();
            }
        });
    }

    private static ApiKey key(ResultSet row) throws SQLException {
        return new ApiKey(
                row.getString("id"),
                row.getString("name"),
                Scope.parse(row.getString("scope")),
                row.getString("secret_hash"),
                Database.getInstant(row, "created_at"),
                Database.getInstant(row, "expires_at"),
                Database.getInstant(row, "last_used_at"));
    }
}
