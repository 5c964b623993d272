package io.paysuite.trade.infra.listen;

import io.paysuite.api.event.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where pay-core publishes {@code PAY_SUCCEEDED}: pay-core's own setting, {@code paysuite.pay.topic},
 * read here under the same name and with the same default, so that renaming the topic means setting
 * one key for both services.
 */
@ConfigurationProperties("paysuite.pay")
public record PayEventsTopic(@DefaultValue(Topics.PAY_EVENT) String topic) {

    public PayEventsTopic {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("paysuite.pay.topic is required");
        }
    }
}
