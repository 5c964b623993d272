package io.paysuite.deploy.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Read from the options the servers start with; no server is started here. */
class PreparedStatementBudgetTest {

    /** The suite's connections during a load test (docs/operations.md "Scaling a service": ~189). */
    static final int CONNECTIONS = 190;
    /** The kit's default {@code paysuite.jdbc.prepared-statements.cache-size}, plus statements open at once. */
    static final int PER_CONNECTION = 256 + 8;

    @Test
    void theEmbeddedMariaDbStartsWithRoomForEveryConnectionsFullStatementCache() {
        assertThat(EmbeddedMariaDb.SERVER_OPTIONS).contains("--max-prepared-stmt-count=131072");
    }

    @Test
    void mySqlInAContainerStartsWithTheSameLimit() {
        assertThat(TestcontainersMySql.COMMAND).contains("--max-prepared-stmt-count=131072");
    }

    @Test
    void theLimitCoversTheWorstCaseTwiceOverAndIsAboveTheServersDefault() {
        assertThat(PreparedStatementBudget.MAX_PREPARED_STATEMENTS)
                .isGreaterThan(16_382)
                .isGreaterThanOrEqualTo(2 * CONNECTIONS * PER_CONNECTION);
    }
}
