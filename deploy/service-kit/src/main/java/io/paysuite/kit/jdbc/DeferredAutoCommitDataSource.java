package io.paysuite.kit.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.util.DriverDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * What a Hikari pool of the kit opens its physical connections with: the driver, as Hikari would use it from
 * the pool's URL, with each connection wrapped in a {@link DeferredAutoCommitConnection}. It goes beneath
 * Hikari (as the pool's {@link HikariConfig#setDataSource data source}) because Hikari's proxy tracks
 * auto-commit itself and would reset it on return; beneath, Hikari only ever sees the logical state.
 *
 * <p>Built from the pool's URL, driver class, data-source properties and account as they are at
 * {@link #install}; Hikari still passes its current account to every {@code getConnection(user, password)},
 * and the pool's {@code jdbcUrl} stays set for logs, health and metrics. The driver's data source is made on
 * first use, so installing needs no driver on the classpath.
 */
public final class DeferredAutoCommitDataSource implements DataSource {

    private final String jdbcUrl;
    private final Supplier<DataSource> factory;
    private volatile DataSource driver;

    DeferredAutoCommitDataSource(String jdbcUrl, Supplier<DataSource> factory) {
        this.jdbcUrl = jdbcUrl;
        this.factory = factory;
    }

    /**
     * Makes the pool open its connections through this wrapper, if it is a MySQL pool that does not bring its
     * own data source; call after {@link MySqlSessionProperties#applyTo} and before the pool starts. A config
     * copied from a wrapped pool ({@link HikariConfig#copyStateTo}) carries the original's wrapper: installing
     * again replaces it with one for the copy's own URL. Returns whether the pool is wrapped now.
     */
    public static boolean install(HikariConfig config) {
        if (!MySqlSessionProperties.appliesTo(config.getJdbcUrl()) || config.getDataSourceClassName() != null
                || (config.getDataSource() != null && !(config.getDataSource() instanceof DeferredAutoCommitDataSource))) {
            return false;
        }
        String url = config.getJdbcUrl();
        String driverClass = config.getDriverClassName();
        Properties properties = new Properties();
        properties.putAll(config.getDataSourceProperties());
        String username = config.getUsername();
        String password = config.getPassword();
        config.setDataSource(new DeferredAutoCommitDataSource(url,
                () -> new DriverDataSource(url, driverClass, properties, username, password)));
        return true;
    }

    /** Undoes {@link #install} on a config (a copy that is to open connections its own way). */
    public static void uninstall(HikariConfig config) {
        if (config.getDataSource() instanceof DeferredAutoCommitDataSource) {
            config.setDataSource(null);
        }
    }

    /** The URL this wrapper's connections go to. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    private DataSource driver() {
        DataSource made = driver;
        if (made == null) {
            synchronized (this) {
                made = driver;
                if (made == null) {
                    made = factory.get();
                    driver = made;
                }
            }
        }
        return made;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return new DeferredAutoCommitConnection(driver().getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return new DeferredAutoCommitConnection(driver().getConnection(username, password));
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return driver().getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        driver().setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        driver().setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return driver().getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return driver().getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : driver().unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || driver().isWrapperFor(iface);
    }

    @Override
    public String toString() {
        return "DeferredAutoCommit[" + jdbcUrl + "]";
    }
}
