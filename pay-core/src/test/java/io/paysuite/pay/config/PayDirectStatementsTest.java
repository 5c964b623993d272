package io.paysuite.pay.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.paysuite.kit.sharding.DirectReads;
import io.paysuite.kit.sharding.ShardingRules;
import io.paysuite.pay.infra.order.PayOrderMapper;
import io.paysuite.pay.infra.risk.RiskCounterMapper;
import io.paysuite.pay.infra.risk.RiskDecisionMapper;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.junit.jupiter.api.Test;

/**
 * pay-core's statements that skip ShardingSphere, with pay-core's own tables: each pay order statement by one number
 * is named for that number's physical table, each risk statement runs on ds_0 as written; none is refused.
 */
class PayDirectStatementsTest {

    /** Gene 519: database 519 % 2 = 1, table (519 / 2) % 4 = 3. */
    static final String PAY_ORDER_NO = "P2026112210000003000010519";

    final List<String> statements = new ArrayList<>();
    final ShardingRules rules = new ShardingConfig().payTables().tables().apply(new ShardingRules(2, 4));
    final DirectReads reads = new DirectReads(pool("sharded"), rules, List.of(pool("ds_0"), pool("ds_1")), List.of(), true);

    @Test
    void everyStatementOnOnePayOrderRunsOnItsPhysicalTable() {
        List<String> byNumber = List.of("insert", "find", "findByRequest", "transition", "planParts", "recordCoupon",
                "recordPoints");

        byNumber.forEach(name -> reads.byOrderNo("pay_order", PAY_ORDER_NO, () -> prepare(sql(PayOrderMapper.class, name))));

        assertThat(statements).hasSize(byNumber.size()).allSatisfy(sent -> assertThat(sent)
                .startsWith("ds_1: ").doesNotContainPattern("\\bpay_order\\b").contains("pay_order_3"));
        assertThat(statements.get(0)).startsWith("ds_1: INSERT INTO pay_order_3 (pay_order_no, trade_no,");
    }

    @Test
    void everyRiskStatementRunsOnDs0AsWritten() {
        List<String> sqls = new ArrayList<>();
        Function<Class<?>, List<String>> all = mapper -> Arrays.stream(mapper.getDeclaredMethods())
                .filter(m -> !m.isDefault() && !m.isSynthetic()).map(PayDirectStatementsTest::sql).toList();
        all.apply(RiskCounterMapper.class).forEach(sql -> sqls.add(reads.onSingleTable("risk_counter", () -> prepare(sql))));
        all.apply(RiskDecisionMapper.class).forEach(sql -> sqls.add(reads.onSingleTable("risk_decision", () -> prepare(sql))));

        assertThat(sqls).hasSize(6);
        assertThat(statements).containsExactlyElementsOf(sqls.stream().map(sql -> "ds_0: " + sql).toList());
    }

    private String prepare(String sql) {
        try (Connection connection = reads.getConnection()) {
            connection.prepareStatement(sql);
            return sql;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sql(Class<?> mapper, String name) {
        return sql(Arrays.stream(mapper.getMethods()).filter(m -> m.getName().equals(name)).findFirst().orElseThrow());
    }

    /** The statement text of a mapper method's annotation. */
    private static String sql(Method method) {
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
            if (annotation instanceof Delete delete) {
                return String.join("", delete.value());
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
