package io.paysuite.pay.infra.check;

import io.paysuite.api.event.EventType;
import io.paysuite.api.event.PayCheckDue;
import io.paysuite.kit.mq.EventCodec;
import io.paysuite.kit.mq.EventConsumer;
import io.paysuite.kit.mq.Handled;
import io.paysuite.kit.mq.LateFollowUps;
import io.paysuite.kit.mq.MessageProducer;
import io.paysuite.kit.mq.RocketMqAdapter;
import io.paysuite.kit.mq.Subscription;
import io.paysuite.pay.infra.PayProperties;
import io.paysuite.pay.order.CodeCheckPace;
import io.paysuite.pay.order.PayChecks;
import io.paysuite.pay.order.PayOrchestrator;
import io.paysuite.pay.order.PayOrder;
import io.paysuite.pay.order.PayOrderRepository;
import io.paysuite.pay.order.PendingCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * {@link PayChecks} as the kit's durable timers, and their consumer. When the check fires and the pay
 * order is still not final, {@link PayOrchestrator#recover} finishes it; if it cannot yet (the ledger
 * or trade-core is not answering) the check comes back with the broker's backoff (10 s, 30 s, 1 min …
 * 2 h). The consumer group is shared by all pay-core instances, so a check set by an instance that
 * died is handled by another, or by it after its restart. A check that finds the pay order {@code SUCCESS} makes
 * sure its {@code PAY_SUCCEEDED} was sent (again, from the row, unless this process saw it stored): these timers are
 * the relay of the pay order row as {@code PAY_SUCCEEDED}'s outbox, and their pace bounds how late a lost
 * announcement comes.
 *
 * <p>A pay order is never left in the dead-letter queue: once the broker's backoff is used up the kit's
 * {@link LateFollowUps} sets a new check {@code late-check-every} later, carrying when the first check
 * fired ({@value #FIRST_CHECK_AT}), and so on until the order is final — an unscanned QR order with a
 * long expiry, a channel that answers days late. Past {@code overdue-after} every late check raises an
 * alarm; reconciliation has the last word.
 *
 * <p>A young payment-code order is paced instead ({@link CodeCheckPace}): its first check comes sooner and,
 * while it is not final, each check sets the next one a few seconds later as a new timer rather than
 * waiting for the broker's backoff, so a till's trade ends soon after a crashed service is back.
 */
@Component
public class RocketMqPayChecks extends RocketMqAdapter implements PayChecks {

    private static final Logger log = LoggerFactory.getLogger(RocketMqPayChecks.class);
    /** Epoch millis of the pay order's first check, carried by late checks. */
    static final String FIRST_CHECK_AT = "PAYSUITE_FIRST_CHECK_AT";

    private final PayProperties properties;
    private final PayOrchestrator orchestrator;
    private final PayOrderRepository orders;
    private final CodeCheckPace codePace;
    private final MessageProducer producer;
    private final EventConsumer consumer;

    public RocketMqPayChecks(PayProperties properties, @Lazy PayOrchestrator orchestrator, PayOrderRepository orders) {
        super(SmartLifecycle.DEFAULT_PHASE);
        this.properties = properties;
        this.orchestrator = orchestrator;
        this.orders = orders;
        this.codePace = properties.codeCheckPace();
        producer = runs(new MessageProducer("paysuite-pay-check-timer", properties.namesrv(), null));
        LateFollowUps late = new LateFollowUps(new LateFollowUps.Plan("pay order check", properties.checkTopic(), null,
                FIRST_CHECK_AT, properties.checkDelay(), properties.lateCheckEvery(), properties.overdueAfter()), this::send);
        consumer = runs(new EventConsumer(Subscription.of("paysuite-pay-check", properties.namesrv(), properties.checkTopic(), "*",
                10_000).retries(LateFollowUps.BROKER_RETRIES), this::check, late, DEFAULT_PHASE));
    }

    @Override
    public void schedule(PayOrder order) {
        send(firstCheck(order));
    }

    /**
     * The first check on the client's asynchronous path: the broker's answer completes the pending check, awaited
     * at most {@code paysuite.pay.send-timeout} (3 s, the client's own default send timeout too); no answer by then
     * counts as not stored.
     */
    @Override
    public PendingCheck start(PayOrder order) {
        PendingCheck check = PendingCheck.sending(properties.sendTimeout());
        try {
            sendThen(firstCheck(order), check::stored, check::notStored);
        } catch (RuntimeException notSent) {
            check.notStored(notSent); // the kit answers through the callback; this is only for a message not even built
        }
        return check;
    }

    private Message firstCheck(PayOrder order) {
        Instant now = Instant.now();
        Duration first = codePace.next(order.method(), order.createdAt(), now).orElse(properties.checkDelay());
        return checkAt(order.payOrderNo(), now.plus(first));
    }

    private Message checkAt(String payOrderNo, Instant at) {
        Message check = EventCodec.message(properties.checkTopic(), EventType.PAY_CHECK, new PayCheckDue(payOrderNo));
        check.setKeys(payOrderNo);
        return MessageProducer.timer(check, at);
    }

    /** Stores a check at the broker; throws when it may not be stored. */
    void send(Message check) {
        producer.send(check);
    }

    /** Sends a check without waiting; exactly one of the callbacks runs when the broker answers. */
    void sendThen(Message check, Runnable stored, Consumer<RuntimeException> notStored) {
        producer.sendThen(check, stored, notStored);
    }

    private Handled check(MessageExt message) {
        String payOrderNo = EventCodec.decode(EventType.PAY_CHECK, message).payOrderNo();
        Optional<Duration> pace = Optional.empty();
        try {
            if (orchestrator.recover(payOrderNo)) {
                return Handled.DONE;
            }
            pace = paceOf(payOrderNo);
        } catch (RuntimeException notYet) {
            pace = paceOf(payOrderNo);
            if (pace.isEmpty()) {
                throw notYet;
            }
            log.info("pay order {} check could not finish it yet: {}", payOrderNo, notYet.toString());
        }
        if (pace.isPresent() && nextPacedCheck(payOrderNo, pace.get())) {
            return Handled.DONE;
        }
        log.info("pay order {} not final yet at check {}", payOrderNo, message.getReconsumeTimes());
        return Handled.RETRY;
    }

    private Optional<Duration> paceOf(String payOrderNo) {
        try {
            return orders.find(payOrderNo).flatMap(order -> codePace.next(order.method(), order.createdAt(), Instant.now()));
        } catch (RuntimeException databaseDown) {
            return Optional.empty();
        }
    }

    /** The next paced check as a new timer; false when it cannot be stored (then the broker's retry stands). */
    private boolean nextPacedCheck(String payOrderNo, Duration in) {
        try {
            send(checkAt(payOrderNo, Instant.now().plus(in)));
            return true;
        } catch (RuntimeException brokerDown) {
            log.warn("paced check of pay order {} not stored, the broker's retry stands: {}", payOrderNo, brokerDown.toString());
            return false;
        }
    }

    ConsumeConcurrentlyStatus handle(List<MessageExt> messages) {
        return consumer.consume(messages);
    }

}
