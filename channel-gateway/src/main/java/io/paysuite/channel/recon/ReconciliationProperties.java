package io.paysuite.channel.recon;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paysuite.reconciliation.*}: when the gateway reconciles on its own, and when a bill day counts as closed.
 *
 * @param cron       when the daily job reconciles yesterday's bill of every configured channel (Spring cron, in
 *                   {@code zone}); the channels publish a day's bill in the morning after it
 * @param zone       the channels' day (Beijing time)
 * @param closeGrace how long after a bill day's end it counts as closed: only then is a record of ours that the bill
 *                   lacks asked about at the channel (before, the channel may simply not have listed it yet)
 * @param currency   the currency the channels settle in
 */
@ConfigurationProperties("paysuite.reconciliation")
public record ReconciliationProperties(
        @DefaultValue("0 30 10 * * *") String cron,
        @DefaultValue("Asia/Shanghai") String zone,
        @DefaultValue("2h") Duration closeGrace,
        @DefaultValue("CNY") String currency) {
}
