package io.paysuite.channel.routing;

import io.paysuite.kit.routing.RoutingRule;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paysuite.channel.routing.*}.
 *
 * @param rulesKey            the config-center key of the {@link RoutingRule} JSON array
 * @param failurePenaltyMinor what a channel's failure rate costs in the ranking: a channel failing
 *                            every call ranks as if its fee were this much higher (fen)
 */
@ConfigurationProperties("paysuite.channel.routing")
public record RoutingProperties(
        @DefaultValue("channel-gateway/routing-rules") String rulesKey,
        @DefaultValue("1000") long failurePenaltyMinor) {
}
