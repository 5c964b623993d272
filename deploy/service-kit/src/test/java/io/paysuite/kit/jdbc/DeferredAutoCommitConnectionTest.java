package io.paysuite.kit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class DeferredAutoCommitConnectionTest {

    final DriverSession session = new DriverSession();
    final DeferredAutoCommitConnection connection = new DeferredAutoCommitConnection(session.connection);

    @Test
    void aTransactionAfterAFinishedOneSendsNoSetAutocommit() throws SQLException {
        transaction("INSERT INTO trade_order_0 …");
        transaction("UPDATE pay_order_1 …");
        transaction("UPDATE trade_order_0 …");

        assertThat(session.log).containsExactly(
                "SET autocommit=0",
                "INSERT INTO trade_order_0 … [in transaction]", "COMMIT",
                "UPDATE pay_order_1 … [in transaction]", "COMMIT",
                "UPDATE trade_order_0 … [in transaction]", "COMMIT");
    }

    @Test
    void aPlainStatementAfterATransactionSendsTheRestoreFirstAndRunsInAutoCommit() throws SQLException {
        transaction("INSERT INTO trade_order_0 …");

        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE shedlock …");
        }

        assertThat(session.log).containsExactly(
                "SET autocommit=0", "INSERT INTO trade_order_0 … [in transaction]", "COMMIT",
                "SET autocommit=1", "UPDATE shedlock … [autocommit]");
    }

    @Test
    void aStatementPreparedInTheTransactionAndExecutedAfterItRunsInAutoCommit() throws SQLException {
        connection.setAutoCommit(false);
        PreparedStatement kept = connection.prepareStatement("UPDATE notify_task …");
        kept.executeUpdate();
        connection.commit();
        connection.setAutoCommit(true);

        kept.executeUpdate();

        assertThat(session.log).containsExactly(
                "SET autocommit=0", "UPDATE notify_task … [in transaction]", "COMMIT",
                "SET autocommit=1", "UPDATE notify_task … [autocommit]");
        assertThat(kept.getConnection()).as("the statement's connection is the wrapper").isSameAs(connection);
    }

    @Test
    void metadataQueriesRunInAutoCommit() throws SQLException {
        transaction("INSERT INTO trade_order_0 …");

        DatabaseMetaData metaData = connection.getMetaData();
        metaData.getTables(null, null, "trade_order_0", null);

        assertThat(session.log).endsWith("SET autocommit=1", "SELECT … FROM information_schema.TABLES [autocommit]");
        assertThat(metaData.getConnection()).isSameAs(connection);
    }

    @Test
    void getAutoCommitAnswersTheLogicalState() throws SQLException {
        transaction("INSERT INTO trade_order_0 …");

        assertThat(connection.getAutoCommit()).isTrue();
        assertThat(session.autoCommit).as("the session still has it off").isFalse();
        assertThat(connection.restorePending()).isTrue();

        connection.setAutoCommit(false);
        assertThat(connection.getAutoCommit()).isFalse();
        assertThat(connection.restorePending()).isFalse();
    }

    @Test
    void switchingAutoCommitOnWithUncommittedWorkSendsItAtOnceBecauseThatCommitsTheWork() throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO ledger_entry …");
        }

        connection.setAutoCommit(true);

        assertThat(session.log).endsWith("SET autocommit=1");
        assertThat(session.autoCommit).isTrue();
        assertThat(connection.restorePending()).isFalse();
    }

    @Test
    void aTransactionThatRanNothingEndsWithoutASet() throws SQLException {
        connection.setAutoCommit(false);
        connection.setAutoCommit(true);
        connection.setAutoCommit(false);

        assertThat(session.log).containsExactly("SET autocommit=0");
    }

    @Test
    void commitAndRollbackWithARestorePendingAnswerAsTheDriverDoesInAutoCommit() throws SQLException {
        DriverSession plain = new DriverSession(); // the driver itself, auto-commit on
        SQLException driverCommit = catchSql(() -> plain.connection.commit());
        SQLException driverRollback = catchSql(() -> plain.connection.rollback());
        transaction("INSERT INTO trade_order_0 …");

        SQLException commit = catchSql(connection::commit);
        SQLException rollback = catchSql(connection::rollback);

        assertThat((Throwable) commit).hasMessage(driverCommit.getMessage()).hasMessage("Can't call commit when autocommit=true");
        assertThat((Throwable) rollback).hasMessage(driverRollback.getMessage());
        assertThat(rollback.getSQLState()).isEqualTo(driverRollback.getSQLState()).isEqualTo("08003");
        assertThat(session.autoCommit).as("the session is in the state the caller was told").isTrue();
    }

    @Test
    void isolationAndReadOnlyResetsAfterATransactionDoNotForceTheRestore() throws SQLException {
        // Spring's cleanup: setAutoCommit(true), then the previous isolation and read-write
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        transaction("INSERT INTO ledger_entry …");
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(false);

        assertThat(connection.restorePending()).isTrue();
        assertThat(session.log).doesNotContain("SET autocommit=1");
    }

    @Test
    void unwrapReachesTheDriversConnectionAndItsStatements() throws SQLException {
        assertThat(connection.isWrapperFor(DriverSession.DriverConnection.class)).isTrue();
        assertThat(connection.unwrap(DriverSession.DriverConnection.class)).isSameAs(session.connection);
        assertThat(connection.unwrap(Connection.class)).isSameAs(connection);
        assertThat(connection.unwrap(DeferredAutoCommitConnection.class)).isSameAs(connection);
        assertThat(connection.isWrapperFor(String.class)).isFalse();

        PreparedStatement statement = connection.prepareStatement("SELECT 1");
        assertThat(statement.unwrap(PreparedStatement.class)).isSameAs(statement);
    }

    @Test
    void autoCommitChangedOnTheUnwrappedDriverIsNotCancelledAway() throws SQLException {
        transaction("INSERT INTO trade_order_0 …");
        connection.unwrap(DriverSession.DriverConnection.class).setAutoCommit(true); // behind the wrapper's back

        connection.setAutoCommit(false);

        assertThat(session.autoCommit).as("the next transaction really runs without auto-commit").isFalse();
    }

    @Test
    void closeAndValidityPassThrough() throws SQLException {
        transaction("INSERT INTO trade_order_0 …");

        assertThat(connection.isValid(1)).isTrue();
        connection.close();

        assertThat(session.closed).isTrue();
        assertThat(session.log).doesNotContain("SET autocommit=1");
    }

    private void transaction(String sql) throws SQLException {
        // what DataSourceTransactionManager does with a pooled connection
        if (connection.getAutoCommit()) {
            connection.setAutoCommit(false);
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
        connection.commit();
        connection.setAutoCommit(true);
    }

    private interface SqlCall {
        void run() throws SQLException;
    }

    private static SQLException catchSql(SqlCall call) {
        try {
            call.run();
        } catch (SQLException e) {
            return e;
        }
        throw new AssertionError("expected an SQLException");
    }
}
