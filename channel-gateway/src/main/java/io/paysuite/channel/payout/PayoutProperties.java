package io.paysuite.channel.payout;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Payouts: {@code paysuite.channel.payout.*}.
 *
 * @param followUpTopic   the payouts' own delayed "ask again" messages (the broker creates the topic on first use)
 * @param followUps       the delays of the follow-up queries after a send, attempt 1 first; once they are used up
 *                        the janitor asks about a payout still {@code PROCESSING} every round
 * @param notFoundGrace   how long after it was created a payout the channel does not know is still taken as "not
 *                        registered yet" rather than lost; Alipay asks merchants not to conclude anything from
 *                        {@code ORDER_NOT_EXIST} right after a transfer whose answer they did not get. Past it, the
 *                        transfer is sent again under the same number, which the channel answers with the first
 *                        transfer if it did arrive — never a second payment
 * @param producerGroup   the transactional producer group of {@code PAYOUT_FINAL}, shared by every instance
 * @param checkGrace      how long a {@code PAYOUT_FINAL} whose state change did not commit may still be committing
 * @param sweepEvery      how often each instance's janitor looks for payouts in flight too long
 * @param sweepAge        a payout still {@code PROCESSING} this long after it was created is asked about again
 * @param sweepBatch      at most this many payouts a round
 */
@ConfigurationProperties("paysuite.channel.payout")
public record PayoutProperties(
        @DefaultValue("PAYSUITE_PAYOUT_FOLLOWUP") String followUpTopic,
        @DefaultValue({"5s", "15s", "30s", "1m", "2m", "5m", "10m", "30m"}) List<Duration> followUps,
        @DefaultValue("1m") Duration notFoundGrace,
        @DefaultValue("paysuite-payout-final") String producerGroup,
        @DefaultValue("1m") Duration checkGrace,
        @DefaultValue("1m") Duration sweepEvery,
        @DefaultValue("15m") Duration sweepAge,
        @DefaultValue("100") int sweepBatch) {

    public PayoutProperties {
        followUps = List.copyOf(followUps);
        if (followUps.isEmpty() || followUps.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("paysuite.channel.payout.follow-ups must be positive durations");
        }
        if (notFoundGrace.isNegative() || sweepEvery.isNegative() || sweepEvery.isZero() || sweepAge.isNegative()
                || sweepAge.isZero() || sweepBatch < 1) {
            throw new IllegalArgumentException("paysuite.channel.payout: not-found-grace, sweep-every, sweep-age, sweep-batch");
        }
    }

    /** The delay before follow-up {@code attempt} (from 1), or null when the timers are used up. */
    public Duration delayOf(int attempt) {
        return attempt >= 1 && attempt <= followUps.size() ? followUps.get(attempt - 1) : null;
    }
}
