package io.paysuite.kit.jdbc;

import com.zaxxer.hikari.HikariConfig;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The MySQL Connector/J (9.x) connection properties every pool of the suite runs with, whatever URL an
 * operator gives (compose, k8s, environment): they stop the driver's per-transaction round trips and
 * per-statement work without changing what a transaction means. Applied to a {@link HikariConfig}
 * before its pool starts, by {@link MySqlSessionAutoConfiguration} for Spring Boot's pools and by the
 * kit's sharded data source for its own; a value the operator set (in the URL's query or as a Hikari
 * data-source property) is kept — Connector/J would let the pool's properties override the URL, so
 * the URL is read here first.
 *
 * <h2>What each one does, and why it is safe</h2>
 * <ul>
 *   <li>{@code useLocalSessionState=true}: the driver answers {@code isReadOnly()}, auto-commit and
 *       isolation from what it set itself and what the protocol's status flags report, instead of
 *       {@code select @@session.transaction_read_only} (about two per transaction measured) and
 *       re-sending {@code set autocommit=…} / {@code USE db} when the session is already in that state.
 *       Safe because nothing in the suite changes session state with SQL text ({@code SET SESSION …},
 *       {@code SET autocommit}, {@code USE}); everything goes through the JDBC setters the driver tracks.</li>
 *   <li>{@code alwaysSendSetIsolation=false}: with local session state, a {@code setTransactionIsolation}
 *       to the level the session already has is not sent again (the ledger's READ COMMITTED pool).</li>
 *   <li>{@code cacheServerConfiguration=true}: the server's variables and collations are read once per
 *       URL, not on every new physical connection (pool growth, Hikari's max-lifetime renewals). They
 *       change only with a server restart or {@code SET GLOBAL}, which new connections see after the
 *       service restarts.</li>
 *   <li>{@code useServerPrepStmts=true}, {@code cachePrepStmts=true}, {@code prepStmtCacheSize=256},
 *       {@code prepStmtCacheSqlLimit=2048}: statements are prepared on the server once per connection and text,
 *       and executed by id afterwards, instead of being parsed on every execution; each connection keeps at most
 *       256 of them (the driver's LRU closes an evicted one on the server). Set by
 *       {@link PreparedStatementProperties} ({@code paysuite.jdbc.prepared-statements.*}), which says why and
 *       what it costs the server. An operator who turns the cache off ({@code cachePrepStmts=false} in the URL)
 *       does not get server-side statements added: without the cache each execution would cost a prepare and a
 *       close as well.</li>
 *   <li>{@code rewriteBatchedStatements=true}: {@code executeBatch()} of INSERTs becomes one multi-row
 *       statement instead of one round trip per row. No code batches today; a future batch of
 *       {@code INSERT … ON DUPLICATE KEY UPDATE} must not read per-row update counts (the driver
 *       reports {@code SUCCESS_NO_INFO} for rewritten batches). With server-side statements each batch size is
 *       a text of its own, prepared on the server like any other.</li>
 *   <li>{@code maintainTimeStats=false}: drops two clock reads per query that only feed the "last
 *       packet sent/received" text of a communications error.</li>
 * </ul>
 * Left out on purpose: {@code cacheResultSetMetadata} (cached column metadata keyed by SQL text can
 * be stale after an online {@code ALTER TABLE} during a rolling migration, and it saves only the
 * parse of column definitions the server sends anyway); {@code useLocalTransactionState} (every
 * transaction here runs a statement before it commits, so it would save nothing);
 * {@code autoCommit=false} on the pool (JdbcTemplate calls outside a transaction would lose writes).
 */
public final class MySqlSessionProperties {

    /**
     * What every MySQL pool gets unless its operator said otherwise, with the prepared-statement settings'
     * defaults; insertion order kept for logs.
     */
    public static final Map<String, String> DEFAULTS = defaults(PreparedStatementProperties.defaults());

    private MySqlSessionProperties() {
    }

    /** What every MySQL pool gets unless its operator said otherwise, with these prepared-statement settings. */
    public static Map<String, String> defaults(PreparedStatementProperties statements) {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("useLocalSessionState", "true");
        defaults.put("alwaysSendSetIsolation", "false");
        defaults.put("cacheServerConfiguration", "true");
        defaults.putAll(statements.connectorJ());
        defaults.put("rewriteBatchedStatements", "true");
        defaults.put("maintainTimeStats", "false");
        return Collections.unmodifiableMap(defaults);
    }

    /** True for a Connector/J URL ({@code jdbc:mysql:…}); other drivers do not know these names. */
    public static boolean appliesTo(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.regionMatches(true, 0, "jdbc:mysql:", 0, "jdbc:mysql:".length());
    }

    /** {@link #applyTo(HikariConfig, PreparedStatementProperties)} with the prepared-statement defaults. */
    public static Set<String> applyTo(HikariConfig config) {
        return applyTo(config, PreparedStatementProperties.defaults());
    }

    /**
     * Adds every default the pool's URL and data-source properties do not already name. Call before the
     * pool starts (Hikari seals its configuration then). Returns the names it added.
     */
    public static Set<String> applyTo(HikariConfig config, PreparedStatementProperties statements) {
        if (!appliesTo(config.getJdbcUrl())) {
            return Set.of();
        }
        Map<String, String> given = givenIn(config.getJdbcUrl());
        Properties properties = config.getDataSourceProperties();
        properties.stringPropertyNames().forEach(
                name -> given.put(name.toLowerCase(Locale.ROOT), properties.getProperty(name)));
        if ("false".equalsIgnoreCase(given.get(key(PreparedStatementProperties.CACHE_PREP_STMTS)))) {
            // the operator turned the cache off: server-side statements without it would add a prepare and a
            // close to every execution, so the driver's client-side default stays unless they ask for it
            given.putIfAbsent(key(PreparedStatementProperties.USE_SERVER_PREP_STMTS), "false");
        }
        Set<String> added = new TreeSet<>();
        defaults(statements).forEach((name, value) -> {
            if (!given.containsKey(key(name))) {
                config.addDataSourceProperty(name, value);
                added.add(name);
            }
        });
        return added;
    }

    /** The properties in a URL's query by lower-cased name (Connector/J reads its keys case-insensitively). */
    static Map<String, String> givenIn(String jdbcUrl) {
        Map<String, String> given = new TreeMap<>();
        int query = jdbcUrl.indexOf('?');
        if (query < 0) {
            return given;
        }
        for (String pair : jdbcUrl.substring(query + 1).split("&")) {
            int equals = pair.indexOf('=');
            String name = (equals < 0 ? pair : pair.substring(0, equals)).trim();
            if (!name.isEmpty()) {
                given.put(key(name), equals < 0 ? "" : pair.substring(equals + 1).trim());
            }
        }
        return given;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
