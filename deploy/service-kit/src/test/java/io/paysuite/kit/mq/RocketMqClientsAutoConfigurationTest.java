package io.paysuite.kit.mq;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class RocketMqClientsAutoConfigurationTest {

    final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RocketMqClientsAutoConfiguration.class));

    @AfterEach
    void restoreDefaults() {
        ProcessClient.use(RocketMqClientsProperties.defaults());
    }

    @Test
    void theProcesssClientTakesTheServicesSettings() {
        context.withPropertyValues("paysuite.kit.rocketmq.poll-name-server=20s", "paysuite.kit.rocketmq.consume-threads=6")
                .run(started -> {
                    assertThat(started).hasNotFailed();
                    assertThat(ProcessClient.settings()).isEqualTo(new RocketMqClientsProperties(Duration.ofSeconds(20), 2, 6));
                });
    }

    @Test
    void withoutSettingsTheSmallBoxDefaultsApply() {
        context.run(started -> assertThat(ProcessClient.settings()).isEqualTo(RocketMqClientsProperties.defaults()));
    }
}
