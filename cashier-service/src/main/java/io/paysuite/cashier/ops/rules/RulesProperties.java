package io.paysuite.cashier.ops.rules;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paysuite.cashier.ops.rules.*}: where the console reads and writes the rules it edits.
 *
 * @param zookeeper    the config center's address ({@code host:port})
 * @param routingPath  the node of channel-gateway's routing rules ({@code paysuite.channel.routing.rules-path} there)
 */
@ConfigurationProperties("paysuite.cashier.ops.rules")
public record RulesProperties(@DefaultValue("127.0.0.1:12181") String zookeeper,
                              @DefaultValue("/paysuite/config/channel-gateway/routing-rules") String routingPath) {
}
