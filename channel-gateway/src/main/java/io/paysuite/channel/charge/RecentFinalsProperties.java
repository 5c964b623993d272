package io.paysuite.channel.charge;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many final results this process remembers for the notifications that repeat them ({@link RecentFinals}):
 * {@code paysuite.channel.recent-finals.*}.
 *
 * @param size how many orders at most, the oldest forgotten first; 0 remembers none (every notification reads its
 *             order, as before). An entry is a few hundred bytes: 10 000 are a few megabytes, and at a thousand payments
 *             a second still cover ten seconds — Alipay notifies a payment-code payment as it answers the charge
 * @param keep how long an entry answers at most: the notification a result is remembered for arrives within seconds, and
 *             the channel's later resends (minutes apart) read the order as before
 */
@ConfigurationProperties("paysuite.channel.recent-finals")
public record RecentFinalsProperties(
        @DefaultValue("10000") int size,
        @DefaultValue("5m") Duration keep) {

    public RecentFinalsProperties {
        if (size < 0) {
            throw new IllegalArgumentException("paysuite.channel.recent-finals.size must be 0 or more, not " + size);
        }
        if (keep == null || keep.isNegative()) {
            throw new IllegalArgumentException("paysuite.channel.recent-finals.keep must be 0 or more, not " + keep);
        }
    }
}
