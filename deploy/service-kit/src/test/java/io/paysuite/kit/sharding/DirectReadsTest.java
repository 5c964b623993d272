package io.paysuite.kit.sharding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.paysuite.api.ids.ShardGene;
import io.paysuite.kit.shadow.ShadowContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class DirectReadsTest {

    /** A trade number whose last four digits carry gene 7: database 7 % 2 = 1, table (7 / 2) % 4 = 3. */
    static final String TRADE_NO = "T2026120714000001000010007";
    static final String READ = "SELECT trade_no, status FROM trade_order WHERE trade_no = ?";

    final ShardingRules rules = new ShardingRules(2, 4).databaseAndTableSharded("trade_order", "trade_no,buyer_id")
            .databaseSharded("trade_event", "event_id,trade_no");
    final List<String> statements = new ArrayList<>();
    final DataSource sharded = pool("sharded");
    final List<DataSource> production = List.of(pool("ds_0"), pool("ds_1"));
    final List<DataSource> shadows = List.of(pool("ds_0_shadow"), pool("ds_1_shadow"));
    final DirectReads reads = new DirectReads(sharded, rules, production, shadows, true);

    @AfterEach
    void clear() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void aReadByOrderNumberGoesToTheRowsPhysicalTableAndOnlyItsFirstConnection() {
        reads.byOrderNo("trade_order", TRADE_NO, () -> {
            run(READ);
            run("SELECT COUNT(*) FROM trade_merchant_index WHERE merchant_id = ?");
            return null;
        });
        assertThat(statements).containsExactly(
                "ds_1: SELECT trade_no, status FROM trade_order_3 WHERE trade_no = ?",
                "sharded: SELECT COUNT(*) FROM trade_merchant_index WHERE merchant_id = ?");

        run(READ);
        assertThat(statements).last().as("no route outside the read").isEqualTo("sharded: " + READ);
    }

    @Test
    void aTableOnePerDatabaseKeepsItsNameInTheRowsDatabase() {
        reads.byOrderNo("trade_event", TRADE_NO, () -> run("SELECT payload FROM trade_event WHERE event_id = ?"));
        assertThat(statements).containsExactly("ds_1: SELECT payload FROM trade_event WHERE event_id = ?");
    }

    @Test
    void theRouteIsTheOneShardingSphereTakes() {
        GeneShardingAlgorithm databases = algorithm("DATABASE");
        GeneShardingAlgorithm tables = algorithm("TABLE");
        for (int gene = 0; gene < ShardGene.GENES; gene += 37) {
            String orderNo = "P20261207140000010000" + String.format("%05d", 10000 + gene).substring(1);
            DirectRoute route = rules.routeOf("trade_order", orderNo);
            int g = ShardGene.ofOrderNo(orderNo);
            assertThat("ds_" + route.database()).isEqualTo(databases.targetName("trade_order", g));
            assertThat(route.physicalTable()).isEqualTo(tables.targetName("trade_order", g));
        }
    }

    @Test
    void insideATransactionTheReadStaysWithTheTransactionsConnection() {
        TransactionSynchronizationManager.initSynchronization();
        reads.byOrderNo("trade_order", TRADE_NO, () -> run(READ));
        assertThat(statements).containsExactly("sharded: " + READ);
    }

    @Test
    void switchedOffEveryReadGoesThroughShardingSphere() {
        DirectReads off = new DirectReads(sharded, rules, production, shadows, false);
        off.byOrderNo("trade_order", TRADE_NO, () -> run(off, READ));
        assertThat(statements).containsExactly("sharded: " + READ);
    }

    @Test
    void loadTrafficReadsTheShadowOfTheSameDatabase() {
        try (var marked = ShadowContext.enter()) {
            reads.byOrderNo("trade_order", TRADE_NO, () -> run(READ));
            DirectReads withoutShadows = new DirectReads(sharded, rules, production, List.of(), true);
            withoutShadows.byOrderNo("trade_order", TRADE_NO, () -> run(withoutShadows, READ));
        }
        assertThat(statements).containsExactly("ds_1_shadow: SELECT trade_no, status FROM trade_order_3 WHERE trade_no = ?",
                "sharded: " + READ);
    }

    @Test
    void aStatementThatDoesNotNameTheRoutedTableIsRefusedNotRunElsewhere() {
        assertThatThrownBy(() -> reads.byOrderNo("trade_order", TRADE_NO,
                () -> run("SELECT * FROM trade_order_event WHERE trade_no = ?")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not name it");
        assertThat(statements).isEmpty();
        assertThatThrownBy(() -> reads.byOrderNo("refund_order", TRADE_NO, () -> run(READ)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Object run(String sql) {
        return run(reads, sql);
    }

    private Object run(DirectReads through, String sql) {
        try (Connection connection = through.getConnection()) {
            connection.prepareStatement(sql);
            return null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private DataSource pool(String name) {
        DataSource pool = mock(DataSource.class);
        try {
            when(pool.getConnection()).thenAnswer(call -> {
                Connection connection = mock(Connection.class);
                when(connection.prepareStatement(anyString())).thenAnswer(prepare -> {
                    statements.add(name + ": " + prepare.getArgument(0));
                    return mock(PreparedStatement.class);
                });
                return connection;
            });
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return pool;
    }

    private static GeneShardingAlgorithm algorithm(String target) {
        GeneShardingAlgorithm algorithm = new GeneShardingAlgorithm();
        Properties props = new Properties();
        props.setProperty("target", target);
        props.setProperty("databases", "2");
        props.setProperty("tables", "4");
        algorithm.init(props);
        return algorithm;
    }
}
