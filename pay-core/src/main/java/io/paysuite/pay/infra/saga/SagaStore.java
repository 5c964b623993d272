package io.paysuite.pay.infra.saga;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.paysuite.kit.jdbc.MySqlSessionProperties;
import io.paysuite.kit.sharding.ShardingProperties;
import javax.sql.DataSource;

/**
 * The Saga log's connections: a plain Hikari pool on the first pay database, where the seata_* tables
 * are (migration V4). Not ShardingSphere's data source — the Saga engine's tables are not sharded by a
 * gene — and deliberately not a {@code DataSource} bean, so MyBatis, transactions and health keep the
 * one data source they know.
 */
public final class SagaStore implements AutoCloseable {

    private final HikariDataSource pool;

    SagaStore(ShardingProperties sharding, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("pay-saga");
        config.setJdbcUrl(sharding.urls().get(0));
        config.setUsername(sharding.username());
        config.setPassword(sharding.password());
        config.setMaximumPoolSize(poolSize);
        MySqlSessionProperties.applyTo(config); // not a bean: the kit's pool post-processor never sees it
        this.pool = new HikariDataSource(config);
    }

    DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }
}
