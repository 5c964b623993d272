package io.paysuite.example;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paysuite.example.*}: where the local run keeps its demo data and what the walkthrough does.
 * The registry is Dubbo's own setting, {@code dubbo.registry.address} (application.yml).
 *
 * @param runDir      the local run's data directory, {@code .paysuite/} under the directory
 *                    {@code bin/run-local} was started from: {@code demo-merchant.json} and
 *                    {@code demo-buyers.json} are read from it
 * @param buyerPhone  which demo buyer pays (the first one by default)
 * @param amount      the trade's amount in minor units (fen)
 * @param refund      the part of it refunded, in minor units; less than {@code amount}
 * @param outTradeNo  the merchant order number; null: a fresh one per run. Running again with the same
 *                    one answers the same trade (create is idempotent on it)
 * @param notifyUrl   where trade-core sends the merchant notifications of this trade (http only in the
 *                    local run)
 * @param finalWithin how long to keep asking for a final state before giving up (the order stays as it is:
 *                    giving up on waiting is not a failure of the payment)
 * @param askEvery    the pause between two questions while waiting
 */
@ConfigurationProperties("paysuite.example")
public record ExampleProperties(
        @DefaultValue(".paysuite") Path runDir,
        @DefaultValue("13800000001") String buyerPhone,
        @DefaultValue("1280") long amount,
        @DefaultValue("480") long refund,
        String outTradeNo,
        @DefaultValue("http://127.0.0.1:9999/notify") String notifyUrl,
        @DefaultValue("60s") Duration finalWithin,
        @DefaultValue("500ms") Duration askEvery) {
}
