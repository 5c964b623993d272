package io.paysuite.it.sharding;

import io.paysuite.it.MerchantSink;
import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.common.Result;
import io.paysuite.api.ids.ShardGene;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.OpenPayOrderCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeType;
import io.paysuite.deploy.infra.DatabaseServer;
import io.paysuite.it.SuiteHarness;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Orders of buyers whose IDs fall in each of the 8 shard positions are written through the
 * services, then found by reading the physical tables directly: each row is in exactly the one
 * table its shard gene names, and in no other.
 */
class ShardPlacementIT {

    private static final int DATABASES = 2;
    private static final int TABLES = 4;

    private final DatabaseServer db = SuiteHarness.suite().infra().database();
    private final TradeService trades = SuiteHarness.reference(TradeService.class, null);
    private final PayService pays = SuiteHarness.reference(PayService.class, null);

    @Test
    void everyTradeAndPayOrderLiesInTheTableItsBuyersGeneNames() throws SQLException {
        // 1024 * 9_765_625 = 10^10, so base + g has gene g; a random multiple keeps reruns apart
        long base = 1024L * (9_765_625L + ThreadLocalRandom.current().nextInt(1, 1_000_000));
        String merchant = "M_SHARD_" + Long.toString(base, 36);
        List<TradeDTO> created = new ArrayList<>();
        for (int position = 0; position < DATABASES * TABLES; position++) {
            int gene = position * 129; // spread over the gene range; gene % 8 == position, one per physical table
            String buyer = Long.toString(base + gene);
            assertThat(ShardGene.ofUserId(buyer)).isEqualTo(gene);

            Result<TradeDTO> trade = trades.create(new CreateTradeCmd(merchant, "placement-" + position, TradeType.INSTANT,
                    Money.cny(100 + position), "placement " + position, buyer, MerchantSink.notifyUrl(), null, null,
                    Instant.now().plus(30, ChronoUnit.MINUTES)));
            assertThat(trade.success()).as("create %s: %s", position, trade.message()).isTrue();
            assertThat(ShardGene.ofOrderNo(trade.data().tradeNo())).isEqualTo(gene);
            created.add(trade.data());
        }

        for (TradeDTO trade : created) {
            int gene = ShardGene.ofOrderNo(trade.tradeNo());
            String home = "paysuite_trade_" + ShardGene.database(gene, DATABASES) + ".trade_order_" + ShardGene.table(gene, DATABASES, TABLES);
            assertThat(tablesHolding("paysuite_trade_", "trade_order_", "trade_no", trade.tradeNo())).containsExactly(home);
            // and the service finds it again by its number alone
            assertThat(trades.get(TradeByNoQry.internal(trade.tradeNo())).data().outTradeNo()).isEqualTo(trade.outTradeNo());

            Result<PayOrderDTO> pay = pays.open(new OpenPayOrderCmd(trade.tradeNo(), trade.buyerId(), trade.merchantId(),
                    PayMethod.BALANCE, trade.amount(), "attempt-1"));
            assertThat(pay.success()).as("open pay order: %s", pay.message()).isTrue();
            String payHome = "paysuite_pay_" + ShardGene.database(gene, DATABASES) + ".pay_order_" + ShardGene.table(gene, DATABASES, TABLES);
            assertThat(tablesHolding("paysuite_pay_", "pay_order_", "pay_order_no", pay.data().payOrderNo())).containsExactly(payHome);
        }
        // all 8 physical trade tables received a row
        assertThat(created.stream().map(t -> ShardGene.ofOrderNo(t.tradeNo()) % 8).distinct()).hasSize(8);
    }

    /** Every physical table (database.table) that holds a row with this key. */
    private List<String> tablesHolding(String databasePrefix, String tablePrefix, String keyColumn, String key) throws SQLException {
        List<String> found = new ArrayList<>();
        for (int d = 0; d < DATABASES; d++) {
            String database = databasePrefix + d;
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(database), db.username(), db.password())) {
                for (int t = 0; t < TABLES; t++) {
                    String table = tablePrefix + t;
                    try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE " + keyColumn + " = ?")) {
                        ps.setString(1, key);
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            for (int i = 0; i < rs.getInt(1); i++) {
                                found.add(database + "." + table);
                            }
                        }
                    }
                }
            }
        }
        return found;
    }
}
