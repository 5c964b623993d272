package io.paysuite.pay.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The record binds as Spring binds it at start-up (a second constructor once kept pay-core from starting). */
class PayPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PayProperties.class)
    static class Bound {
    }

    @Test
    void defaultsAndOverridesBind() {
        new ApplicationContextRunner().withUserConfiguration(Bound.class)
                .withPropertyValues("paysuite.pay.late-check-every=30m")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    PayProperties properties = context.getBean(PayProperties.class);
                    assertThat(properties.lateCheckEvery()).isEqualTo(Duration.ofMinutes(30));
                    assertThat(properties.overdueAfter()).isEqualTo(Duration.ofDays(2));
                    assertThat(properties.checkDelay()).isEqualTo(Duration.ofSeconds(10));
                    assertThat(properties.successDelivery()).isEqualTo(PayProperties.SuccessDelivery.OUTBOX);
                    assertThat(properties.sendTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(properties.handOverToTrade()).as("the till's answer carries the trade").isTrue();
                });
    }

    @Test
    void theSuccessDeliveryIsSwitched() {
        new ApplicationContextRunner().withUserConfiguration(Bound.class)
                .withPropertyValues("paysuite.pay.success-delivery=transactional", "paysuite.pay.send-timeout=2s",
                        "paysuite.pay.hand-over-to-trade=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    PayProperties properties = context.getBean(PayProperties.class);
                    assertThat(properties.successDelivery()).isEqualTo(PayProperties.SuccessDelivery.TRANSACTIONAL);
                    assertThat(properties.sendTimeout()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(properties.handOverToTrade()).isFalse();
                });
    }
}
