package io.paysuite.pay.infra.risk;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The risk engine's settings: {@code paysuite.risk.*}.
 *
 * @param rulesKey        the config-center key of the rule document (the kit's {@code ConfigCenter}: ZooKeeper in
 *                        the embedded run, Nacos in production, whichever the registry address names)
 * @param zone            the zone whose calendar minutes and days the velocity and daily counters use
 * @param allowSampleRate the share of ALLOW decisions written to {@code risk_decision} (0–1); REVIEW and BLOCK
 *                        are always written. 1 writes every decision: one insert per payment
 */
@ConfigurationProperties("paysuite.risk")
public record RiskProperties(
        @DefaultValue("pay-core/risk-rules") String rulesKey,
        @DefaultValue("Asia/Shanghai") String zone,
        @DefaultValue("1.0") double allowSampleRate) {
}
