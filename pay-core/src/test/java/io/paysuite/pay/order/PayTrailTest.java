package io.paysuite.pay.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.api.trail.TrailEventDTO;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Collection;
import org.junit.jupiter.api.Test;

class PayTrailTest {

    static final String TRADE_NO = "T2026112210000003000000519";
    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    final List<PayOrder> stored = new ArrayList<>();
    final PayTrail trail = new PayTrail(new PayOrderRepository() {
        @Override
        public boolean insert(PayOrder order) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<PayOrder> find(String payOrderNo) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<PayOrder> findByRequest(String tradeNo, String requestNo) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<PayOrder> findByTrade(String tradeNo) {
            return stored.stream().filter(o -> o.tradeNo().equals(tradeNo)).toList();
        }

        @Override
        public List<PayOrder> findByTrades(java.util.Collection<String> tradeNos) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void markAnnounced(Collection<String> payOrderNos, Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean transition(String payOrderNo, PayOrderStatus from, PayOrderStatus to, String failCode, String channel,
                                  Instant at) {
            throw new UnsupportedOperationException();
        }
    });

    @Test
    void aFailedAttemptThenASuccessfulOneReadOldestFirst() {
        stored.add(order("P2026112210000003000010519", PayOrderStatus.FAILED, T0, T0.plusSeconds(1), "INSUFFICIENT_BALANCE"));
        stored.add(order("P2026112210000003000020519", PayOrderStatus.SUCCESS, T0.plusSeconds(5), T0.plusSeconds(6), null));

        List<TrailEventDTO> steps = trail.trail(TRADE_NO);

        assertThat(steps).extracting(TrailEventDTO::type).containsExactly(
                "PAY_ORDER_OPENED", "PAY_ORDER_FAILED", "PAY_ORDER_OPENED", "PAY_ORDER_SUCCESS");
        assertThat(steps).extracting(TrailEventDTO::source).containsOnly("pay-core");
        assertThat(steps.get(1).reference()).isEqualTo("P2026112210000003000010519");
        assertThat(steps.get(1).detail()).isEqualTo("BALANCE 1000 CNY, buyer 10000000007, fail_code INSUFFICIENT_BALANCE");
        assertThat(steps.get(3).at()).isEqualTo(T0.plusSeconds(6));
        assertThat(steps.get(3).detail()).isEqualTo("BALANCE 1000 CNY, buyer 10000000007");
    }

    @Test
    void anUnfinishedPayOrderShowsOnlyItsOpening() {
        stored.add(order("P2026112210000003000030519", PayOrderStatus.PROCESSING, T0, null, null));

        assertThat(trail.trail(TRADE_NO)).extracting(TrailEventDTO::type).containsExactly("PAY_ORDER_OPENED");
    }

    @Test
    void aTradeWithoutPayOrdersAndANonTradeNumberHaveAnEmptyTrail() {
        assertThat(trail.trail(TRADE_NO)).isEmpty();
        assertThat(trail.trail("not-a-trade")).isEmpty();
        assertThat(trail.trail(null)).isEmpty();
    }

    private static PayOrder order(String no, PayOrderStatus status, Instant created, Instant finished, String failCode) {
        return new PayOrder(no, TRADE_NO, "REQ-" + no.substring(20), "digest", "10000000007", "M1", PayMethod.BALANCE,
                status, Money.cny(1000), created, finished == null ? created : finished, finished, 1, failCode, null);
    }
}
