package io.paysuite.channel.isolation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-channel isolation defaults: {@code paysuite.channel.isolation.*}. The config center overrides
 * them at run time: Sentinel {@code FlowRule}/{@code DegradeRule} JSON arrays under the config-center
 * keys {@code flow-rules-key}/{@code degrade-rules-key} (resource {@code channel:WECHAT} etc.).
 *
 * @param flowRulesKey     config-center key of the channels' Sentinel flow rules
 * @param degradeRulesKey  config-center key of the channels' Sentinel degrade rules
 * @param maxConcurrent    calls in flight per channel; the sum over channels stays below Dubbo's 200 provider threads
 * @param slowCall         a call slower than this is "slow" for the slow-call breaker
 * @param slowRatio        share of slow calls that opens the breaker
 * @param errorRatio       share of unknown outcomes (timeouts, I/O, system errors) that opens the breaker
 * @param minRequests      calls in a window before a breaker may open
 * @param statInterval     the breakers' statistics window
 * @param openFor          how long an open breaker stays open before a probe may close it
 */
@ConfigurationProperties("paysuite.channel.isolation")
public record IsolationProperties(
        @DefaultValue("sentinel/channel-gateway/flow-rules") String flowRulesKey,
        @DefaultValue("sentinel/channel-gateway/degrade-rules") String degradeRulesKey,
        @DefaultValue("20") int maxConcurrent,
        @DefaultValue("2s") Duration slowCall,
        @DefaultValue("0.5") double slowRatio,
        @DefaultValue("0.5") double errorRatio,
        @DefaultValue("10") int minRequests,
        @DefaultValue("10s") Duration statInterval,
        @DefaultValue("30s") Duration openFor) {
}
