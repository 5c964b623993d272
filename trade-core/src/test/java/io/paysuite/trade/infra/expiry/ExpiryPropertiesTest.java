package io.paysuite.trade.infra.expiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.trade.infra.sweep.JanitorProperties;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The expiry settings as Spring binds them from {@code paysuite.expiry.*}. */
class ExpiryPropertiesTest {

    private static ExpiryProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("paysuite.expiry",
                Bindable.of(ExpiryProperties.class));
    }

    @Test
    void withNothingConfiguredATimerIsArmedTenSecondsAfterCreationAndAFinalTradeRememberedTwiceThat() {
        ExpiryProperties expiry = bind(Map.of());

        assertThat(expiry.armAfter()).isEqualTo(Duration.ofSeconds(10));
        assertThat(expiry.finalRemembered()).isEqualTo(Duration.ofSeconds(20));
        assertThat(expiry.pendingArms()).isEqualTo(50_000);
        assertThat(expiry.rememberedFinal()).isEqualTo(50_000);
    }

    @Test
    void aPaymentCodeTradeWhoseArmWasLostInACrashIsStillClosedWithinTheMinute() {
        Duration paymentCodeExpiry = Duration.ofSeconds(45);

        // the arm is lost, the sweep finds the trade WAIT_PAY past its expiry
        assertThat(paymentCodeExpiry.plus(JanitorProperties.defaults().latestLostExpiryClose()))
                .isLessThanOrEqualTo(Duration.ofMinutes(1));
        assertThat(bind(Map.of()).armAfter()).as("the grace applies to it").isLessThan(paymentCodeExpiry);
    }

    @Test
    void theGraceIsConfigurableAndZeroSetsEveryTimerAtOnceAsBefore() {
        assertThat(bind(Map.of("paysuite.expiry.arm-after", "0s")).armAfter()).isZero();
        assertThat(bind(Map.of("paysuite.expiry.arm-after", "3s", "paysuite.expiry.pending-arms", "10")).pendingArms())
                .isEqualTo(10);
        assertThatThrownBy(() -> bind(Map.of("paysuite.expiry.pending-arms", "0")))
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }
}
