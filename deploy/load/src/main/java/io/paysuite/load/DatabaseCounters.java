package io.paysuite.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The suite's MariaDB server's own counters ({@code SHOW GLOBAL STATUS}): statements received
 * ({@code Questions}, which counts a prepared statement's executions, not its prepares), writes
 * ({@code Com_insert/update/delete}), explicit commits ({@code Com_commit}), the storage engine's commits
 * ({@code Handler_commit}, which also counts every autocommitted statement) and the server-side prepares
 * ({@code Com_stmt_prepare}: near zero per operation once the pools' statement caches are warm; a steady rate
 * means texts that miss the cache, each a round trip more). Two
 * snapshots give a step's cost per operation as the database saw it, whatever the services' pools did.
 */
public final class DatabaseCounters implements AutoCloseable {

    static final String[] NAMES = {"Questions", "Com_insert", "Com_update", "Com_delete", "Com_select", "Com_commit",
            "Handler_commit", "Com_stmt_prepare"};

    private final Connection connection;

    public DatabaseCounters(String url) throws SQLException {
        this.connection = DriverManager.getConnection(url);
    }

    public Map<String, Long> snapshot() throws SQLException {
        Map<String, Long> values = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN ('Questions','Com_insert',"
                     + "'Com_update','Com_delete','Com_select','Com_commit','Handler_commit','Com_stmt_prepare')")) {
            while (rows.next()) {
                values.put(rows.getString(1), Long.parseLong(rows.getString(2)));
            }
        }
        return values;
    }

    /** The difference of two snapshots, less this tool's own status query (one statement per snapshot). */
    static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new HashMap<>();
        for (String name : NAMES) {
            delta.put(name, after.getOrDefault(name, 0L) - before.getOrDefault(name, 0L));
        }
        delta.merge("Questions", -1L, Long::sum);
        return delta;
    }

    Connection connection() {
        return connection;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
