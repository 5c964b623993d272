package io.paysuite.pay.infra.risk;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The risk engine's settings: {@code paysuite.risk.*}.
 *
 * @param zookeeper       the config center holding the rule document ({@code host:port}; a {@code zookeeper://}
 *                        prefix is dropped: application.yml gives the Dubbo registry's address as is, a
 *                        {@code nacos://} one (or blank) means no ZooKeeper, hence no rules)
 * @param rulesPath       the node holding the rule document
 * @param zone            the zone whose calendar minutes and days the velocity and daily counters use
 * @param allowSampleRate the share of ALLOW decisions written to {@code risk_decision} (0–1); REVIEW and BLOCK
 *                        are always written. 1 writes every decision: one insert per payment
 */
@ConfigurationProperties("paysuite.risk")
public record RiskProperties(
        @DefaultValue("") String zookeeper,
        @DefaultValue("/paysuite/rules/risk") String rulesPath,
        @DefaultValue("Asia/Shanghai") String zone,
        @DefaultValue("1.0") double allowSampleRate) {

    public String zookeeperConnect() {
        String address = zookeeper == null ? "" : zookeeper.strip();
        if (address.startsWith("zookeeper://")) {
            address = address.substring("zookeeper://".length());
        } else if (address.contains("://")) {
            return "";
        }
        int query = address.indexOf('?');
        return query < 0 ? address : address.substring(0, query);
    }
}
