package io.paysuite.kit.jdbc;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;

/**
 * {@code paysuite.jdbc.prepared-statements.*}: how the kit's MySQL pools prepare statements (Connector/J's
 * {@code useServerPrepStmts}, {@code cachePrepStmts}, {@code prepStmtCacheSize}, {@code prepStmtCacheSqlLimit},
 * added by {@link MySqlSessionProperties} unless the pool's URL or data-source properties name them).
 *
 * <p>Server-side by default: with client-side statements the driver inlines the parameters and the server parses
 * every statement (13 % of MariaDB's CPU in {@code parse_sql} under load, docs/benchmarks.md "Session 17"); with
 * server-side ones each text is parsed once per connection and then executed by its id. The cost is the server's
 * memory for the prepared statements and its {@code max_prepared_stmt_count}, which counts them across all
 * connections: each connection holds at most {@code cacheSize} of them (the driver's LRU closes the one it evicts on
 * the server), plus the few its borrower has open. docs/operations.md "Prepared statements" has the budget.
 *
 * @param serverSide    prepare on the server and keep each connection's statements there; {@code false}: the
 *                      driver's client-side statements (inlined parameters, one parse per execution on the server),
 *                      with the same per-connection cache of their parse on the client
 * @param cacheSize     prepared statements a connection keeps, least recently used evicted (and closed on the
 *                      server). 256 holds the hot texts of the largest working set: a sharded service's ~40 logic
 *                      statements rewritten to 4 physical tables each, plus the ones that bypass ShardingSphere.
 *                      At least 2: Connector/J's server-side cache never evicts when it is 1 or less
 * @param cacheSqlLimit longest SQL text (characters) the cache keeps; a longer one (a multi-row insert of many
 *                      rows, a long IN list) is prepared, executed and closed each time. 2048: MyBatis' selects
 *                      name every column and exceed the driver's 256-character default
 */
@ConfigurationProperties(PreparedStatementProperties.PREFIX)
public record PreparedStatementProperties(
        @DefaultValue("true") boolean serverSide,
        @DefaultValue("256") int cacheSize,
        @DefaultValue("2048") int cacheSqlLimit) {

    static final String PREFIX = "paysuite.jdbc.prepared-statements";
    static final String USE_SERVER_PREP_STMTS = "useServerPrepStmts";
    static final String CACHE_PREP_STMTS = "cachePrepStmts";
    /** Connector/J's LRU cache of server-side statements evicts only when its size is above 1. */
    static final int MIN_CACHE_SIZE = 2;

    public PreparedStatementProperties {
        if (cacheSize < MIN_CACHE_SIZE) {
            throw new IllegalArgumentException("paysuite.jdbc.prepared-statements.cache-size must be at least "
                    + MIN_CACHE_SIZE + " (Connector/J never evicts from a smaller cache), was " + cacheSize);
        }
        if (cacheSqlLimit < 1) {
            throw new IllegalArgumentException(
                    "paysuite.jdbc.prepared-statements.cache-sql-limit must be positive, was " + cacheSqlLimit);
        }
    }

    /** What a service without {@code paysuite.jdbc.prepared-statements.*} runs with. */
    public static PreparedStatementProperties defaults() {
        return new PreparedStatementProperties(true, 256, 2048);
    }

    /**
     * Bound from {@code environment} by hand, for the kit's bean post-processors: they are made before
     * configuration-properties beans exist.
     */
    public static PreparedStatementProperties of(Environment environment) {
        return Binder.get(environment).bind(PREFIX, PreparedStatementProperties.class)
                .orElseGet(PreparedStatementProperties::defaults);
    }

    /** The Connector/J properties these settings stand for; insertion order kept for logs. */
    Map<String, String> connectorJ() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(USE_SERVER_PREP_STMTS, String.valueOf(serverSide));
        properties.put(CACHE_PREP_STMTS, "true");
        properties.put("prepStmtCacheSize", String.valueOf(cacheSize));
        properties.put("prepStmtCacheSqlLimit", String.valueOf(cacheSqlLimit));
        return properties;
    }
}
