package io.paysuite.channel.charge;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How open channel orders are followed up: {@code paysuite.channel.*} (the same prefix as the
 * gateway's messaging settings, which live with the messaging code).
 *
 * @param closeGrace       how long after a QR order's expiry the gateway waits before closing it at
 *                         the channel (clock skew between us and the channel)
 * @param codePollEvery    payment code: the gap between queries while the buyer confirms
 * @param codeReverseAfter payment code: an order unpaid this long after the charge is reversed
 */
@ConfigurationProperties("paysuite.channel")
public record FollowUpProperties(
        @DefaultValue("60s") Duration closeGrace,
        @DefaultValue("5s") Duration codePollEvery,
        @DefaultValue("30s") Duration codeReverseAfter) {

    CodeSchedule codeSchedule() {
        return new CodeSchedule(codePollEvery, codeReverseAfter);
    }
}
