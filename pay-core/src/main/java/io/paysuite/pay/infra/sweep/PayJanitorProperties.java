package io.paysuite.pay.infra.sweep;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paysuite.pay.janitor.*}: the backstop of the {@code CHECK} timers.
 *
 * @param every how often each instance sweeps
 * @param age   a pay order {@code CREATED} or {@code PROCESSING} this long after it opened is recovered
 *              again; well past the first check (10 s). A QR order the buyer has not scanned stays
 *              PROCESSING until the trade expires and is asked once a round meanwhile
 * @param batch at most this many pay orders a round
 */
@ConfigurationProperties("paysuite.pay.janitor")
public record PayJanitorProperties(
        @DefaultValue("1m") Duration every,
        @DefaultValue("5m") Duration age,
        @DefaultValue("100") int batch) {

    public PayJanitorProperties {
        if (every == null || every.isNegative() || every.isZero() || age == null || age.isNegative() || age.isZero()
                || batch < 1) {
            throw new IllegalArgumentException("paysuite.pay.janitor.every, age and batch must be positive");
        }
    }
}
