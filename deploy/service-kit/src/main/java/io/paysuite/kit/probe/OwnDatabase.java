package io.paysuite.kit.probe;

import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A round trip to the service's own database: the name of the database its data source answers
 * from. A plain statement through the service's {@link DataSource} (for a sharded service, through
 * ShardingSphere, which answers from its first physical database), so the probe needs no mapper of
 * its own and proves the same pool the business code uses.
 */
final class OwnDatabase implements Callable<String> {

    static final String QUERY = "SELECT DATABASE()";

    private final JdbcClient jdbc;

    OwnDatabase(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public String call() {
        return jdbc.sql(QUERY).query(String.class).optional().orElse(null);
    }
}
