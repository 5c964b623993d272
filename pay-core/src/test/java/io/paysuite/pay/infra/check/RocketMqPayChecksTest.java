package io.paysuite.pay.infra.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.paysuite.kit.mq.LateFollowUps;
import io.paysuite.pay.infra.PayProperties;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.OpenPayOrderCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.pay.order.PayOrchestrator;
import io.paysuite.pay.order.PayOrder;
import io.paysuite.pay.order.PayOrderRepository;
import io.paysuite.pay.order.PendingCheck;
import java.time.Instant;
import java.util.Optional;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;

/**
 * The check consumer's decisions without a broker: the broker's backoff while it lasts, then late checks every
 * {@code late-check-every} that carry the first check's time — never the dead-letter queue for an unfinished order.
 */
class RocketMqPayChecksTest {

    static final String PAY_ORDER = "P2026112914000001000010004";

    final PayOrchestrator orchestrator = mock(PayOrchestrator.class);
    final PayOrderRepository orders = mock(PayOrderRepository.class);
    final List<Message> sent = new ArrayList<>();
    final PayProperties properties = new PayProperties("127.0.0.1:1", "PAYSUITE_PAY_EVENT", "paysuite-pay-tx", "PAYSUITE_PAY_CHECK",
            Duration.ofSeconds(10), Duration.ofSeconds(60), "PAYSUITE_CHANNEL_EVENT", Duration.ofHours(2), Duration.ofDays(2),
            Duration.ofSeconds(5), Duration.ofSeconds(60), PayProperties.SuccessDelivery.OUTBOX, Duration.ofSeconds(3), true);
    final RocketMqPayChecks checks = newChecks();

    RocketMqPayChecks newChecks() {
        return new RocketMqPayChecks(properties, orchestrator, orders) {
            @Override
            void send(Message check) {
                sent.add(check);
            }
        };
    }

    static MessageExt check(int reconsumeTimes, String firstCheckAt) {
        MessageExt message = new MessageExt();
        message.setBody(PAY_ORDER.getBytes(StandardCharsets.UTF_8));
        message.setReconsumeTimes(reconsumeTimes);
        message.setBornTimestamp(System.currentTimeMillis() - 5 * 3_600_000L);
        if (firstCheckAt != null) {
            message.putUserProperty(RocketMqPayChecks.FIRST_CHECK_AT, firstCheckAt);
        }
        return message;
    }

    @Test
    void aFinishedOrderEndsItsChecks() {
        when(orchestrator.recover(PAY_ORDER)).thenReturn(true);

        assertThat(checks.handle(List.of(check(3, null)))).isEqualTo(ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
        assertThat(sent).isEmpty();
    }

    @Test
    void whileTheBrokersBackoffLastsItIsUsed() {
        when(orchestrator.recover(PAY_ORDER)).thenReturn(false);

        assertThat(checks.handle(List.of(check(LateFollowUps.BROKER_RETRIES - 2, null))))
                .isEqualTo(ConsumeConcurrentlyStatus.RECONSUME_LATER);
        assertThat(sent).isEmpty();
    }

    @Test
    void beforeTheBrokersLastRetryAnUnfinishedOrderGetsALateCheckInsteadOfTheDeadLetterQueue() {
        when(orchestrator.recover(PAY_ORDER)).thenReturn(false);
        MessageExt last = check(LateFollowUps.BROKER_RETRIES - 1, null);
        long before = System.currentTimeMillis();

        assertThat(checks.handle(List.of(last))).isEqualTo(ConsumeConcurrentlyStatus.CONSUME_SUCCESS);

        assertThat(sent).hasSize(1);
        Message late = sent.get(0);
        assertThat(new String(late.getBody(), StandardCharsets.UTF_8)).isEqualTo(PAY_ORDER);
        assertThat(late.getDeliverTimeMs() - before).isBetween(Duration.ofHours(2).toMillis() - 1_000, Duration.ofHours(2).toMillis() + 60_000);
        assertThat(late.getUserProperty(RocketMqPayChecks.FIRST_CHECK_AT))
                .isEqualTo(Long.toString(last.getBornTimestamp() + Duration.ofSeconds(10).toMillis()));
    }

    @Test
    void aLateCheckNeverRestartsTheBackoffAndKeepsTheFirstChecksTime() {
        when(orchestrator.recover(PAY_ORDER)).thenThrow(new IllegalStateException("ledger not answering"));

        assertThat(checks.handle(List.of(check(0, "1764400000000")))).isEqualTo(ConsumeConcurrentlyStatus.CONSUME_SUCCESS);

        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getUserProperty(RocketMqPayChecks.FIRST_CHECK_AT)).isEqualTo("1764400000000");
    }

    @Test
    void aLateCheckThatCannotBeStoredLeavesTheBrokersRetry() {
        when(orchestrator.recover(PAY_ORDER)).thenReturn(false);
        RocketMqPayChecks brokerDown = new RocketMqPayChecks(properties, orchestrator, orders) {
            @Override
            void send(Message check) {
                throw new IllegalStateException("broker down");
            }
        };

        assertThat(brokerDown.handle(List.of(check(LateFollowUps.BROKER_RETRIES - 1, null))))
                .isEqualTo(ConsumeConcurrentlyStatus.RECONSUME_LATER);
    }

    static PayOrder order(PayMethod method, Instant createdAt) {
        return PayOrder.open(PAY_ORDER, new OpenPayOrderCmd("T1", "B1", "M1", method, Money.cny(100), "R1"), "d", createdAt);
    }

    static long inSeconds(Message check) {
        return Math.round((check.getDeliverTimeMs() - System.currentTimeMillis()) / 1000.0);
    }

    @Test
    void aPaymentCodeOrdersFirstCheckComesAfterFiveSecondsAndAQrOrdersAfterTen() {
        checks.schedule(order(PayMethod.ALIPAY_CODE, Instant.now()));
        checks.schedule(order(PayMethod.ALIPAY_QR, Instant.now()));

        assertThat(sent).hasSize(2);
        assertThat(inSeconds(sent.get(0))).isEqualTo(5);
        assertThat(inSeconds(sent.get(1))).isEqualTo(10);
    }

    @Test
    void theFirstCheckStartedWithoutWaitingIsTheSameTimerAndTheBrokersAnswerSettlesIt() {
        List<Runnable> storedCallbacks = new ArrayList<>();
        List<Consumer<RuntimeException>> notStoredCallbacks = new ArrayList<>();
        RocketMqPayChecks asynchronous = new RocketMqPayChecks(properties, orchestrator, orders) {
            @Override
            void send(Message check) {
                throw new AssertionError("the first check is sent without waiting");
            }

            @Override
            void sendThen(Message check, Runnable stored, Consumer<RuntimeException> notStored) {
                sent.add(check);
                storedCallbacks.add(stored);
                notStoredCallbacks.add(notStored);
            }
        };

        PendingCheck code = asynchronous.start(order(PayMethod.ALIPAY_CODE, Instant.now()));
        PendingCheck qr = asynchronous.start(order(PayMethod.ALIPAY_QR, Instant.now()));

        assertThat(sent).hasSize(2);
        assertThat(new String(sent.get(0).getBody(), StandardCharsets.UTF_8)).isEqualTo(PAY_ORDER);
        assertThat(inSeconds(sent.get(0))).isEqualTo(5);
        assertThat(inSeconds(sent.get(1))).isEqualTo(10);
        storedCallbacks.get(0).run();
        code.awaitStored();
        notStoredCallbacks.get(1).accept(new IllegalStateException("broker down"));
        assertThatThrownBy(qr::awaitStored).isInstanceOf(IllegalStateException.class).hasMessageContaining("broker down");
    }

    @Test
    void aFirstCheckWithoutTheBrokersAnswerWithinTheSendTimeoutIsNotStored() {
        PayProperties impatient = new PayProperties("127.0.0.1:1", "PAYSUITE_PAY_EVENT", "paysuite-pay-tx", "PAYSUITE_PAY_CHECK",
                Duration.ofSeconds(10), Duration.ofSeconds(60), "PAYSUITE_CHANNEL_EVENT", Duration.ofHours(2), Duration.ofDays(2),
                Duration.ofSeconds(5), Duration.ofSeconds(60), PayProperties.SuccessDelivery.OUTBOX, Duration.ofMillis(20), true);
        RocketMqPayChecks silent = new RocketMqPayChecks(impatient, orchestrator, orders) {
            @Override
            void sendThen(Message check, Runnable stored, Consumer<RuntimeException> notStored) {
                sent.add(check); // no answer
            }
        };

        PendingCheck check = silent.start(order(PayMethod.ALIPAY_CODE, Instant.now()));

        assertThatThrownBy(check::awaitStored).isInstanceOf(IllegalStateException.class).hasMessageContaining("no answer");
    }

    @Test
    void aYoungPaymentCodeOrderThatIsNotFinalIsCheckedAgainInFiveSecondsInsteadOfAtTheBackoff() {
        when(orchestrator.recover(PAY_ORDER)).thenReturn(false);
        when(orders.find(PAY_ORDER)).thenReturn(Optional.of(order(PayMethod.WECHAT_CODE, Instant.now().minusSeconds(20))));

        assertThat(checks.handle(List.of(check(2, null)))).isEqualTo(ConsumeConcurrentlyStatus.CONSUME_SUCCESS);

        assertThat(sent).hasSize(1);
        assertThat(new String(sent.get(0).getBody(), StandardCharsets.UTF_8)).isEqualTo(PAY_ORDER);
        assertThat(inSeconds(sent.get(0))).isEqualTo(5);
    }

    @Test
    void aYoungPaymentCodeOrderWhoseCheckFailedOnADownServiceIsPacedToo() {
        when(orchestrator.recover(PAY_ORDER)).thenThrow(new IllegalStateException("channel-gateway not answering"));
        when(orders.find(PAY_ORDER)).thenReturn(Optional.of(order(PayMethod.ALIPAY_CODE, Instant.now().minusSeconds(40))));

        assertThat(checks.handle(List.of(check(0, null)))).isEqualTo(ConsumeConcurrentlyStatus.CONSUME_SUCCESS);

        assertThat(sent).hasSize(1);
        assertThat(inSeconds(sent.get(0))).isEqualTo(5);
    }

    @Test
    void aPaymentCodeOrderPastItsMinuteGoesBackToTheBrokersBackoff() {
        when(orchestrator.recover(PAY_ORDER)).thenReturn(false);
        when(orders.find(PAY_ORDER)).thenReturn(Optional.of(order(PayMethod.ALIPAY_CODE, Instant.now().minusSeconds(61))));

        assertThat(checks.handle(List.of(check(0, null)))).isEqualTo(ConsumeConcurrentlyStatus.RECONSUME_LATER);
        assertThat(sent).isEmpty();
    }

    @Test
    void aQrOrderKeepsTheBrokersBackoff() {
        when(orchestrator.recover(PAY_ORDER)).thenReturn(false);
        when(orders.find(PAY_ORDER)).thenReturn(Optional.of(order(PayMethod.ALIPAY_QR, Instant.now().minusSeconds(5))));

        assertThat(checks.handle(List.of(check(0, null)))).isEqualTo(ConsumeConcurrentlyStatus.RECONSUME_LATER);
        assertThat(sent).isEmpty();
    }
}
