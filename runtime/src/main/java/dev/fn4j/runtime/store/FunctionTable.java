package dev.fn4j.runtime.store;

import dev.fn4j.runtime.cluster.Notice;
import dev.fn4j.runtime.function.Function;
import dev.fn4j.runtime.function.FunctionSpec;
import dev.fn4j.runtime.function.FunctionSpecJson;
import dev.fn4j.runtime.function.FunctionStore;
import dev.fn4j.runtime.function.Revision;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deployed functions and their revisions in the database, tables {@code functions} and
 * {@code function_revisions}.
 */
public final class FunctionTable implements FunctionStore {

    private static final Logger LOG = LoggerFactory.getLogger(FunctionTable.class);

    private final Database database;

    public FunctionTable(Database database) {
        this.database = database;
    }

    /**
     * Records a new revision and makes it the function's current one, in one transaction. The
     * caller numbers revisions; a revision number already stored fails.
     */
    @Override
    public void save(Function function) {
        database.write("saving revision " + function.revision() + " of '" + function.name() + "'", connection -> {
            int updated;
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE functions SET revision = ?, updated_at = ? WHERE name = ?")) {
                update.setLong(1, function.revision());
                Database.setInstant(update, 2, function.updatedAt());
                update.setString(3, function.name());
                updated = update.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO functions (name, revision, created_at, updated_at)" + " VALUES (?, ?, ?, ?)")) {
                    insert.setString(1, function.name());
                    insert.setLong(2, function.revision());
                    Database.setInstant(insert, 3, function.createdAt());
                    Database.setInstant(insert, 4, function.updatedAt());
                    insert.executeUpdate();
                }
            }
            FunctionSpec spec = function.spec();
            try (PreparedStatement insert =
                    connection.prepareStatement("INSERT INTO function_revisions (function_name, revision, image,"
                            + " handler, spec, deployed_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, function.name());
                insert.setLong(2, function.revision());
                insert.setString(3, spec.image());
                insert.setString(4, spec.handler());
                insert.setString(5, FunctionSpecJson.write(spec));
                Database.setInstant(insert, 6, function.updatedAt());
                insert.executeUpdate();
            }
            ChangeNotices.send(database, connection, Notice.function(function.name()));
            return null;
        });
    }

    /** Deletes the function and its revisions; returns whether it existed. */
    @Override
    public boolean delete(String name) {
        return database.write("deleting '" + name + "'", connection -> {
            try (PreparedStatement revisions =
                            connection.prepareStatement("DELETE FROM function_revisions WHERE function_name = ?");
                    PreparedStatement function = connection.prepareStatement("DELETE FROM functions WHERE name = ?")) {
                revisions.setString(1, name);
                revisions.executeUpdate();
                function.setString(1, name);
                boolean existed = function.executeUpdate() > 0;
                if (existed) {
                    ChangeNotices.send(database, connection, Notice.function(name));
                }
                return existed;
            }
        });
    }

    /**
     * Every function at its current revision, by name. A revision whose stored spec cannot be
     * read is logged and left out rather than keeping the runtime from starting.
     */
    @Override
    public List<Function> loadAll() {
        return database.read("loading functions", connection -> {
            List<Function> functions = new ArrayList<>();
            try (PreparedStatement query =
                            connection.prepareStatement("SELECT f.name, f.revision, f.created_at, r.spec, r.deployed_at"
                                    + " FROM functions f JOIN function_revisions r"
                                    + " ON r.function_name = f.name AND r.revision = f.revision"
                                    + " ORDER BY f.name");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String name = rows.getString("name");
                    long revision = rows.getLong("revision");
                    try {
                        functions.add(new Function(
                                name,
                                revision,
                                FunctionSpecJson.read(rows.getString("spec")),
                                Database.getInstant(rows, "created_at"),
                                Database.getInstant(rows, "deployed_at")));
                    } catch (RuntimeException e) {
                        LOG.error(
                                "cannot load revision {} of function '{}'; it is not deployed:" + " {}",
                                revision,
                                name,
                                e.getMessage());
                    }
                }
            }
            return functions;
        });
    }

    /** The function's newest revisions first, at most {@code limit}. */
    @Override
    public List<Revision> revisions(String name, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        return database.read("reading the revisions of '" + name + "'", connection -> {
            List<Revision> revisions = new ArrayList<>();
            try (PreparedStatement query =
                    connection.prepareStatement("SELECT revision, image, handler, deployed_at FROM function_revisions"
                            + " WHERE function_name = ? ORDER BY revision DESC")) {
                query.setString(1, name);
                query.setMaxRows(limit);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        revisions.add(new Revision(
                                rows.getLong("revision"),
                                rows.getString("image"),
                                rows.getString("handler"),
                                Database.getInstant(rows, "deployed_at")));
                    }
                }
            }
            return revisions;
        });
    }
}
