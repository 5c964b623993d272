package io.paysuite.channel.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.channel.order.ChannelOrder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The current charges of several pay orders: one statement, each pay order's highest attempt, absent ones left out. */
class ChannelOrdersOfPayOrdersTest {

    static final String REROUTED = "P2026112914000001000010004";
    static final String PAID = "P2026112914000001000020004";

    final InMemoryChannelOrderMapper mapper = new InMemoryChannelOrderMapper();
    final MyBatisChannelOrderRepository repository = new MyBatisChannelOrderRepository(mapper);
    final Instant now = Instant.parse("2026-11-29T14:00:00Z");

    @Test
    void eachPayOrdersHighestAttemptIsReadForAllOfThemInOneStatement() {
        store(REROUTED, 1, ChannelCode.WECHAT, ChannelOrderStatus.SUCCESS);
        store(REROUTED, 0, ChannelCode.ALIPAY, ChannelOrderStatus.FAILED);
        store(PAID, 0, ChannelCode.ALIPAY, ChannelOrderStatus.SUCCESS);

        List<ChannelOrder> current = repository.findByPayOrders(List.of(REROUTED, "P2026112914000001000030004", PAID));

        assertThat(current).extracting(ChannelOrder::payOrderNo, ChannelOrder::attempt, ChannelOrder::channel)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(REROUTED, 1, ChannelCode.WECHAT),
                        org.assertj.core.groups.Tuple.tuple(PAID, 0, ChannelCode.ALIPAY));
        assertThat(mapper.batchReads).isEqualTo(1);
    }

    @Test
    void noPayOrdersIsNoStatement() {
        assertThat(repository.findByPayOrders(List.of())).isEmpty();
        assertThat(mapper.batchReads).isZero();
    }

    private void store(String payOrderNo, int attempt, ChannelCode channel, ChannelOrderStatus status) {
        repository.insert(new ChannelOrder(ChannelOrder.numberFor(payOrderNo, attempt), payOrderNo, "T" + payOrderNo.substring(1),
                "M1", channel, PayMethod.ALIPAY_QR, Money.cny(100), "tea", status, null, null, null, null, now.plusSeconds(900),
                now, status.isFinal() ? now : null, attempt, null));
    }
}
