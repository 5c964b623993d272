package io.paysuite.trade.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.pay.PayMethod;
import io.paysuite.trade.infra.expiry.GuaranteeProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The trade settings as Spring binds them from {@code paysuite.trade.*}. */
class TradePropertiesTest {

    private static <T> T bind(Map<String, String> properties, String prefix, Class<T> type) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate(prefix, Bindable.of(type));
    }

    @Test
    void withNothingConfiguredATillsTradeHas45SecondsAndACashierTradeHalfAnHour() {
        TradeProperties trade = bind(Map.of(), "paysuite.trade", TradeProperties.class);

        assertThat(trade.defaultExpiryFor(List.of(PayMethod.ALIPAY_CODE))).isEqualTo(Duration.ofSeconds(45));
        assertThat(trade.defaultExpiryFor(List.of())).isEqualTo(Duration.ofMinutes(30));
        assertThat(trade.defaultExpiryFor(List.of(PayMethod.BALANCE, PayMethod.WECHAT_QR))).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void thePaymentCodeExpiryAndTheGuaranteePeriodAreConfigurable() {
        Map<String, String> set = Map.of("paysuite.trade.payment-code-expiry", "20s",
                "paysuite.trade.guarantee.auto-confirm-after", "P2D", "paysuite.trade.guarantee.refund-wait", "5s");

        assertThat(bind(set, "paysuite.trade", TradeProperties.class).paymentCodeExpiry()).isEqualTo(Duration.ofSeconds(20));
        assertThat(bind(set, "paysuite.trade.guarantee", GuaranteeProperties.class))
                .isEqualTo(new GuaranteeProperties(Duration.ofDays(2), Duration.ofSeconds(5)));
        assertThat(bind(Map.of(), "paysuite.trade.guarantee", GuaranteeProperties.class))
                .isEqualTo(new GuaranteeProperties(Duration.ofDays(10), Duration.ofMinutes(1)));
    }
}
