package io.paysuite.kit.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.paysuite.kit.jdbc.DeferredAutoCommitDataSource;
import io.paysuite.kit.jdbc.PreparedStatementProperties;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A shadow pool copies the real pool's configuration, data source included: it must not keep the real one's. */
class ShadowPoolTest {

    @Test
    void theShadowOfAWrappedPoolOpensItsConnectionsOnTheShadowDatabaseNotTheRealOne() {
        HikariDataSource real = pool("jdbc:mysql://db:3306/paysuite_member?useSSL=false");
        DeferredAutoCommitDataSource.install(real); // as the kit's pool post-processor does

        HikariConfig shadow = ShadowRouting.shadowConfig(real, new ShadowProperties(true, "_shadow", 4, List.of()),
                PreparedStatementProperties.defaults());

        assertThat(shadow.getDataSource()).isInstanceOfSatisfying(DeferredAutoCommitDataSource.class,
                wrapper -> assertThat(wrapper.jdbcUrl()).isEqualTo("jdbc:mysql://db:3306/paysuite_member_shadow?useSSL=false"));
        assertThat(shadow.getDataSource()).isNotSameAs(real.getDataSource());
    }

    @Test
    void theShadowOfAnUnwrappedPoolIsNotWrappedEither() {
        HikariDataSource real = pool("jdbc:mysql://db:3306/paysuite_member");

        HikariConfig shadow = ShadowRouting.shadowConfig(real, new ShadowProperties(true, "_shadow", 4, List.of()),
                PreparedStatementProperties.defaults());

        assertThat(shadow.getDataSource()).isNull();
    }

    @Test
    void theShadowOfAPoolTheKitHasNotTunedYetFollowsTheServicesPreparedStatementSettings() {
        HikariDataSource real = pool("jdbc:mysql://db:3306/paysuite_member");

        HikariConfig shadow = ShadowRouting.shadowConfig(real, new ShadowProperties(true, "_shadow", 4, List.of()),
                new PreparedStatementProperties(false, 32, 2048));

        assertThat(shadow.getDataSourceProperties())
                .containsEntry("useServerPrepStmts", "false")
                .containsEntry("prepStmtCacheSize", "32");
    }

    @Test
    void theShadowKeepsWhatTheRealPoolWasGiven() {
        HikariDataSource real = pool("jdbc:mysql://db:3306/paysuite_member");
        real.addDataSourceProperty("prepStmtCacheSize", "100");

        HikariConfig shadow = ShadowRouting.shadowConfig(real, new ShadowProperties(true, "_shadow", 4, List.of()),
                PreparedStatementProperties.defaults());

        assertThat(shadow.getDataSourceProperties())
                .containsEntry("prepStmtCacheSize", "100")
                .containsEntry("useServerPrepStmts", "true");
    }

    private static HikariDataSource pool(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        return pool;
    }
}
