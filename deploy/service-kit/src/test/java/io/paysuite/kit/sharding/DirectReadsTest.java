package io.paysuite.kit.sharding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import io.paysuite.api.ids.ShardGene;
import io.paysuite.kit.shadow.ShadowContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.apache.shardingsphere.sharding.api.sharding.complex.ComplexKeysShardingValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.stubbing.Answer;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

class DirectReadsTest {

    /** A trade number whose last four digits carry gene 7: database 7 % 2 = 1, table (7 / 2) % 4 = 3. */
    static final String TRADE_NO = "T2026120714000001000010007";
    static final String READ = "SELECT trade_no, status FROM trade_order WHERE trade_no = ?";

    final ShardingRules rules = new ShardingRules(2, 4).databaseAndTableSharded("trade_order", "trade_no,buyer_id")
            .databaseAndTableSharded("trade_merchant_index", "merchant_id")
            .databaseSharded("trade_event", "event_id,trade_no")
            .databaseAndTableSharded("refund_order", "refund_no,trade_no")
            .singleTable("risk_counter");
    final List<String> statements = new ArrayList<>();
    /** Commits, rollbacks and closes of the pools' connections, as "pool: what". */
    final List<String> ends = new ArrayList<>();
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
        assertThatThrownBy(() -> reads.byOrderNo("refund_merchant_index", TRADE_NO, () -> run(READ)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reads.byOrderNo("trade_merchant_index", TRADE_NO, () -> run(READ)))
                .as("a table another key places cannot be found by an order number").isInstanceOf(IllegalArgumentException.class);
    }

    // --- one row written by its order number, outside a transaction

    @Test
    void anInsertAndACompareAndSetByOrderNumberGoToTheRowsPhysicalTable() throws SQLException {
        String insert = "INSERT INTO trade_order (trade_no, merchant_id, status) VALUES (?, ?, ?)";
        String update = "UPDATE trade_order SET status = ?, version = version + 1 WHERE trade_no = ? AND status = ?";
        reads.byOrderNo("trade_order", TRADE_NO, () -> run(insert));
        reads.byOrderNo("trade_order", TRADE_NO, () -> run(update));
        reads.byOrderNo("trade_order", TRADE_NO, () -> {
            try (Connection connection = reads.getConnection()) {
                return connection.prepareStatement(insert, Statement.RETURN_GENERATED_KEYS); // useGeneratedKeys' way
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(statements).containsExactly(
                "ds_1: INSERT INTO trade_order_3 (trade_no, merchant_id, status) VALUES (?, ?, ?)",
                "ds_1: UPDATE trade_order_3 SET status = ?, version = version + 1 WHERE trade_no = ? AND status = ?",
                "ds_1: INSERT INTO trade_order_3 (trade_no, merchant_id, status) VALUES (?, ?, ?)");
        assertThat(ends).containsExactly("ds_1: close", "ds_1: close", "ds_1: close");
    }

    @Test
    void onlyWholeTableNamesAreRenamedNeverColumnsLiteralsOrComments() {
        reads.byOrderNo("trade_order", TRADE_NO, () -> run("/* SHARDINGSPHERE_HINT: SHADOW=true */ UPDATE TRADE_ORDER"
                + " SET note = 'trade_order', trade_order_no = ? WHERE trade_no = ? /* trade_merchant_index */"));

        assertThat(statements).containsExactly("ds_1: /* SHARDINGSPHERE_HINT: SHADOW=true */ UPDATE trade_order_3"
                + " SET note = 'trade_order', trade_order_no = ? WHERE trade_no = ? /* trade_merchant_index */");
    }

    // --- one order's local transaction, pinned to its shard

    @Test
    void aTransactionPinnedToATradesShardRunsEveryStatementOnItsPhysicalTablesOnOneConnection() {
        new TransactionTemplate(new DataSourceTransactionManager(reads)).executeWithoutResult(status -> {
            assertThat(statements).as("nothing before the first statement").isEmpty();
        });
        assertThat(ends).as("an outside transaction goes through ShardingSphere").containsExactly("sharded: commit", "sharded: close");
        ends.clear();

        String committed = reads.onShardOf(TRADE_NO, () -> transactions().execute(status -> {
            runInTransaction("SELECT status FROM trade_order WHERE trade_no = ? FOR UPDATE");
            runInTransaction("UPDATE trade_order SET status = ? WHERE trade_no = ? AND status = ?");
            runInTransaction("INSERT INTO refund_order (refund_no, trade_no) VALUES (?, ?)");
            runInTransaction("INSERT INTO trade_event (event_id, trade_no, payload) VALUES (?, ?, ?)");
            return "committed";
        }));

        assertThat(committed).isEqualTo("committed");
        assertThat(statements).containsExactly(
                "ds_1: SELECT status FROM trade_order_3 WHERE trade_no = ? FOR UPDATE",
                "ds_1: UPDATE trade_order_3 SET status = ? WHERE trade_no = ? AND status = ?",
                "ds_1: INSERT INTO refund_order_3 (refund_no, trade_no) VALUES (?, ?)",
                "ds_1: INSERT INTO trade_event (event_id, trade_no, payload) VALUES (?, ?, ?)");
        assertThat(ends).as("one connection, committed, back in its pool once").containsExactly("ds_1: commit", "ds_1: close");

        run(READ);
        assertThat(statements).last().as("no route after the transaction").isEqualTo("sharded: " + READ);
    }

    @Test
    void aPlainStatementOfThePinnedConnectionIsRenamedToo() {
        reads.onShardOf(TRADE_NO, () -> transactions().execute(status -> {
            Connection connection = DataSourceUtils.getConnection(reads);
            try (Statement plain = connection.createStatement()) {
                return plain.executeUpdate("UPDATE trade_event SET published_at = NOW() WHERE event_id = 'E1'");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            } finally {
                DataSourceUtils.releaseConnection(connection, reads);
            }
        }));

        assertThat(statements).containsExactly("ds_1: UPDATE trade_event SET published_at = NOW() WHERE event_id = 'E1'");
    }

    @Test
    void aStatementOnATableAnotherKeyPlacesASingleTableOrNoTableIsRefusedAndTheTransactionRolledBack() {
        for (String foreign : List.of("INSERT INTO trade_merchant_index (merchant_id, out_trade_no) VALUES (?, ?)",
                "UPDATE risk_counter SET cnt = cnt + 1 WHERE counter_key = ?",
                "SELECT 1",
                "UPDATE trade_order t JOIN trade_merchant_index i ON i.trade_no = t.trade_no SET t.status = ?")) {
            ends.clear();
            assertThatThrownBy(() -> reads.onShardOf(TRADE_NO, () -> transactions().execute(status -> {
                runInTransaction("UPDATE trade_order SET status = ? WHERE trade_no = ?");
                runInTransaction(foreign);
                return null;
            }))).as(foreign).isInstanceOf(IllegalStateException.class).hasMessageContaining("refused")
                    .hasMessageContaining(foreign);
            assertThat(ends).as(foreign).containsExactly("ds_1: rollback", "ds_1: close");
        }
        assertThat(statements).as("nothing refused was sent anywhere")
                .containsOnly("ds_1: UPDATE trade_order_3 SET status = ? WHERE trade_no = ?");
    }

    @Test
    void theRouteIsGoneAfterWorkThatThrewBeforeTakingAConnection() {
        assertThatThrownBy(() -> reads.onShardOf(TRADE_NO, () -> {
            throw new IllegalStateException("the broker refused the half message");
        })).hasMessageContaining("broker");
        assertThatThrownBy(() -> reads.byOrderNo("trade_order", TRADE_NO, () -> {
            throw new IllegalStateException("before any statement");
        }));
        assertThatThrownBy(() -> reads.onSingleTable("risk_counter", () -> {
            throw new IllegalStateException("before any statement");
        }));

        run(READ);
        assertThat(statements).containsExactly("sharded: " + READ);
    }

    @Test
    void switchedOffThePinnedTransactionGoesThroughShardingSphere() {
        DirectReads withoutTransactions = new DirectReads(sharded, rules, production, shadows, true, false);
        withoutTransactions.onShardOf(TRADE_NO, () -> run(withoutTransactions, "UPDATE trade_order SET status = ? WHERE trade_no = ?"));
        withoutTransactions.byOrderNo("trade_order", TRADE_NO, () -> run(withoutTransactions, READ));
        DirectReads off = new DirectReads(sharded, rules, production, shadows, false, true);
        off.onShardOf(TRADE_NO, () -> run(off, "UPDATE trade_order SET status = ? WHERE trade_no = ?"));
        off.onSingleTable("risk_counter", () -> run(off, "SELECT cnt FROM risk_counter WHERE counter_key = ?"));

        assertThat(statements).containsExactly(
                "sharded: UPDATE trade_order SET status = ? WHERE trade_no = ?",
                "ds_1: SELECT trade_no, status FROM trade_order_3 WHERE trade_no = ?",
                "sharded: UPDATE trade_order SET status = ? WHERE trade_no = ?",
                "sharded: SELECT cnt FROM risk_counter WHERE counter_key = ?");
    }

    @Test
    void insideATransactionAlreadyUnderWayThePinChangesNothing() {
        TransactionSynchronizationManager.initSynchronization();
        reads.onShardOf(TRADE_NO, () -> run("UPDATE trade_order SET status = ? WHERE trade_no = ?"));
        reads.onSingleTable("risk_counter", () -> run("SELECT cnt FROM risk_counter WHERE counter_key = ?"));
        assertThat(statements).containsExactly("sharded: UPDATE trade_order SET status = ? WHERE trade_no = ?",
                "sharded: SELECT cnt FROM risk_counter WHERE counter_key = ?");
    }

    @Test
    void loadTrafficPinsItsTransactionToTheShadowOfTheSameDatabase() {
        try (var marked = ShadowContext.enter()) {
            reads.onShardOf(TRADE_NO, () -> transactions().execute(status -> {
                runInTransaction("UPDATE trade_order SET status = ? WHERE trade_no = ?");
                runInTransaction("INSERT INTO trade_event (event_id, trade_no) VALUES (?, ?)");
                return null;
            }));
        }
        assertThat(statements).containsExactly("ds_1_shadow: UPDATE trade_order_3 SET status = ? WHERE trade_no = ?",
                "ds_1_shadow: INSERT INTO trade_event (event_id, trade_no) VALUES (?, ?)");
        assertThat(ends).containsExactly("ds_1_shadow: commit", "ds_1_shadow: close");
    }

    @Test
    void theRoutedConnectionGoesBackToItsPoolOnceHoweverOftenItIsClosed() throws SQLException {
        reads.onShardOf(TRADE_NO, () -> {
            try {
                Connection connection = reads.getConnection();
                connection.close();
                connection.close();
                assertThat(connection.isClosed()).isTrue();
                assertThat(connection).isEqualTo(connection).isNotEqualTo(reads.getConnection());
                return null;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(ends).containsExactly("ds_1: close");
    }

    // --- one row of a table another key places, by that key (the merchant indexes)

    /** {@code ShardGene.ofKey("M100004")} = 62: database 62 % 2 = 0, table (62 / 2) % 4 = 3. */
    static final String MERCHANT = "M100004";
    static final String CLAIM = "INSERT INTO trade_merchant_index (merchant_id, out_trade_no, trade_no) VALUES (?, ?, ?)";
    static final String FIND = "SELECT trade_no FROM trade_merchant_index WHERE merchant_id = ? AND out_trade_no = ?";

    @Test
    void aMerchantIndexRowGoesToThePhysicalTableItsMerchantsGeneNamesAndOnlyItsFirstConnection() {
        assertThat(ShardGene.ofKey(MERCHANT)).isEqualTo(62);
        reads.byKey("trade_merchant_index", MERCHANT, () -> run(CLAIM));
        reads.byKey("trade_merchant_index", MERCHANT, () -> {
            run(FIND);
            run(FIND);
            return null;
        });

        assertThat(statements).containsExactly(
                "ds_0: INSERT INTO trade_merchant_index_3 (merchant_id, out_trade_no, trade_no) VALUES (?, ?, ?)",
                "ds_0: SELECT trade_no FROM trade_merchant_index_3 WHERE merchant_id = ? AND out_trade_no = ?",
                "sharded: " + FIND);
        assertThat(ends).containsExactly("ds_0: close", "ds_0: close", "sharded: close");
    }

    @Test
    void theRouteByKeyIsTheOneShardingSphereTakesForEveryGeneAndLayout() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int[] layout : new int[][] {{2, 4}, {1, 1}, {3, 5}, {4, 16}, {8, 2}}) {
            int databases = layout[0];
            int tablesPerDatabase = layout[1];
            ShardingRules sized = new ShardingRules(databases, tablesPerDatabase)
                    .databaseAndTableSharded("trade_merchant_index", "merchant_id")
                    .databaseSharded("merchant_daily", "merchant_id")
                    .databaseAndTableSharded("buyer_card", "buyer_id");
            GeneShardingAlgorithm byDatabase = algorithm("DATABASE", databases, tablesPerDatabase);
            GeneShardingAlgorithm byTable = algorithm("TABLE", databases, tablesPerDatabase);
            Set<Integer> genesSeen = new HashSet<>();
            List<String> merchants = new ArrayList<>(List.of("", " M1", "M1 ", "m100001", "商户-001", "M\u0000", "1", "-7"));
            for (int i = 0; genesSeen.size() < ShardGene.GENES || i < 2_000; i++) {
                String merchant = "M" + (100_000 + i);
                genesSeen.add(ShardGene.ofKey(merchant));
                merchants.add(merchant);
                merchants.add(randomKey(random));
            }
            for (String merchant : merchants) {
                String why = "seed " + seed + ", " + databases + "x" + tablesPerDatabase + ", merchant '" + merchant + "'";
                DirectRoute route = sized.routeOfKey("trade_merchant_index", merchant);
                assertThat(List.of("ds_" + route.database()))
                        .as(why).isEqualTo(shard(byDatabase, "trade_merchant_index", "merchant_id", merchant, databaseNames(databases)));
                assertThat(List.of(route.physicalTable()))
                        .as(why).isEqualTo(shard(byTable, "trade_merchant_index", "merchant_id", merchant,
                                tableNames("trade_merchant_index", tablesPerDatabase)));
                DirectRoute oneTable = sized.routeOfKey("merchant_daily", merchant);
                assertThat(oneTable.physicalTable()).isEqualTo("merchant_daily");
                assertThat(oneTable.database()).isEqualTo(route.database());
                if (!merchant.isBlank()) { // no buyer id is blank (ShardGene.ofUserId refuses one)
                    DirectRoute byBuyer = sized.routeOfKey("buyer_card", merchant);
                    assertThat(List.of(byBuyer.physicalTable()))
                            .as("a buyer id's gene is ofUserId's, not ofKey's: " + why)
                            .isEqualTo(shard(byTable, "buyer_card", "buyer_id", merchant, tableNames("buyer_card", tablesPerDatabase)));
                }
            }
            assertThat(genesSeen).as("every gene").hasSize(ShardGene.GENES);
        }
    }

    @Test
    void aRowByKeyInsideATransactionOrSwitchedOffOrWithoutAKeyGoesThroughShardingSphere() {
        DirectReads off = new DirectReads(sharded, rules, production, shadows, false);
        off.byKey("trade_merchant_index", MERCHANT, () -> run(off, FIND));
        DirectReads withoutTransactions = new DirectReads(sharded, rules, production, shadows, true, false);
        withoutTransactions.byKey("trade_merchant_index", MERCHANT, () -> run(withoutTransactions, FIND));
        reads.byKey("trade_merchant_index", null, () -> run(FIND));
        TransactionSynchronizationManager.initSynchronization();
        reads.byKey("trade_merchant_index", MERCHANT, () -> run(FIND));

        assertThat(statements).containsExactly("sharded: " + FIND,
                "ds_0: SELECT trade_no FROM trade_merchant_index_3 WHERE merchant_id = ? AND out_trade_no = ?",
                "sharded: " + FIND, "sharded: " + FIND);
    }

    @Test
    void loadTrafficClaimsOnTheShadowOfTheSameDatabase() {
        try (var marked = ShadowContext.enter()) {
            reads.byKey("trade_merchant_index", MERCHANT, () -> run(CLAIM));
        }
        assertThat(statements).containsExactly(
                "ds_0_shadow: INSERT INTO trade_merchant_index_3 (merchant_id, out_trade_no, trade_no) VALUES (?, ?, ?)");
    }

    @Test
    void aRowByKeyMayNameOnlyItsOwnTable() {
        for (String foreign : List.of("SELECT trade_no FROM trade_order WHERE merchant_id = ?",
                "SELECT i.trade_no FROM trade_merchant_index i JOIN trade_order t ON t.trade_no = i.trade_no WHERE i.merchant_id = ?",
                "SELECT 1", "SELECT cnt FROM risk_counter WHERE counter_key = ?")) {
            assertThatThrownBy(() -> reads.byKey("trade_merchant_index", MERCHANT, () -> run(foreign)))
                    .as(foreign).isInstanceOf(IllegalStateException.class).hasMessageContaining("refused");
        }
        assertThatThrownBy(() -> reads.byKey("trade_order", MERCHANT, () -> run(FIND)))
                .as("an order number places trade_order").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reads.byKey("risk_counter", MERCHANT, () -> run(FIND))).isInstanceOf(IllegalArgumentException.class);
        DirectReads twoKeys = new DirectReads(sharded, new ShardingRules(2, 4).databaseAndTableSharded("merchant_buyer",
                "buyer_id,merchant_id"), production, shadows, true);
        assertThatThrownBy(() -> twoKeys.byKey("merchant_buyer", MERCHANT, () -> run(twoKeys, "SELECT * FROM merchant_buyer")))
                .as("which key places the row depends on the statement").isInstanceOf(IllegalArgumentException.class);
        assertThat(statements).isEmpty();

        run(FIND);
        assertThat(statements).as("no route left behind").containsExactly("sharded: " + FIND);
    }

    @Test
    void theSameStatementForTwoMerchantsGoesToEachOnesTable() {
        reads.byKey("trade_merchant_index", MERCHANT, () -> run(FIND));
        reads.byKey("trade_merchant_index", "M100003", () -> run(FIND)); // gene 413: ds_1, table (413 / 2) % 4 = 2
        reads.byKey("trade_merchant_index", MERCHANT, () -> run(FIND));

        assertThat(statements).containsExactly(
                "ds_0: SELECT trade_no FROM trade_merchant_index_3 WHERE merchant_id = ? AND out_trade_no = ?",
                "ds_1: SELECT trade_no FROM trade_merchant_index_2 WHERE merchant_id = ? AND out_trade_no = ?",
                "ds_0: SELECT trade_no FROM trade_merchant_index_3 WHERE merchant_id = ? AND out_trade_no = ?");
    }

    private static String randomKey(Random random) {
        StringBuilder key = new StringBuilder();
        for (int i = random.nextInt(24); i >= 0; i--) {
            key.appendCodePoint(random.nextInt(8) == 0 ? 0x80 + random.nextInt(0x3000) : 0x20 + random.nextInt(0x5f));
        }
        return key.toString();
    }

    private static Collection<String> shard(GeneShardingAlgorithm algorithm, String logicTable, String column, String value,
                                            List<String> available) {
        Map<String, Collection<Comparable<?>>> values = Map.of(column, List.of(value));
        return List.copyOf(algorithm.doSharding(available, new ComplexKeysShardingValue<>(logicTable, values, Map.of())));
    }

    private static List<String> databaseNames(int databases) {
        return IntStream.range(0, databases).mapToObj(i -> "ds_" + i).toList();
    }

    private static List<String> tableNames(String logicTable, int tables) {
        return IntStream.range(0, tables).mapToObj(i -> logicTable + "_" + i).toList();
    }

    // --- the single tables, in ds_0

    @Test
    void aSingleTablesStatementGoesToDs0AsWrittenOnEitherSide() {
        String add = "INSERT INTO risk_counter (counter_key, bucket, cnt) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE cnt = cnt + VALUES(cnt)";
        reads.onSingleTable("risk_counter", () -> run(add));
        try (var marked = ShadowContext.enter()) {
            reads.onSingleTable("risk_counter", () -> run(add));
        }
        assertThat(statements).containsExactly("ds_0: " + add, "ds_0_shadow: " + add);
    }

    @Test
    void aShardedTableOnTheSingleTablesConnectionIsRefused() {
        assertThatThrownBy(() -> reads.onSingleTable("risk_counter", () -> run("SELECT * FROM trade_order WHERE trade_no = ?")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("sharded table trade_order");
        assertThatThrownBy(() -> reads.onSingleTable("trade_order", () -> run(READ))).isInstanceOf(IllegalArgumentException.class);
        assertThat(statements).isEmpty();
    }

    // --- two pools per database: the single statements in auto-commit apart from the transactions

    @Test
    void singleStatementsTakeTheAutoCommitPoolAndPinnedTransactionsTheTransactionPoolOnEitherSide() {
        DirectReads twoPools = twoPools();

        everyKindOfRoute(twoPools);
        try (var marked = ShadowContext.enter()) {
            everyKindOfRoute(twoPools);
        }

        assertThat(statements).containsExactly(
                "ds_1-autocommit: SELECT trade_no, status FROM trade_order_3 WHERE trade_no = ?",
                "ds_0-autocommit: SELECT trade_no FROM trade_merchant_index_3 WHERE merchant_id = ? AND out_trade_no = ?",
                "ds_0-autocommit: SELECT cnt FROM risk_counter WHERE counter_key = ?",
                "ds_1: UPDATE trade_order_3 SET status = ? WHERE trade_no = ?",
                "ds_1: INSERT INTO trade_event (event_id, trade_no) VALUES (?, ?)",
                "ds_1_shadow-autocommit: SELECT trade_no, status FROM trade_order_3 WHERE trade_no = ?",
                "ds_0_shadow-autocommit: SELECT trade_no FROM trade_merchant_index_3 WHERE merchant_id = ? AND out_trade_no = ?",
                "ds_0_shadow-autocommit: SELECT cnt FROM risk_counter WHERE counter_key = ?",
                "ds_1_shadow: UPDATE trade_order_3 SET status = ? WHERE trade_no = ?",
                "ds_1_shadow: INSERT INTO trade_event (event_id, trade_no) VALUES (?, ?)");
        assertThat(ends).as("each transaction committed on its transaction pool, every connection back once").containsExactly(
                "ds_1-autocommit: close", "ds_0-autocommit: close", "ds_0-autocommit: close", "ds_1: commit", "ds_1: close",
                "ds_1_shadow-autocommit: close", "ds_0_shadow-autocommit: close", "ds_0_shadow-autocommit: close",
                "ds_1_shadow: commit", "ds_1_shadow: close");
    }

    @Test
    void withTwoPoolsEverythingElseStillGoesThroughShardingSphere() {
        DirectReads twoPools = twoPools();

        twoPools.byOrderNo("trade_order", TRADE_NO, () -> {
            run(twoPools, READ);
            run(twoPools, READ);
            return null;
        });
        transactions(twoPools).executeWithoutResult(status -> runInTransaction(twoPools, READ));
        TransactionSynchronizationManager.initSynchronization();
        twoPools.byOrderNo("trade_order", TRADE_NO, () -> run(twoPools, READ));

        assertThat(statements).containsExactly("ds_1-autocommit: SELECT trade_no, status FROM trade_order_3 WHERE trade_no = ?",
                "sharded: " + READ, "sharded: " + READ, "sharded: " + READ);
    }

    @Test
    void closingClosesShardingSphereAndTheAutoCommitPoolsItNeverSawButNotTheTransactionPoolsTwice() throws Exception {
        List<String> closed = new ArrayList<>();
        DataSource shardingSphere = closeable("sharded", closed);
        List<DataSource> transactionPools = List.of(closeable("ds_0", closed), closeable("ds_1", closed));
        List<DataSource> shadowPools = List.of(closeable("ds_0_shadow", closed), closeable("ds_1_shadow", closed));

        new DirectReads(shardingSphere, rules,
                new PhysicalPools(transactionPools, List.of(closeable("ds_0-autocommit", closed), closeable("ds_1-autocommit", closed))),
                new PhysicalPools(shadowPools, List.of(closeable("ds_0_shadow-autocommit", closed),
                        closeable("ds_1_shadow-autocommit", closed))), true, true).close();
        new DirectReads(shardingSphere, rules, transactionPools, shadowPools, true).close();

        assertThat(closed).as("ShardingSphere closes the transaction pools it was given").containsExactly(
                "sharded", "ds_0-autocommit", "ds_1-autocommit", "ds_0_shadow-autocommit", "ds_1_shadow-autocommit",
                "sharded");
    }

    @Test
    void eachDatabaseHasOnePoolOfEachKind() {
        assertThatThrownBy(() -> new PhysicalPools(production, List.of(pool("ds_0-autocommit"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one of each per database");
        assertThat(PhysicalPools.shared(production).ownAutoCommitPools()).isEmpty();
    }

    private DirectReads twoPools() {
        return new DirectReads(sharded, rules,
                new PhysicalPools(production, List.of(pool("ds_0-autocommit"), pool("ds_1-autocommit"))),
                new PhysicalPools(shadows, List.of(pool("ds_0_shadow-autocommit"), pool("ds_1_shadow-autocommit"))), true, true);
    }

    /** A read by number, a merchant index's row by merchant, a single table's statement, one trade's transaction. */
    private void everyKindOfRoute(DirectReads through) {
        through.byOrderNo("trade_order", TRADE_NO, () -> run(through, READ));
        through.byKey("trade_merchant_index", MERCHANT, () -> run(through, FIND));
        through.onSingleTable("risk_counter", () -> run(through, "SELECT cnt FROM risk_counter WHERE counter_key = ?"));
        through.onShardOf(TRADE_NO, () -> transactions(through).execute(status -> {
            runInTransaction(through, "UPDATE trade_order SET status = ? WHERE trade_no = ?");
            runInTransaction(through, "INSERT INTO trade_event (event_id, trade_no) VALUES (?, ?)");
            return null;
        }));
    }

    private static DataSource closeable(String name, List<String> closed) throws Exception {
        DataSource pool = mock(DataSource.class, withSettings().extraInterfaces(AutoCloseable.class));
        doAnswer(call -> closed.add(name)).when((AutoCloseable) pool).close();
        return pool;
    }

    private TransactionTemplate transactions() {
        return transactions(reads);
    }

    private static TransactionTemplate transactions(DirectReads through) {
        return new TransactionTemplate(new DataSourceTransactionManager(through));
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

    private void runInTransaction(String sql) {
        runInTransaction(reads, sql);
    }

    /** What MyBatis does inside a Spring transaction: the transaction's connection, released (not closed) after use. */
    private static void runInTransaction(DirectReads through, String sql) {
        Connection connection = DataSourceUtils.getConnection(through);
        try {
            connection.prepareStatement(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, through);
        }
    }

    /** A pool whose connections record, as "name: what", the SQL they prepare or execute and how they end. */
    private DataSource pool(String name) {
        DataSource pool = mock(DataSource.class);
        try {
            when(pool.getConnection()).thenAnswer(call -> connection(name));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return pool;
    }

    private Connection connection(String name) throws SQLException {
        Connection connection = mock(Connection.class);
        Answer<PreparedStatement> prepare = call -> {
            statements.add(name + ": " + call.getArgument(0));
            return mock(PreparedStatement.class);
        };
        when(connection.prepareStatement(anyString())).thenAnswer(prepare);
        when(connection.prepareStatement(anyString(), anyInt())).thenAnswer(prepare);
        Statement plain = mock(Statement.class);
        when(plain.executeUpdate(anyString())).thenAnswer(call -> {
            statements.add(name + ": " + call.getArgument(0));
            return 1;
        });
        when(connection.createStatement()).thenReturn(plain);
        when(connection.getAutoCommit()).thenReturn(true);
        doAnswer(call -> ends.add(name + ": commit")).when(connection).commit();
        doAnswer(call -> ends.add(name + ": rollback")).when(connection).rollback();
        doAnswer(call -> ends.add(name + ": close")).when(connection).close();
        return connection;
    }

    private static GeneShardingAlgorithm algorithm(String target) {
        return algorithm(target, 2, 4);
    }

    private static GeneShardingAlgorithm algorithm(String target, int databases, int tables) {
        GeneShardingAlgorithm algorithm = new GeneShardingAlgorithm();
        Properties props = new Properties();
        props.setProperty("target", target);
        props.setProperty("databases", Integer.toString(databases));
        props.setProperty("tables", Integer.toString(tables));
        algorithm.init(props);
        return algorithm;
    }
}
