package io.paysuite.trade.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.paysuite.kit.sharding.DirectReads;
import io.paysuite.kit.sharding.ShardingRules;
import io.paysuite.trade.infra.event.TradeEventMapper;
import io.paysuite.trade.infra.order.MerchantIndexMapper;
import io.paysuite.trade.infra.order.TradeMapper;
import io.paysuite.trade.infra.refund.RefundMapper;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.junit.jupiter.api.Test;

/**
 * The statements trade changes and the creation of a trade run in their transaction, pinned to the trade's shard
 * ({@code TradeChanges}, {@code TradeCreator}) with trade-core's own tables: each is named for the trade's physical
 * tables, and a merchant index's is refused.
 */
class TradeShardPinTest {

    /** Gene 7: database 7 % 2 = 1, tables of index (7 / 2) % 4 = 3. */
    static final String TRADE_NO = "T2026120714000001000010007";

    final List<String> statements = new ArrayList<>();
    final ShardingRules rules = new ShardingConfig().tradeTables().tables().apply(new ShardingRules(2, 4));
    final DirectReads reads = new DirectReads(pool("sharded"), rules, List.of(pool("ds_0"), pool("ds_1")), List.of(), true);

    @Test
    void everyStatementOfATradeChangeRunsOnTheTradesPhysicalTables() {
        List<Method> changes = List.of(
                // TradePayments, TradeCloser, TradeConfirmer, PreAuthorisations, RefundCreator, RefundCompletion
                method(TradeMapper.class, "lock"), method(TradeMapper.class, "transition"),
                method(TradeMapper.class, "beginPay"), method(TradeMapper.class, "abandonPay"),
                method(TradeMapper.class, "markPaid"), method(TradeMapper.class, "endAuthorisation"),
                // TradePayments from the trade as this instance wrote it (WrittenTrades)
                method(TradeMapper.class, "beginPayAtVersion"), method(TradeMapper.class, "markPaidAtVersion"),
                method(TradeMapper.class, "addRefunded"),
                // TradeCreator: the trade's insert beside its TRADE_CREATED event
                method(TradeMapper.class, "insert"),
                method(RefundMapper.class, "insert"), method(RefundMapper.class, "finish"),
                // the event row beside each change (RocketMqTradeEvents)
                method(TradeEventMapper.class, "insert"), method(TradeEventMapper.class, "insertPublished"));

        changes.forEach(method -> pinned(sql(method)));

        assertThat(statements).hasSize(changes.size()).allSatisfy(sent -> assertThat(sent)
                .startsWith("ds_1: ")
                .doesNotContainPattern("\\b(trade_order|refund_order)\\b")
                .containsPattern("\\b(trade_order_3|refund_order_3|trade_event)\\b"));
        assertThat(statements.get(1)).startsWith("ds_1: UPDATE trade_order_3 SET status = #{to}");
    }

    @Test
    void aStatementOnAMerchantIndexIsRefusedOnTheTradesShard() {
        for (Method method : List.of(method(MerchantIndexMapper.class, "insert"), method(MerchantIndexMapper.class, "find"),
                method(RefundMapper.class, "claim"), method(RefundMapper.class, "findClaim"))) {
            assertThatThrownBy(() -> pinned(sql(method))).as(method.getName()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("merchant_index");
        }
        assertThat(statements).isEmpty();
    }

    private void pinned(String sql) {
        reads.onShardOf(TRADE_NO, () -> {
            try (Connection connection = reads.getConnection()) {
                return connection.prepareStatement(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static Method method(Class<?> mapper, String name) {
        return Arrays.stream(mapper.getMethods()).filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
    }

    /** The statement text of a mapper method's annotation. */
    static String sql(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            if (annotation instanceof Select select) {
                return String.join("", select.value());
            }
            if (annotation instanceof Insert insert) {
                return String.join("", insert.value());
            }
            if (annotation instanceof Update update) {
                return String.join("", update.value());
            }
        }
        throw new IllegalArgumentException(method + " has no statement");
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
}
