package io.paysuite.pay.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.api.pay.PayOrdersOfTradesQry;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The pay orders of several trades: one read, by trade in the order asked, each trade's oldest first. */
class PayOrderFinderTest {

    static final String TRADE_A = "T2026112210000003000000519";
    static final String TRADE_B = "T2026112210000003000000007";
    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    final InMemoryPayOrders orders = new InMemoryPayOrders();
    final PayOrderFinder finder = new PayOrderFinder(orders);

    @Test
    void thePayOrdersOfSeveralTradesAreOneReadByTradeAskedThenOldestFirst() {
        store("P2026112210000003000030519", TRADE_A, PayOrderStatus.SUCCESS, T0.plusSeconds(5));
        store("P2026112210000003000010007", TRADE_B, PayOrderStatus.SUCCESS, T0.plusSeconds(1));
        store("P2026112210000003000020519", TRADE_A, PayOrderStatus.FAILED, T0);
        store("P2026112210000003000040003", "T2026112210000003000000003", PayOrderStatus.SUCCESS, T0);

        List<PayOrderDTO> found = finder.ofTrades(new PayOrdersOfTradesQry(List.of(TRADE_A, TRADE_B, TRADE_A)));

        assertThat(found).extracting(PayOrderDTO::payOrderNo).containsExactly(
                "P2026112210000003000020519", "P2026112210000003000030519", "P2026112210000003000010007");
        assertThat(found.get(2)).isEqualTo(finder.get("P2026112210000003000010007"));
        assertThat(orders.reads()).isEqualTo(1);
    }

    @Test
    void aTradeWithoutPayOrdersOrANumberThatCannotBeATradesHasNoneInTheAnswer() {
        store("P2026112210000003000010007", TRADE_B, PayOrderStatus.SUCCESS, T0);

        List<PayOrderDTO> found = finder.ofTrades(new PayOrdersOfTradesQry(List.of(TRADE_A, "T2026112210000003999991024",
                "nope", TRADE_B)));

        assertThat(found).extracting(PayOrderDTO::tradeNo).containsExactly(TRADE_B);
        assertThat(finder.ofTrades(new PayOrdersOfTradesQry(List.of("nope")))).isEmpty();
        assertThat(orders.reads()).as("no read for numbers none of which can be a trade's").isEqualTo(1);
    }

    @Test
    void moreTradesThanTheBoundOrNoListAreRefusedAndReadNothing() {
        List<String> tooMany = IntStream.rangeClosed(0, PayOrdersOfTradesQry.MAX_TRADES)
                .mapToObj("T20261122100000030000%05d"::formatted).toList();

        assertThatThrownBy(() -> finder.ofTrades(new PayOrdersOfTradesQry(tooMany)))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PARAM_ERROR));
        assertThatThrownBy(() -> finder.ofTrades(new PayOrdersOfTradesQry(null)))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PARAM_ERROR));
        assertThat(orders.reads()).isZero();
    }

    private void store(String payOrderNo, String tradeNo, PayOrderStatus status, Instant createdAt) {
        assertThat(orders.insert(new PayOrder(payOrderNo, tradeNo, "REQ-" + payOrderNo.substring(17), "digest", "10000000007",
                "M100001", PayMethod.BALANCE, status, Money.cny(1000), createdAt, createdAt, createdAt, 1,
                status == PayOrderStatus.FAILED ? "INSUFFICIENT_BALANCE" : null, null))).isTrue();
    }
}
