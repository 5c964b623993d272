package io.paysuite.pay.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ids.OrderNo;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.OpenPayOrderCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayOrderStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Collection;
import org.junit.jupiter.api.Test;

class PayOrderOpenerTest {

    static final String TRADE_NO = "T2026112210000003000000519";

    final Map<String, PayOrder> byNo = new HashMap<>();
    final PayOrderRepository orders = new PayOrderRepository() {
        @Override
        public boolean insert(PayOrder order) {
            if (findByRequest(order.tradeNo(), order.requestNo()).isPresent()) {
                return false; // UNIQUE (trade_no, request_no)
            }
            return byNo.putIfAbsent(order.payOrderNo(), order) == null;
        }

        @Override
        public Optional<PayOrder> find(String payOrderNo) {
            return Optional.ofNullable(byNo.get(payOrderNo));
        }

        @Override
        public Optional<PayOrder> findByRequest(String tradeNo, String requestNo) {
            return byNo.values().stream()
                    .filter(o -> o.tradeNo().equals(tradeNo) && o.requestNo().equals(requestNo)).findFirst();
        }

        @Override
        public java.util.List<PayOrder> findByTrade(String tradeNo) {
            return byNo.values().stream().filter(o -> o.tradeNo().equals(tradeNo))
                    .sorted(java.util.Comparator.comparing(PayOrder::createdAt).thenComparing(PayOrder::payOrderNo))
                    .toList();
        }

        @Override
        public java.util.List<PayOrder> findByTrades(java.util.Collection<String> tradeNos) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void markAnnounced(Collection<String> payOrderNos, Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean transition(String payOrderNo, PayOrderStatus from, PayOrderStatus to, String failCode, String channel,
                                  Instant at) {
            throw new UnsupportedOperationException("opening never changes state");
        }
    };
    final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    final PayOrderOpener opener = new PayOrderOpener(orders, new OrderNo(clock, 3), clock);
    final PayOrderFinder finder = new PayOrderFinder(orders);

    @Test
    void aPayOrderCarriesItsTradesGene() {
        PayOrderDTO order = opener.open(cmd("REQ-000001", 100));

        assertThat(order.payOrderNo()).startsWith("P").hasSize(26).endsWith("0519");
        assertThat(order.status()).isEqualTo(PayOrderStatus.CREATED);
        assertThat(finder.get(order.payOrderNo())).isEqualTo(order);
    }

    @Test
    void repeatedOpenWithSameRequestNoReturnsTheFirstPayOrder() {
        PayOrderDTO first = opener.open(cmd("REQ-000002", 100));

        assertThat(opener.open(cmd("REQ-000002", 100))).isEqualTo(first);
        assertThat(byNo).hasSize(1);
    }

    @Test
    void sameRequestNoWithDifferentContentIsRefused() {
        opener.open(cmd("REQ-000003", 100));

        assertThatThrownBy(() -> opener.open(cmd("REQ-000003", 101)))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REQUEST_NO_USED));
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndWritesNothing() {
        assertParamError(new OpenPayOrderCmd("T123", "10000000007", "M100001", PayMethod.BALANCE, Money.cny(1), "REQ-000004"), "trade_no");
        assertParamError(new OpenPayOrderCmd(TRADE_NO, "10000000007", "M100001", PayMethod.BALANCE, Money.cny(0), "REQ-000004"), "amount");
        assertParamError(new OpenPayOrderCmd(TRADE_NO, "10000000007", "M100001", null, Money.cny(1), "REQ-000004"), "method");
        assertParamError(new OpenPayOrderCmd(TRADE_NO, "10000000007", "M100001", PayMethod.BALANCE, Money.cny(1), "r"), "request_no");

        assertThat(byNo).isEmpty();
    }

    @Test
    void anUnknownOrMalformedPayOrderNumberIsNotFound() {
        assertThatThrownBy(() -> finder.get("P2026112210000003000000519"))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PAY_ORDER_NOT_FOUND));
        assertThatThrownBy(() -> finder.get("P-nonsense"))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PAY_ORDER_NOT_FOUND));
    }

    private void assertParamError(OpenPayOrderCmd cmd, String field) {
        assertThatThrownBy(() -> opener.open(cmd)).isInstanceOfSatisfying(BizException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.PARAM_ERROR);
            assertThat(e.getMessage()).startsWith(field + " ");
        });
    }

    static OpenPayOrderCmd cmd(String requestNo, long amount) {
        return new OpenPayOrderCmd(TRADE_NO, "10000000007", "M100001", PayMethod.BALANCE, Money.cny(amount), requestNo);
    }
}
