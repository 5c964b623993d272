package io.paysuite.trade.infra.event;

import io.paysuite.api.ids.OrderNo;
import io.paysuite.trade.order.TradeEventDraft;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TradeEventMessagesTest {

    private final OrderNo ids = new OrderNo(Clock.systemUTC(), 3);

    @Test
    void aMessageCarriesTheEventTypeAsTagBothNumbersAsKeysAndTheEventIdAsProperty() {
        String tradeNo = ids.next(OrderNo.Kind.TRADE, 42);
        String eventId = ids.next(OrderNo.Kind.EVENT, 42);
        TradeEventDraft draft = new TradeEventDraft(eventId, tradeNo, "TRADE_CREATED", "{\"amount\":\"12.30\"}");

        Message message = RocketMqTradeEvents.toMessage(draft, "PAYSUITE_TRADE_EVENT");

        assertThat(message.getTopic()).isEqualTo("PAYSUITE_TRADE_EVENT");
        assertThat(message.getTags()).isEqualTo("TRADE_CREATED");
        assertThat(message.getKeys().split(" ")).containsExactly(tradeNo, eventId);
        assertThat(message.getUserProperty("eventId")).isEqualTo(eventId);
        assertThat(new String(message.getBody(), StandardCharsets.UTF_8)).isEqualTo("{\"amount\":\"12.30\"}");
    }

    @Test
    void anEventThatWouldLandInAnotherDatabaseThanItsTradeIsRefused() {
        String tradeNo = ids.next(OrderNo.Kind.TRADE, 42);
        String eventId = ids.next(OrderNo.Kind.EVENT, 43);

        assertThatThrownBy(() -> new TradeEventDraft(eventId, tradeNo, "TRADE_CREATED", "{}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shard gene");
    }

    @Test
    void theGracePeriodMustOutlastTheLocalTransactionTimeout() {
        TradeEventsProperties defaults = TradeEventsProperties.defaults();

        assertThatThrownBy(() -> new TradeEventsProperties(defaults.namesrv(), defaults.topic(), defaults.producerGroup(),
                defaults.sendTimeout(), Duration.ofSeconds(10), Duration.ofSeconds(10), defaults.delivery(),
                defaults.relayInterval(), defaults.relayAfter(), defaults.chaos()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("grace-period");
        assertThat(defaults.chaos().haltAfterLocalCommit()).isFalse();
    }
}
