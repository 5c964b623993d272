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
 * @param notifyWaitsForCharge a notification of an order whose charge this process is sending waits at most this
 *                         long for the charge's answer to be settled ({@link ChargesInFlight}); then it is queried as
 *                         before. Well below the channel's patience with our notify endpoint: the sandbox's notifier
 *                         gives each delivery 5 s, and a delivery cut off is resent minutes later
 * @param chargesInFlight  how many charges {@link ChargesInFlight} holds at most; the channels' concurrency caps
 *                         ({@code paysuite.channel.isolation.max-concurrent}, 20 per channel) keep it far below this
 */
@ConfigurationProperties("paysuite.channel")
public record FollowUpProperties(
        @DefaultValue("60s") Duration closeGrace,
        @DefaultValue("5s") Duration codePollEvery,
        @DefaultValue("30s") Duration codeReverseAfter,
        @DefaultValue("2s") Duration notifyWaitsForCharge,
        @DefaultValue("1000") int chargesInFlight) {

    public FollowUpProperties {
        if (notifyWaitsForCharge.isNegative() || notifyWaitsForCharge.compareTo(MAX_NOTIFY_WAIT) > 0) {
            throw new IllegalArgumentException("paysuite.channel.notify-waits-for-charge must be 0 to " + MAX_NOTIFY_WAIT
                    + " (the channel's notify delivery times out soon after), not " + notifyWaitsForCharge);
        }
        if (chargesInFlight < 1) {
            throw new IllegalArgumentException("paysuite.channel.charges-in-flight must be positive, not " + chargesInFlight);
        }
    }

    /** The longest a notification may wait for a charge: below the sandbox notifier's 5 s per delivery, with room to answer. */
    static final Duration MAX_NOTIFY_WAIT = Duration.ofSeconds(3);

    CodeSchedule codeSchedule() {
        return new CodeSchedule(codePollEvery, codeReverseAfter);
    }
}
