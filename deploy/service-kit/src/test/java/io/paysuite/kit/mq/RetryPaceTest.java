package io.paysuite.kit.mq;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RetryPaceTest {

    /** RocketMQ's broker delay levels in seconds, level 1 first. */
    private static final int[] LEVEL_SECONDS = {1, 5, 10, 30, 60, 120, 180, 240, 300, 360, 420, 480, 540, 600, 1200, 1800, 3600, 7200};

    private static int secondsBefore(int reconsumeTimes) {
        int level = RetryPace.levelAfter(reconsumeTimes);
        int effective = level == RetryPace.BROKER_DECIDES ? Math.min(3 + reconsumeTimes, LEVEL_SECONDS.length) : level;
        return LEVEL_SECONDS[effective - 1];
    }

    @Test
    void theFirstRetriesComeBackWithinHalfAMinuteSoAServiceBackFromARestartIsUsedAtOnce() {
        int elapsed = 0;
        for (int tries = 0; tries < RetryPace.STEADY_RETRIES; tries++) {
            assertThat(secondsBefore(tries)).isLessThanOrEqualTo(30);
            elapsed += secondsBefore(tries);
        }
        assertThat(elapsed).as("short retries cover a restart or two").isGreaterThanOrEqualTo(180);
    }

    @Test
    void laterRetriesAreTheBrokersOwnSoTheTimeBeforeTheDeadLetterQueueStaysHours() {
        assertThat(RetryPace.levelAfter(RetryPace.STEADY_RETRIES)).isEqualTo(RetryPace.BROKER_DECIDES);
        int total = 0;
        for (int tries = 0; tries < LateFollowUps.BROKER_RETRIES; tries++) {
            total += secondsBefore(tries);
        }
        assertThat(total).as("seconds before the dead-letter queue").isGreaterThan(4 * 3600);
    }
}
