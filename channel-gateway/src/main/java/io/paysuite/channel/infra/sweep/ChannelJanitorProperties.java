package io.paysuite.channel.infra.sweep;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paysuite.channel.janitor.*}: the backstop of the {@code FOLLOW_UP} timers.
 *
 * @param every how often each instance sweeps
 * @param age   a channel order not final this long after it was created is followed up again; well past a
 *              payment code's reversal (30 s). An unscanned QR order is asked once a round until it closes
 * @param batch at most this many orders a round
 */
@ConfigurationProperties("paysuite.channel.janitor")
public record ChannelJanitorProperties(
        @DefaultValue("1m") Duration every,
        @DefaultValue("10m") Duration age,
        @DefaultValue("100") int batch) {

    public ChannelJanitorProperties {
        if (every == null || every.isNegative() || every.isZero() || age == null || age.isNegative() || age.isZero()
                || batch < 1) {
            throw new IllegalArgumentException("paysuite.channel.janitor.every, age and batch must be positive");
        }
    }
}
