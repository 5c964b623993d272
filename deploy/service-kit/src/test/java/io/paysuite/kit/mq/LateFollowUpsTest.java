package io.paysuite.kit.mq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;

/** A consumer's decisions without a broker: backoff while it lasts, then late copies, never the dead-letter queue. */
class LateFollowUpsTest {

    final List<Message> sent = new ArrayList<>();
    Handled answer = Handled.RETRY;

    EventConsumer consumer(String copyTag) {
        LateFollowUps late = new LateFollowUps(new LateFollowUps.Plan("check", "TOPIC", copyTag, "FIRST", Duration.ofSeconds(10),
                Duration.ofHours(2), Duration.ofDays(2)), sent::add);
        return new EventConsumer(Subscription.of("group", "127.0.0.1:1", "TOPIC", "*", 1000).retries(LateFollowUps.BROKER_RETRIES),
                message -> answer, late, 0);
    }

    static MessageExt delivered(int reconsumeTimes) {
        MessageExt message = new MessageExt();
        message.setTopic("TOPIC");
        message.setTags("CHECK");
        message.setKeys("K1");
        message.setBody("K1".getBytes(StandardCharsets.UTF_8));
        message.setReconsumeTimes(reconsumeTimes);
        message.setBornTimestamp(1_764_400_000_000L);
        return message;
    }

    @Test
    void aDoneMessageIsConsumed() {
        answer = Handled.DONE;

        assertThat(consumer(null).consume(List.of(delivered(0)))).isEqualTo(ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
        assertThat(sent).isEmpty();
    }

    @Test
    void aHandlerThatThrowsIsRetried() {
        EventConsumer throwing = new EventConsumer(Subscription.of("group", "127.0.0.1:1", "TOPIC", "*", 1000), message -> {
            throw new IllegalStateException("database down");
        });

        assertThat(throwing.consume(List.of(delivered(0)))).isEqualTo(ConsumeConcurrentlyStatus.RECONSUME_LATER);
    }

    @Test
    void atTheLastButOneRetryTheMessageIsSentAgainLaterCarryingItsFirstTry() {
        assertThat(consumer(null).consume(List.of(delivered(LateFollowUps.BROKER_RETRIES - 2))))
                .isEqualTo(ConsumeConcurrentlyStatus.RECONSUME_LATER);
        assertThat(sent).isEmpty();

        long before = System.currentTimeMillis();
        assertThat(consumer(null).consume(List.of(delivered(LateFollowUps.BROKER_RETRIES - 1))))
                .isEqualTo(ConsumeConcurrentlyStatus.CONSUME_SUCCESS);

        Message copy = sent.get(0);
        assertThat(copy.getTags()).isEqualTo("CHECK");
        assertThat(copy.getKeys()).isEqualTo("K1");
        assertThat(copy.getUserProperty("FIRST")).isEqualTo(Long.toString(1_764_400_000_000L + 10_000));
        assertThat(copy.getUserProperty(LateFollowUps.ORIGINAL_TAG)).isNull();
        assertThat(copy.getDeliverTimeMs() - before).isBetween(Duration.ofHours(2).toMillis() - 1_000, Duration.ofHours(2).toMillis() + 60_000);
    }

    @Test
    void aCopyUnderItsOwnTagCarriesTheOriginalOneAndNeverRestartsTheBackoff() {
        MessageExt lateCopy = delivered(0);
        lateCopy.setTags("LATE");
        lateCopy.putUserProperty(LateFollowUps.ORIGINAL_TAG, "CHECK");
        lateCopy.putUserProperty("FIRST", "1764400000000");

        assertThat(consumer("LATE").consume(List.of(lateCopy))).isEqualTo(ConsumeConcurrentlyStatus.CONSUME_SUCCESS);

        assertThat(sent.get(0).getTags()).isEqualTo("LATE");
        assertThat(sent.get(0).getUserProperty(LateFollowUps.ORIGINAL_TAG)).isEqualTo("CHECK");
        assertThat(sent.get(0).getUserProperty("FIRST")).isEqualTo("1764400000000");
        assertThat(LateFollowUps.tagOf(lateCopy)).isEqualTo("CHECK");
    }

    @Test
    void aCopyTheBrokerDoesNotStoreLeavesTheBrokersLastRetry() {
        LateFollowUps late = new LateFollowUps(new LateFollowUps.Plan("check", "TOPIC", null, "FIRST", Duration.ZERO,
                Duration.ofHours(2), Duration.ofDays(2)), copy -> {
                    throw new IllegalStateException("broker down");
                });
        EventConsumer consumer = new EventConsumer(Subscription.of("group", "127.0.0.1:1", "TOPIC", "*", 1000), message -> Handled.RETRY,
                late, 0);

        assertThat(consumer.consume(List.of(delivered(LateFollowUps.BROKER_RETRIES - 1))))
                .isEqualTo(ConsumeConcurrentlyStatus.RECONSUME_LATER);
    }
}
