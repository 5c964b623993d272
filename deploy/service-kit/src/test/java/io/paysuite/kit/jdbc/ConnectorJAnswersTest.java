package io.paysuite.kit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.mysql.cj.NativeSession;
import com.mysql.cj.conf.RuntimeProperty;
import com.mysql.cj.jdbc.ConnectionImpl;
import com.mysql.cj.protocol.ServerSession;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * Pins {@link DriverSession}'s answers to the real driver's: Connector/J's own {@code commit()}/{@code rollback()}
 * logic, run on a {@code ConnectionImpl} whose session (a mock: there is no server here) reports auto-commit on.
 * A {@link DeferredAutoCommitConnection} with a restore owed sends it and then asks the driver, so with a real
 * session it gets these same answers; {@link DeferredAutoCommitConnectionTest} checks that against the fake.
 */
class ConnectorJAnswersTest {

    @Test
    void inAutoCommitTheDriverRefusesCommitAndRollbackAsTheFakeDoes() throws Exception {
        ConnectionImpl driver = connectorJWithAutoCommit(true);
        DriverSession fake = new DriverSession();

        SQLException driverCommit = refusal(driver::commit);
        SQLException driverRollback = refusal(driver::rollback);
        SQLException fakeCommit = refusal(fake.connection::commit);
        SQLException fakeRollback = refusal(fake.connection::rollback);

        assertThat((Throwable) driverCommit).hasMessage(fakeCommit.getMessage());
        assertThat(driverCommit.getSQLState()).isEqualTo(fakeCommit.getSQLState());
        assertThat((Throwable) driverRollback).hasMessage(fakeRollback.getMessage());
        assertThat(driverRollback.getSQLState()).isEqualTo(fakeRollback.getSQLState()).isEqualTo("08003");
    }

    @Test
    void theDriverAnswersAutoCommitFromItsSessionWithoutARoundTrip() throws Exception {
        // the wrapper asks getAutoCommit() before cancelling or sending; it must cost nothing
        assertThat(connectorJWithAutoCommit(false).getAutoCommit()).isFalse();
        assertThat(connectorJWithAutoCommit(true).getAutoCommit()).isTrue();
    }

    @SuppressWarnings("unchecked")
    private static ConnectionImpl connectorJWithAutoCommit(boolean autoCommit) throws Exception {
        Constructor<ConnectionImpl> constructor = ConnectionImpl.class.getDeclaredConstructor();
        constructor.setAccessible(true);
        ConnectionImpl driver = constructor.newInstance();
        ServerSession server = mock(ServerSession.class);
        when(server.isAutoCommit()).thenReturn(autoCommit);
        NativeSession session = mock(NativeSession.class);
        when(session.getServerSession()).thenReturn(server);
        RuntimeProperty<Boolean> off = mock(RuntimeProperty.class);
        when(off.getValue()).thenReturn(false);
        set(driver, "session", session);
        set(driver, "reconnectAtTxEnd", off);
        set(driver, "useLocalTransactionState", off);
        return driver;
    }

    private static void set(ConnectionImpl driver, String field, Object value) throws ReflectiveOperationException {
        Field f = ConnectionImpl.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(driver, value);
    }

    private interface SqlCall {
        void run() throws SQLException;
    }

    private static SQLException refusal(SqlCall call) {
        try {
            call.run();
        } catch (SQLException e) {
            return e;
        }
        throw new AssertionError("expected the call to be refused");
    }
}
