package io.paysuite.kit.jdbc;

import com.zaxxer.hikari.HikariConfig;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
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
 *   <li>{@code cachePrepStmts=true}, {@code prepStmtCacheSize=500}, {@code prepStmtCacheSqlLimit=2048}:
 *       the parse of a client-side prepared statement is kept per connection. 500: ShardingSphere
 *       rewrites each logic statement once per physical table ({@code trade_order_0..3}), so a sharded
 *       service prepares a few hundred distinct texts; 2048: MyBatis' selects name every column and
 *       exceed the 256-character default. Client-side statements stay ({@code useServerPrepStmts} is
 *       left false): a server-side prepare costs a round trip per new text, and there are many.</li>
 *   <li>{@code rewriteBatchedStatements=true}: {@code executeBatch()} of INSERTs becomes one multi-row
 *       statement instead of one round trip per row. No code batches today; a future batch of
 *       {@code INSERT … ON DUPLICATE KEY UPDATE} must not read per-row update counts (the driver
 *       reports {@code SUCCESS_NO_INFO} for rewritten batches).</li>
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

    /** What every MySQL pool gets unless its operator said otherwise; insertion order kept for logs. */
    public static final Map<String, String> DEFAULTS = defaults();

    private MySqlSessionProperties() {
    }

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("useLocalSessionState", "true");
        defaults.put("alwaysSendSetIsolation", "false");
        defaults.put("cacheServerConfiguration", "true");
        defaults.put("cachePrepStmts", "true");
        defaults.put("prepStmtCacheSize", "500");
        defaults.put("prepStmtCacheSqlLimit", "2048");
        defaults.put("rewriteBatchedStatements", "true");
        defaults.put("maintainTimeStats", "false");
        return Collections.unmodifiableMap(defaults);
    }

    /** True for a Connector/J URL ({@code jdbc:mysql:…}); other drivers do not know these names. */
    public static boolean appliesTo(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.regionMatches(true, 0, "jdbc:mysql:", 0, "jdbc:mysql:".length());
    }

    /**
     * Adds every default the pool's URL and data-source properties do not already name. Call before the
     * pool starts (Hikari seals its configuration then). Returns the names it added.
     */
    public static Set<String> applyTo(HikariConfig config) {
        if (!appliesTo(config.getJdbcUrl())) {
            return Set.of();
        }
        Set<String> named = namedIn(config.getJdbcUrl());
        Properties given = config.getDataSourceProperties();
        given.stringPropertyNames().forEach(name -> named.add(name.toLowerCase(Locale.ROOT)));
        Set<String> added = new TreeSet<>();
        DEFAULTS.forEach((name, value) -> {
            if (!named.contains(name.toLowerCase(Locale.ROOT))) {
                config.addDataSourceProperty(name, value);
                added.add(name);
            }
        });
        return added;
    }

    /** The property names in a URL's query, lower-cased (Connector/J reads its keys case-insensitively). */
    static Set<String> namedIn(String jdbcUrl) {
        Set<String> names = new TreeSet<>();
        int query = jdbcUrl.indexOf('?');
        if (query < 0) {
            return names;
        }
        for (String pair : jdbcUrl.substring(query + 1).split("&")) {
            int equals = pair.indexOf('=');
            String name = (equals < 0 ? pair : pair.substring(0, equals)).trim();
            if (!name.isEmpty()) {
                names.add(name.toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }
}
