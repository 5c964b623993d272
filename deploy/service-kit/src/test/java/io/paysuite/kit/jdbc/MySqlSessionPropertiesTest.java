package io.paysuite.kit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.mock.env.MockEnvironment;

class MySqlSessionPropertiesTest {

    final BeanPostProcessor postProcessor = MySqlSessionAutoConfiguration.mySqlSessionPropertiesPostProcessor(new MockEnvironment());

    @Test
    void aMySqlPoolGetsEveryPropertyThatSavesRoundTrips() {
        HikariDataSource pool = pool("jdbc:mysql://127.0.0.1:13306/paysuite_member?useSSL=false&characterEncoding=utf8");

        postProcessor.postProcessAfterInitialization(pool, "dataSource");

        assertThat(pool.getDataSourceProperties())
                .containsEntry("useLocalSessionState", "true")
                .containsEntry("cacheServerConfiguration", "true")
                .containsEntry("useServerPrepStmts", "true")
                .containsEntry("cachePrepStmts", "true")
                .containsEntry("prepStmtCacheSize", "256")
                .containsEntry("prepStmtCacheSqlLimit", "2048")
                .containsEntry("rewriteBatchedStatements", "true")
                .containsEntry("maintainTimeStats", "false")
                .containsEntry("alwaysSendSetIsolation", "false")
                .doesNotContainKeys("cacheResultSetMetadata", "autoCommit");
        assertThat(pool.isAutoCommit()).as("the pool's own auto-commit is untouched").isTrue();
    }

    @Test
    void anOperatorsValueInTheUrlIsKeptBecauseThePoolsPropertiesWouldOverrideIt() {
        HikariDataSource pool = pool("jdbc:mysql://db:3306/paysuite_trade_0?useSSL=true&cachePrepStmts=false&PREPSTMTCACHESIZE=50");

        postProcessor.postProcessAfterInitialization(pool, "dataSource");

        assertThat(pool.getDataSourceProperties())
                .doesNotContainKeys("cachePrepStmts", "prepStmtCacheSize")
                .containsEntry("useLocalSessionState", "true");
    }

    @Test
    void theServiceCanPrepareOnTheClientAgainOrResizeTheCacheThroughItsProperties() {
        BeanPostProcessor configured = MySqlSessionAutoConfiguration.mySqlSessionPropertiesPostProcessor(new MockEnvironment()
                .withProperty("paysuite.jdbc.prepared-statements.server-side", "false")
                .withProperty("paysuite.jdbc.prepared-statements.cache-size", "100")
                .withProperty("paysuite.jdbc.prepared-statements.cache-sql-limit", "4096"));
        HikariDataSource pool = pool("jdbc:mysql://db:3306/paysuite_accounting");

        configured.postProcessAfterInitialization(pool, "dataSource");

        assertThat(pool.getDataSourceProperties())
                .containsEntry("useServerPrepStmts", "false")
                .containsEntry("cachePrepStmts", "true")
                .containsEntry("prepStmtCacheSize", "100")
                .containsEntry("prepStmtCacheSqlLimit", "4096")
                .containsEntry("useLocalSessionState", "true");
    }

    @Test
    void aCacheThatCouldNeverEvictIsRefusedBecauseItWouldHoldEveryTextOnTheServer() {
        assertThatThrownBy(() -> new PreparedStatementProperties(true, 1, 2048))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cache-size must be at least 2");
    }

    @Test
    void anOperatorWhoTurnsTheCacheOffInTheUrlDoesNotGetServerSideStatementsWithoutIt() {
        HikariDataSource pool = pool("jdbc:mysql://db:3306/paysuite_member?CachePrepStmts=false");

        postProcessor.postProcessAfterInitialization(pool, "dataSource");

        assertThat(pool.getDataSourceProperties())
                .doesNotContainKeys("useServerPrepStmts", "cachePrepStmts")
                .containsEntry("prepStmtCacheSize", "256");
    }

    @Test
    void anOperatorWhoAsksForServerSideStatementsWithoutTheCacheGetsThem() {
        HikariDataSource pool = pool("jdbc:mysql://db:3306/paysuite_member");
        pool.addDataSourceProperty("cachePrepStmts", "false");
        pool.addDataSourceProperty("useServerPrepStmts", "true");

        postProcessor.postProcessAfterInitialization(pool, "dataSource");

        assertThat(pool.getDataSourceProperties())
                .containsEntry("useServerPrepStmts", "true")
                .containsEntry("cachePrepStmts", "false");
    }

    @Test
    void anOperatorWhoKeepsTheCacheOnInTheUrlStillGetsServerSideStatements() {
        HikariDataSource pool = pool("jdbc:mysql://db:3306/paysuite_member?cachePrepStmts=true&prepStmtCacheSize=64");

        postProcessor.postProcessAfterInitialization(pool, "dataSource");

        assertThat(pool.getDataSourceProperties())
                .containsEntry("useServerPrepStmts", "true")
                .doesNotContainKeys("cachePrepStmts", "prepStmtCacheSize");
    }

    @Test
    void anOperatorsExplicitDataSourcePropertyIsKept() {
        HikariDataSource pool = pool("jdbc:mysql://db:3306/paysuite_cashier");
        pool.addDataSourceProperty("useLocalSessionState", "false");

        postProcessor.postProcessAfterInitialization(pool, "dataSource");

        assertThat(pool.getDataSourceProperties())
                .containsEntry("useLocalSessionState", "false")
                .containsEntry("maintainTimeStats", "false");
    }

    @Test
    void aPoolOfAnotherDriverIsLeftAlone() {
        HikariDataSource pool = pool("jdbc:h2:mem:test");

        postProcessor.postProcessAfterInitialization(pool, "dataSource");

        assertThat(pool.getDataSourceProperties()).isEmpty();
    }

    @Test
    void aPoolBuiltByHandGetsTheSameProperties() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:mysql://127.0.0.1:13306/paysuite_pay_0?useSSL=false");

        assertThat(MySqlSessionProperties.applyTo(config)).containsExactlyInAnyOrderElementsOf(
                MySqlSessionProperties.DEFAULTS.keySet());
    }

    @Test
    void otherBeansPassThroughUntouched() {
        Object bean = new Object();

        assertThat(postProcessor.postProcessAfterInitialization(bean, "other")).isSameAs(bean);
    }

    private static HikariDataSource pool(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        return pool;
    }
}
