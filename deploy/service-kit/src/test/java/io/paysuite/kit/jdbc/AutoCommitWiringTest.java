package io.paysuite.kit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.mock.env.MockEnvironment;

/** Which pools open their connections through {@link DeferredAutoCommitDataSource}. */
class AutoCommitWiringTest {

    static final String TRADE_0 = "jdbc:mysql://db:3306/paysuite_trade_0?useSSL=false";

    @Test
    void aMySqlPoolIsWrappedByDefault() {
        HikariDataSource pool = pool(TRADE_0);

        postProcessor(new MockEnvironment()).postProcessAfterInitialization(pool, "dataSource");

        assertThat(pool.getDataSource()).isInstanceOfSatisfying(DeferredAutoCommitDataSource.class,
                wrapper -> assertThat(wrapper.jdbcUrl()).isEqualTo(TRADE_0));
        assertThat(pool.getJdbcUrl()).as("kept for logs, health and the shadow's URL").isEqualTo(TRADE_0);
        assertThat(pool.isAutoCommit()).as("the pool still defaults to auto-commit").isTrue();
    }

    @Test
    void theSwitchTurnsItOff() {
        HikariDataSource pool = pool(TRADE_0);

        postProcessor(new MockEnvironment().withProperty("paysuite.jdbc.auto-commit.defer-restore", "false"))
                .postProcessAfterInitialization(pool, "dataSource");

        assertThat(pool.getDataSource()).isNull();
        assertThat(pool.getDataSourceProperties()).containsEntry("useLocalSessionState", "true");
    }

    @Test
    void aPoolOfAnotherDriverOrWithItsOwnDataSourceIsLeftAlone() {
        HikariDataSource h2 = pool("jdbc:h2:mem:test");
        HikariDataSource own = pool(TRADE_0);
        DataSource given = new SimpleDriverDataSource();
        own.setDataSource(given);

        postProcessor(new MockEnvironment()).postProcessAfterInitialization(h2, "dataSource");
        postProcessor(new MockEnvironment()).postProcessAfterInitialization(own, "dataSource");

        assertThat(h2.getDataSource()).isNull();
        assertThat(own.getDataSource()).isSameAs(given);
    }

    @Test
    void installingNeedsNoDriverAndReplacesAWrapperCopiedFromAnotherPool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(TRADE_0);
        assertThat(DeferredAutoCommitDataSource.install(config)).isTrue();
        HikariConfig copy = new HikariConfig();
        config.copyStateTo(copy);
        copy.setJdbcUrl("jdbc:mysql://db:3306/paysuite_trade_1");

        assertThat(DeferredAutoCommitDataSource.install(copy)).isTrue();

        assertThat(((DeferredAutoCommitDataSource) copy.getDataSource()).jdbcUrl())
                .isEqualTo("jdbc:mysql://db:3306/paysuite_trade_1");
    }

    private static BeanPostProcessor postProcessor(MockEnvironment environment) {
        return MySqlSessionAutoConfiguration.mySqlSessionPropertiesPostProcessor(environment);
    }

    private static HikariDataSource pool(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        return pool;
    }
}
