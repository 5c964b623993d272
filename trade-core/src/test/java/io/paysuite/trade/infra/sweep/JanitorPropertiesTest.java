package io.paysuite.trade.infra.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.trade.order.TradeProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JanitorPropertiesTest {

    @Test
    void anEventAgeInsideTheBrokersCheckBackBudgetIsRefused() {
        assertThatThrownBy(() -> new JanitorProperties(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(10),
                Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofSeconds(10), 100, Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("event-age");
    }

    @Test
    void aPaymentCodeTradeWhoseExpiryTimerWasLostIsStillClosedWithinTheMinute() {
        Duration latest = TradeProperties.PAYMENT_CODE_EXPIRY.plus(JanitorProperties.defaults().latestLostExpiryClose());

        assertThat(latest).isLessThan(Duration.ofMinutes(1));
    }
}
