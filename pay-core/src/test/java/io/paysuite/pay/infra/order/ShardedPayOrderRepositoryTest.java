package io.paysuite.pay.infra.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.kit.state.StateTable;
import io.paysuite.kit.state.StateTableCheck;
import io.paysuite.pay.order.PayOrder;
import io.paysuite.pay.order.PayOrderTransitions;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.ibatis.annotations.Update;
import org.junit.jupiter.api.Test;

class ShardedPayOrderRepositoryTest {

    static final String NO = "P2026112210000003000010519";
    static final Instant AT = Instant.parse("2026-11-22T10:00:03.123Z");

    final PayOrderMapper mapper = mock(PayOrderMapper.class);
    final ShardedPayOrderRepository orders = new ShardedPayOrderRepository(mapper);

    @Test
    void aPayOrderIsReadByItsNumberOrItsTradesOnTheRouteOfThatNumber() {
        java.util.List<String> routed = new java.util.ArrayList<>();
        ShardedPayOrderRepository direct = new ShardedPayOrderRepository(mapper, new io.paysuite.kit.sharding.ShardReads() {
            @Override
            public <T> T byOrderNo(String logicTable, String orderNo, java.util.function.Supplier<T> read) {
                routed.add(logicTable + " " + orderNo);
                return read.get();
            }
        });
        assertThat(direct.find(NO)).isEmpty();
        assertThat(direct.findByRequest("T2026112210000003000010519", "REQ-1")).isEmpty();
        assertThat(routed).containsExactly("pay_order " + NO, "pay_order T2026112210000003000010519");
    }

    @Test
    void theInsertTheCompareAndSetsAndThePartsOfOnePayOrderRunOnTheRouteOfItsNumber() {
        List<String> routed = new java.util.ArrayList<>();
        ShardedPayOrderRepository direct = new ShardedPayOrderRepository(mapper, new io.paysuite.kit.sharding.ShardReads() {
            @Override
            public <T> T byOrderNo(String logicTable, String orderNo, java.util.function.Supplier<T> statement) {
                routed.add(logicTable + " " + orderNo);
                return statement.get();
            }
        });
        when(mapper.insert(any())).thenReturn(1);
        when(mapper.transition(any(), any(), any(), any(), any(), any())).thenReturn(1);
        when(mapper.planParts(any(), any(), org.mockito.ArgumentMatchers.anyBoolean())).thenReturn(1);
        PayOrder created = new PayOrder(NO, "T2026112210000003000010519", "REQ-000001", "digest", "10000000007", "M100001",
                PayMethod.BANK_CARD, PayOrderStatus.CREATED, Money.cny(1000), AT, AT, null, 0, null, null);

        assertThat(direct.insert(created)).isTrue();
        assertThat(direct.transition(NO, PayOrderStatus.CREATED, PayOrderStatus.PROCESSING, null, null, AT)).isTrue();
        assertThat(direct.plan(NO, "C1", true)).isTrue();
        direct.recordCoupon(NO, "5 off", 500, io.paysuite.api.promotion.FundedBy.MERCHANT);
        direct.recordPoints(NO, 100, 100);

        assertThat(routed).hasSize(5).containsOnly("pay_order " + NO);
        verify(mapper).insert(any());
        verify(mapper).recordPoints(NO, 100, 100);
    }

    @Test
    void theSuccessCompareAndSetCarriesTheChannel() {
        when(mapper.transition(any(), any(), any(), any(), any(), any())).thenReturn(1);

        assertThat(orders.transition(NO, PayOrderStatus.PROCESSING, PayOrderStatus.SUCCESS, null, "UNIONPAY", AT)).isTrue();

        verify(mapper).transition(eq(NO), eq("PROCESSING"), eq("SUCCESS"), eq(null), eq("UNIONPAY"),
                eq(ShardedPayOrderRepository.utc(AT)));
    }

    @Test
    void aChannelOrFailCodeBesideTheWrongStatusIsRefusedBeforeAnyWrite() {
        assertThatThrownBy(() -> orders.transition(NO, PayOrderStatus.PROCESSING, PayOrderStatus.FAILED, null, "UNIONPAY", AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> orders.transition(NO, PayOrderStatus.PROCESSING, PayOrderStatus.SUCCESS, "UNIONPAY", null, AT))
                .isInstanceOf(IllegalArgumentException.class);
        verifyNoInteractions(mapper);
    }

    @Test
    void onlyTheStatusCompareAndSetWritesTheChannel() throws NoSuchMethodException {
        Method[] updates = Arrays.stream(PayOrderMapper.class.getMethods())
                .filter(m -> m.isAnnotationPresent(Update.class)).toArray(Method[]::new);

        assertThat(updates).extracting(Method::getName).contains("transition");
        for (Method other : updates) {
            if (!other.getName().equals("transition")) {
                String set = String.join("", other.getAnnotation(Update.class).value()).split("WHERE")[0];
                assertThat(set).as(other.getName()).doesNotContain("channel").doesNotContain("status");
            }
        }
        String sql = String.join("", PayOrderMapper.class.getMethod("transition", String.class, String.class, String.class,
                String.class, String.class, java.time.LocalDateTime.class).getAnnotation(Update.class).value());
        assertThat(sql).contains("status = #{to}", "channel = #{channel}", "WHERE pay_order_no = #{payOrderNo} AND status = #{from}");
    }

    @Test
    void thePayOrdersOfSeveralTradesAreOneStatementNotOnePerTrade() {
        PayOrder paid = new PayOrder(NO, "T2026112210000003000000519", "REQ-000001", "digest", "10000000007", "M100001",
                PayMethod.BANK_CARD, PayOrderStatus.SUCCESS, Money.cny(1000), AT, AT, AT, 2, null, "UNIONPAY");
        List<String> tradeNos = List.of("T2026112210000003000000519", "T2026112210000003000000007");
        when(mapper.findByTrades(tradeNos)).thenReturn(List.of(ShardedPayOrderRepository.toRow(paid)));

        assertThat(orders.findByTrades(tradeNos)).containsExactly(paid);
        assertThat(orders.findByTrades(List.of())).isEmpty();

        verify(mapper).findByTrades(tradeNos);
        verifyNoMoreInteractions(mapper);
    }

    @Test
    void theChannelSurvivesTheRow() {
        PayOrder paid = new PayOrder(NO, "T2026112210000003000000519", "REQ-000001", "digest", "10000000007", "M100001",
                PayMethod.BANK_CARD, PayOrderStatus.SUCCESS, Money.cny(1000), AT, AT, AT, 2, null, "UNIONPAY");

        assertThat(ShardedPayOrderRepository.toOrder(ShardedPayOrderRepository.toRow(paid))).isEqualTo(paid);
    }

    @Test
    void theCompareAndSetMovesExactlyThePairsInTheTable() {
        InMemoryPayOrderMapper rows = new InMemoryPayOrderMapper();
        ShardedPayOrderRepository stored = new ShardedPayOrderRepository(rows);
        int[] next = {0};

        List<String> wrong = StateTableCheck.everyPair(PayOrderTransitions.TABLE,
                from -> storedIn(stored, from, ++next[0]),
                (order, to) -> stored.transition(order.payOrderNo(), order.status(), to,
                        to == PayOrderStatus.FAILED ? "CHANNEL_DECLINED" : null,
                        to == PayOrderStatus.SUCCESS ? "UNIONPAY" : null, AT.plusSeconds(1)),
                order -> stored.find(order.payOrderNo()).orElseThrow().status());

        assertThat(wrong).isEmpty();
    }

    @Test
    void manyAnnouncedMarksAreOneStatementThroughShardingSphereNotOnePerPayOrder() {
        List<String> routed = new java.util.ArrayList<>();
        ShardedPayOrderRepository direct = new ShardedPayOrderRepository(mapper, new io.paysuite.kit.sharding.ShardReads() {
            @Override
            public <T> T byOrderNo(String logicTable, String orderNo, java.util.function.Supplier<T> statement) {
                routed.add(orderNo);
                return statement.get();
            }
        });
        List<String> numbers = List.of(NO, "P2026112210000003000010520", "P2026112210000003000010521");

        direct.markAnnounced(numbers, AT);
        direct.markAnnounced(List.of(), AT);

        assertThat(routed).as("ShardingSphere routes the IN list: one UPDATE per physical table it names").isEmpty();
        verify(mapper).markAnnounced(numbers, java.time.LocalDateTime.parse("2026-11-22T10:00:03.123"));
        verifyNoMoreInteractions(mapper);
    }

    @Test
    void theAnnouncedMarkIsWrittenOnceOnSuccessesOnlyAndReadBack() throws NoSuchMethodException {
        InMemoryPayOrderMapper rows = new InMemoryPayOrderMapper();
        ShardedPayOrderRepository stored = new ShardedPayOrderRepository(rows);
        PayOrder paid = storedIn(stored, PayOrderStatus.SUCCESS, 1);
        PayOrder paying = storedIn(stored, PayOrderStatus.PROCESSING, 2);

        stored.markAnnounced(List.of(paid.payOrderNo(), paying.payOrderNo()), AT.plusSeconds(1));
        stored.markAnnounced(List.of(paid.payOrderNo()), AT.plusSeconds(2));

        assertThat(stored.find(paid.payOrderNo()).orElseThrow().announcedAt()).as("the first mark stays")
                .isEqualTo(AT.plusSeconds(1));
        assertThat(stored.find(paying.payOrderNo()).orElseThrow().announcedAt()).isNull();
        assertThat(stored.find(paid.payOrderNo()).orElseThrow().version()).as("delivery, not a change of the order")
                .isEqualTo(paid.version());
        String sql = String.join(" ", PayOrderMapper.class.getMethod("markAnnounced", java.util.Collection.class,
                java.time.LocalDateTime.class).getAnnotation(Update.class).value());
        assertThat(sql).contains("WHERE pay_order_no IN", "AND status = 'SUCCESS' AND announced_at IS NULL")
                .doesNotContain("version", "updated_at");
        assertThat(PayOrderMapper.COLUMNS).contains("announced_at");
    }

    @Test
    void aChangeOutsideTheTableIsRefusedBeforeAnyWrite() {
        assertThatThrownBy(() -> orders.transition(NO, PayOrderStatus.FAILED, PayOrderStatus.PROCESSING, null, null, AT))
                .isInstanceOf(StateTable.IllegalTransitionException.class)
                .hasMessage("ALARM: pay order transition FAILED -> PROCESSING is not in the table");
        assertThatThrownBy(() -> orders.transition(NO, PayOrderStatus.CREATED, PayOrderStatus.SUCCESS, null, "UNIONPAY", AT))
                .isInstanceOf(StateTable.IllegalTransitionException.class);
        verifyNoInteractions(mapper);
    }

    @Test
    void onlySuccessAndFailedAreFinalAndTheApiEnumAgrees() {
        for (PayOrderStatus status : PayOrderStatus.values()) {
            assertThat(PayOrderTransitions.TABLE.isFinal(status)).as(status.name()).isEqualTo(status.isFinal());
        }
        // refused before money moved, and the start of an attempt, are both ways out of CREATED
        assertThat(PayOrderTransitions.TABLE.next(PayOrderStatus.CREATED))
                .containsExactlyInAnyOrder(PayOrderStatus.PROCESSING, PayOrderStatus.FAILED);
        assertThat(PayOrderTransitions.TABLE.next(PayOrderStatus.PROCESSING))
                .containsExactlyInAnyOrder(PayOrderStatus.SUCCESS, PayOrderStatus.FAILED);
    }

    private static PayOrder storedIn(ShardedPayOrderRepository stored, PayOrderStatus status, int n) {
        PayOrder order = new PayOrder("P20261122100000030000%05d".formatted(n), "T2026112210000003000000519",
                "REQ-%06d".formatted(n), "digest", "10000000007", "M100001", PayMethod.BANK_CARD, status, Money.cny(1000),
                AT, AT, status.isFinal() ? AT : null, 0, status == PayOrderStatus.FAILED ? "CHANNEL_DECLINED" : null,
                status == PayOrderStatus.SUCCESS ? "UNIONPAY" : null);
        assertThat(stored.insert(order)).isTrue();
        return order;
    }
}
