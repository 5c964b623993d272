package io.paysuite.deploy.infra;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Databases on servers someone else runs (production, Compose, Testcontainers): one JDBC URL per
 * database, so trade and pay can each be split over two servers. One account for all of them.
 */
public final class ExternalDatabases implements DatabaseServer {

    static final String KIND = "external";
    /** {@code jdbc:mysql://hosts/database?parameters}: the database part is what {@link #createDatabase} leaves out. */
    private static final Pattern URL = Pattern.compile("(jdbc:[a-z]+://[^/?]+)/?([^?]*)(\\?.*)?");

    private final Map<String, String> urls;
    private final String username;
    private final String password;

    /** @param urls JDBC URL per database name ({@code paysuite_trade_0} → {@code jdbc:mysql://db-a:3306/paysuite_trade_0?…}) */
    public ExternalDatabases(Map<String, String> urls, String username, String password) {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("no database URL given");
        }
        this.urls = Map.copyOf(urls);
        this.username = username;
        this.password = password == null ? "" : password;
    }

    /** The URL of {@code database}; {@code ""} names the server of the first database, without a database. */
    @Override
    public String jdbcUrl(String database) {
        if (database == null || database.isEmpty()) {
            return serverUrl(urls.values().stream().sorted().findFirst().orElseThrow());
        }
        String url = urls.get(database);
        if (url == null) {
            throw new IllegalArgumentException("no JDBC URL given for the database " + database + " (given: "
                    + urls.keySet() + ")");
        }
        return url;
    }

    public Map<String, String> urls() {
        return urls;
    }

    @Override
    public String username() {
        return username;
    }

    @Override
    public String password() {
        return password;
    }

    /** {@code CREATE DATABASE IF NOT EXISTS} on the server that holds it (the account may lack the right: then pre-create). */
    @Override
    public void createDatabase(String name) {
        JdbcDatabases.createDatabase(KIND, serverUrl(jdbcUrl(name)), username, password, name);
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** Nothing to stop: the servers are not ours. */
    @Override
    public void close() {
    }

    static String serverUrl(String url) {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a JDBC URL: " + url);
        }
        return m.group(1) + "/" + (m.group(3) == null ? "" : m.group(3));
    }
}
