package io.paysuite.kit.mq;

/**
 * How soon a message a handler could not finish comes back. RocketMQ's own backoff for a concurrent
 * consumer is delay level {@code 3 + reconsumeTimes}: 10 s, 30 s, 1 min, 2 min, 3 min … so a message
 * that failed four times while a service it calls was restarting (a killed trade-core is back in about
 * a minute on two cores) next comes back three minutes later, long after that service returned. A
 * payment code promised to end within the minute then ends minutes late.
 *
 * <p>So the first {@value #STEADY_RETRIES} retries come back every 10 s, then 30 s — about four minutes
 * of short retries, which covers a restart or two — and after that the broker's own schedule
 * continues from where it would be, so the total time before the dead-letter queue (and
 * {@link LateFollowUps}, which counts on {@value LateFollowUps#BROKER_RETRIES} retries) stays about what
 * it was: the last retries are still 1 h and 2 h apart.
 */
public final class RetryPace {

    /** Retries kept short before the broker's escalation takes over. */
    static final int STEADY_RETRIES = 8;
    /** RocketMQ's delay levels (broker {@code messageDelayLevel}): 3 = 10 s, 4 = 30 s. */
    private static final int TEN_SECONDS = 3;
    private static final int THIRTY_SECONDS = 4;
    /** "Let the broker decide" for {@code ConsumeConcurrentlyContext#setDelayLevelWhenNextConsume}. */
    static final int BROKER_DECIDES = 0;

    private RetryPace() {
    }

    /** The delay level for the next try of a message already tried {@code reconsumeTimes} times before this one. */
    public static int levelAfter(int reconsumeTimes) {
        if (reconsumeTimes < 2) {
            return TEN_SECONDS;
        }
        if (reconsumeTimes < STEADY_RETRIES) {
            return THIRTY_SECONDS;
        }
        return BROKER_DECIDES;
    }
}
