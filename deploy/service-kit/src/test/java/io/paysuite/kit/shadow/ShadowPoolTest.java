package io.paysuite.kit.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.paysuite.kit.jdbc.DeferredAutoCommitDataSource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A shadow pool copies the real pool's configuration, data source included: it must not keep the real one's. */
class ShadowPoolTest {

    @Test
    void theShadowOfAWrappedPoolOpensItsConnectionsOnTheShadowDatabaseNotTheRealOne() {
        HikariDataSource real = pool("jdbc:mysql://db:3306/paysuite_member?useSSL=false");
        DeferredAutoCommitDataSource.install(real); // as the kit's pool post-processor does

        HikariConfig shadow = ShadowRouting.shadowConfig(real, new ShadowProperties(true, "_shadow", 4, List.of()));

        assertThat(shadow.getDataSource()).isInstanceOfSatisfying(DeferredAutoCommitDataSource.class,
                wrapper -> assertThat(wrapper.jdbcUrl()).isEqualTo("jdbc:mysql://db:3306/paysuite_member_shadow?useSSL=false"));
        assertThat(shadow.getDataSource()).isNotSameAs(real.getDataSource());
    }

    @Test
    void theShadowOfAnUnwrappedPoolIsNotWrappedEither() {
        HikariDataSource real = pool("jdbc:mysql://db:3306/paysuite_member");

        HikariConfig shadow = ShadowRouting.shadowConfig(real, new ShadowProperties(true, "_shadow", 4, List.of()));

        assertThat(shadow.getDataSource()).isNull();
    }

    private static HikariDataSource pool(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        return pool;
    }
}
