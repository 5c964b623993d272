package io.paysuite.pay.infra.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.OpenPayOrderCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.pay.order.InMemoryPayOrders;
import io.paysuite.pay.order.PayOrder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RocketMqPaySuccessTest {

    static final String PAY_ORDER_NO = "P2026112210000003000010519";
    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    final Clock clock = Clock.fixed(T0.plusSeconds(3), ZoneOffset.UTC);
    final InMemoryPayOrders orders = new InMemoryPayOrders();
    final InProcessPaySuccess events = new InProcessPaySuccess(orders, clock);

    @Test
    void theChannelGoesIntoTheSuccessCompareAndSetAndIntoPaySucceeded() {
        PayOrder order = processing();

        PayOrder answered = events.succeed(order, "UNIONPAY").orElseThrow();

        PayOrder paid = orders.find(PAY_ORDER_NO).orElseThrow();
        assertThat(answered).as("the row as the compare-and-set left it, known without reading it back").isEqualTo(paid);
        assertThat(paid.status()).isEqualTo(PayOrderStatus.SUCCESS);
        assertThat(paid.channel()).isEqualTo("UNIONPAY");
        assertThat(orders.writes()).extracting(InMemoryPayOrders.Write::channel).containsExactly(null, "UNIONPAY");
        JsonNode event = InProcessPaySuccess.body(events.delivered().get(0));
        assertThat(event.get("channel").asText()).isEqualTo("UNIONPAY");
        assertThat(event.get("status").asText()).isEqualTo("SUCCESS");
        assertThat(Instant.parse(event.get("finished_at").asText())).isEqualTo(paid.finishedAt());
    }

    @Test
    void aPayOrderNoLongerProcessingGetsNeitherTheChannelNorAnEvent() {
        PayOrder order = processing();
        orders.transition(PAY_ORDER_NO, PayOrderStatus.PROCESSING, PayOrderStatus.FAILED, "CHANNEL_DECLINED", null, T0);

        assertThat(events.succeed(order, "UNIONPAY")).isEmpty();

        assertThat(orders.find(PAY_ORDER_NO).orElseThrow().channel()).isNull();
        assertThat(events.delivered()).isEmpty();
    }

    private PayOrder processing() {
        PayOrder created = PayOrder.open(PAY_ORDER_NO, new OpenPayOrderCmd("T2026112210000003000000519", "10000000007",
                "M100001", PayMethod.BANK_CARD, Money.cny(1000), "REQ-000001"), "digest", T0);
        orders.insert(created);
        orders.transition(PAY_ORDER_NO, PayOrderStatus.CREATED, PayOrderStatus.PROCESSING, null, null, T0);
        return orders.find(PAY_ORDER_NO).orElseThrow();
    }
}
