package io.paysuite.cashier.ops.rules;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paysuite.cashier.ops.rules.*}: which config-center documents the console edits.
 *
 * @param routingKey the key of channel-gateway's routing rules ({@code paysuite.channel.routing.rules-key} there)
 */
@ConfigurationProperties("paysuite.cashier.ops.rules")
public record RulesProperties(@DefaultValue("channel-gateway/routing-rules") String routingKey) {
}
