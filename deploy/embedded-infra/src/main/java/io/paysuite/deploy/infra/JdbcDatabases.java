package io.paysuite.deploy.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/** What both database servers share: the URL shape and CREATE DATABASE over JDBC. */
final class JdbcDatabases {

    static final String URL_PARAMETERS = "useSSL=false&allowPublicKeyRetrieval=true&useUnicode=true"
            + "&characterEncoding=utf8&connectTimeout=5000";
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");

    private JdbcDatabases() {
    }

    static String url(String host, int port, String database) {
        return "jdbc:mysql://" + host + ":" + port + "/" + (database == null ? "" : database) + "?"
                + URL_PARAMETERS;
    }

    static void createDatabase(DatabaseServer server, String name) {
        createDatabase(server.kind(), server.jdbcUrl(""), server.username(), server.password(), name);
    }

    /** {@code serverUrl}: a URL naming no database, so that the connection works before the database exists. */
    static void createDatabase(String kind, String serverUrl, String username, String password, String name) {
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database name must match " + SAFE_NAME + ": " + name);
        }
        try (Connection connection = DriverManager.getConnection(serverUrl, username, password);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS `" + name
                    + "` DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException(kind + ": could not create database " + name, e);
        }
    }
}
