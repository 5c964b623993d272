package io.paysuite.channel.infra.payout;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.event.EventType;
import io.paysuite.api.money.Money;
import io.paysuite.api.payout.PayoutPurpose;
import io.paysuite.api.payout.PayoutStatus;
import io.paysuite.channel.config.ChannelProperties;
import io.paysuite.channel.payout.Payout;
import io.paysuite.channel.payout.PayoutProperties;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;

/** PAYOUT_FINAL commits with the payout's final compare-and-set, never without it, and the check-back reads the row. */
class RocketMqPayoutResultsTest {

    final Instant now = Instant.parse("2026-12-06T14:00:00Z");
    final Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    final MyBatisPayoutRepository repository = new MyBatisPayoutRepository(new InMemoryPayoutMapper(),
            new PayoutAccountSeal("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII)));
    final List<Message> delivered = new ArrayList<>();
    final RocketMqPayoutResults results = new RocketMqPayoutResults(new ChannelProperties("127.0.0.1:1", "PAYSUITE_CHANNEL_EVENT",
            "PAYSUITE_CHANNEL_FOLLOWUP"), properties(), repository, clock) {
        @Override
        TransactionSendResult send(Message message, Attempt attempt) {
            LocalTransactionState state = executeLocalTransaction(message, attempt);
            if (state == LocalTransactionState.COMMIT_MESSAGE) {
                delivered.add(message);
            }
            TransactionSendResult result = new TransactionSendResult();
            result.setSendStatus(SendStatus.SEND_OK);
            result.setLocalTransactionState(state);
            return result;
        }
    };

    @Test
    void theFirstFinalAnswerIsAnnouncedOnceAndALaterOneNeither() {
        Payout payout = processing("PO0000001");

        assertThat(results.finish(payout, PayoutStatus.SUCCESS, "SUCCESS", "A1", now)).isTrue();
        assertThat(results.finish(payout, PayoutStatus.FAILED, "REFUND", null, now)).isFalse();

        assertThat(repository.find("PO0000001").orElseThrow().status()).isEqualTo(PayoutStatus.SUCCESS);
        assertThat(delivered).singleElement().satisfies(m -> {
            assertThat(m.getTags()).isEqualTo(EventType.PAYOUT_FINAL.tag());
            assertThat(new String(m.getBody(), StandardCharsets.UTF_8)).isEqualTo("PO0000001");
            assertThat(m.getKeys()).isEqualTo("PO0000001 SUCCESS");
        });
    }

    @Test
    void theCheckBackCommitsOnlyWhenThePayoutHasTheAnnouncedStatus() {
        processing("PO0000002");
        MessageExt unknownYet = message("PO0000002 FAILED");
        assertThat(results.checkLocalTransaction(unknownYet)).isEqualTo(LocalTransactionState.UNKNOW);

        repository.transition("PO0000002", PayoutStatus.PROCESSING, PayoutStatus.FAILED, "FAIL", null, now);
        assertThat(results.checkLocalTransaction(unknownYet)).isEqualTo(LocalTransactionState.COMMIT_MESSAGE);

        MessageExt stale = message("PO0000002 SUCCESS");
        stale.setBornTimestamp(now.minus(Duration.ofMinutes(5)).toEpochMilli());
        assertThat(results.checkLocalTransaction(stale)).isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
    }

    private Payout processing(String no) {
        Payout payout = new Payout(no, PayoutPurpose.SETTLEMENT, "M1", Money.cny(100), "6222020200001234", "Demo", null,
                PayoutStatus.PROCESSING, null, null, now, null);
        repository.insert(payout);
        return payout;
    }

    private MessageExt message(String keys) {
        MessageExt message = new MessageExt();
        message.setKeys(keys);
        message.setBornTimestamp(now.toEpochMilli());
        return message;
    }

    private static PayoutProperties properties() {
        return new PayoutProperties("PAYSUITE_PAYOUT_FOLLOWUP", List.of(Duration.ofSeconds(5)), Duration.ofMinutes(1),
                "paysuite-payout-final", Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(15), 100);
    }
}
