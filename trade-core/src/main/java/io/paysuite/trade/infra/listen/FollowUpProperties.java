package io.paysuite.trade.infra.listen;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paysuite.follow-ups.*}: what happens to a follow-up (a refund to finish, an escrow release to
 * post) whose outcome is still unknown when the broker's own backoff (about 4 h 46 m) is used up.
 *
 * @param lateEvery    how often such a follow-up is tried again from then on (a refund to a bank card can
 *                     stay PROCESSING at the channel for days)
 * @param overdueAfter after how long since its first try every further try raises an alarm
 */
@ConfigurationProperties("paysuite.follow-ups")
public record FollowUpProperties(
        @DefaultValue("2h") Duration lateEvery,
        @DefaultValue("2d") Duration overdueAfter) {

    public FollowUpProperties {
        if (lateEvery == null || lateEvery.isNegative() || lateEvery.isZero()
                || overdueAfter == null || overdueAfter.isNegative() || overdueAfter.isZero()) {
            throw new IllegalArgumentException("paysuite.follow-ups.late-every and overdue-after must be positive");
        }
    }
}
