package io.paysuite.kit.shadow;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.paysuite.kit.jdbc.DeferredAutoCommitDataSource;
import io.paysuite.kit.jdbc.MySqlSessionProperties;
import io.paysuite.kit.jdbc.PreparedStatementProperties;
import java.io.Closeable;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;

/**
 * The data source of a service that is not behind ShardingSphere (accounting, member, channel-gateway,
 * cashier): real work gets a connection of the service's own pool, load traffic one of the shadow pool
 * ({@code <db>_shadow}). Spring's {@link AbstractRoutingDataSource} does the routing; the key is read once per
 * {@code getConnection}, so a transaction stays on the side it started on, and real traffic pays one
 * thread-local read per connection and nothing per statement.
 *
 * <p>Not ShardingSphere's shadow rule here: wrapping these services in ShardingSphere would parse every
 * statement of the real traffic to route the rare load-test statement, while the mark is known before the
 * connection is taken.
 */
public final class ShadowRouting extends AbstractRoutingDataSource implements Closeable {

    private final DataSource real;
    private final DataSource shadow;

    public ShadowRouting(DataSource real, DataSource shadow) {
        this.real = real;
        this.shadow = shadow;
        setTargetDataSources(Map.of(Boolean.FALSE, real, Boolean.TRUE, shadow));
        setDefaultTargetDataSource(real);
        setLenientFallback(false);
        afterPropertiesSet();
    }

    @Override
    protected Object determineCurrentLookupKey() {
        return ShadowContext.active();
    }

    public DataSource real() {
        return real;
    }

    public DataSource shadow() {
        return shadow;
    }

    /**
     * A pool like {@code real} on the shadow of its database, sized for load traffic; not started until used.
     * A wrapped real pool's data source is copied with the rest but opens connections to the REAL database:
     * it is replaced by one for the shadow URL (or dropped if the real pool was not wrapped).
     */
    public static HikariDataSource shadowPool(HikariConfig real, ShadowProperties properties,
            PreparedStatementProperties statements) {
        return new HikariDataSource(shadowConfig(real, properties, statements));
    }

    /** The configuration of {@link #shadowPool}; the pool starts when made from it. */
    static HikariConfig shadowConfig(HikariConfig real, ShadowProperties properties,
            PreparedStatementProperties statements) {
        HikariConfig config = new HikariConfig();
        real.copyStateTo(config);
        boolean deferredAutoCommit = real.getDataSource() instanceof DeferredAutoCommitDataSource;
        DeferredAutoCommitDataSource.uninstall(config);
        config.setJdbcUrl(properties.shadowUrl(real.getJdbcUrl()));
        config.setPoolName((real.getPoolName() == null ? "pool" : real.getPoolName()) + "-shadow");
        config.setMaximumPoolSize(properties.poolSize());
        config.setMinimumIdle(0); // no connection held while no load test runs
        MySqlSessionProperties.applyTo(config, statements); // the real pool's values, copied above, are kept
        if (deferredAutoCommit) {
            DeferredAutoCommitDataSource.install(config);
        }
        return config;
    }

    @Override
    public void close() {
        for (DataSource pool : new DataSource[] {shadow, real}) {
            if (pool instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    logger.warn("closing a pool failed: " + e);
                }
            }
        }
    }
}
