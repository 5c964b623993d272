package io.paysuite.channel.infra.payout;

import io.paysuite.api.event.EventType;
import io.paysuite.api.event.PayoutFinal;
import io.paysuite.api.payout.PayoutStatus;
import io.paysuite.channel.config.ChannelProperties;
import io.paysuite.channel.payout.Payout;
import io.paysuite.channel.payout.PayoutProperties;
import io.paysuite.channel.payout.PayoutRepository;
import io.paysuite.channel.payout.PayoutResults;
import io.paysuite.kit.mq.CheckBack;
import io.paysuite.kit.mq.EventCodec;
import io.paysuite.kit.mq.RocketMqAdapter;
import io.paysuite.kit.mq.TransactionalProducer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@link PayoutResults} as a transactional message of the kit's {@link TransactionalProducer}
 * ({@code PAYOUT_FINAL} on {@code paysuite.channel.result-topic}, key body the payout number, the
 * final status as the second key). The local transaction is the payout's single compare-and-set
 * UPDATE, so the payout row is its own outbox: the check-back ({@link CheckBack}) counts a message
 * committed when the payout has the status the message's keys name. Unlike {@code CHANNEL_ORDER_FINAL}
 * — a best-effort nudge behind pay-core's own checks — this is how accounting-service learns that
 * money left or must go back to its owner, so it is never lost and never announced for nothing.
 */
@Component
public class RocketMqPayoutResults extends RocketMqAdapter implements PayoutResults, TransactionListener {

    private static final Logger log = LoggerFactory.getLogger(RocketMqPayoutResults.class);

    private final ChannelProperties channel;
    private final PayoutRepository payouts;
    private final CheckBack checkBack;
    private final TransactionalProducer producer;

    public RocketMqPayoutResults(ChannelProperties channel, PayoutProperties properties, PayoutRepository payouts, Clock clock) {
        super(0); // started early, stopped late: after Dubbo stops handing us calls, before the DataSource closes
        this.channel = channel;
        this.payouts = payouts;
        this.checkBack = new CheckBack(EventType.PAYOUT_FINAL.tag(), this::committed, properties.checkGrace(), clock);
        this.producer = runs(new TransactionalProducer(new TransactionalProducer.Settings(properties.producerGroup(),
                channel.namesrv(), channel.resultTopic(), null, 0), this));
    }

    /** What the local transaction writes. */
    record Attempt(Payout payout, PayoutStatus to, String rawCode, String channelPayoutNo, Instant at) {
    }

    @Override
    public boolean finish(Payout payout, PayoutStatus to, String rawCode, String channelPayoutNo, Instant at) {
        Message message = EventCodec.message(channel.resultTopic(), EventType.PAYOUT_FINAL, new PayoutFinal(payout.payoutNo()));
        message.setKeys(List.of(payout.payoutNo(), to.name()));
        TransactionSendResult sent;
        try {
            sent = send(message, new Attempt(payout, to, rawCode, channelPayoutNo, at));
        } catch (MQClientException e) {
            throw new IllegalStateException("cannot send PAYOUT_FINAL of " + payout.payoutNo() + "; nothing changed", e);
        }
        return switch (sent.getLocalTransactionState()) {
            case COMMIT_MESSAGE -> true;
            case ROLLBACK_MESSAGE -> false;
            // the update's commit threw: whether it stuck is read back, and the broker asks later
            default -> payouts.find(payout.payoutNo()).map(p -> p.status() == to).orElse(false);
        };
    }

    /** The broker's part, apart so that unit tests can play the broker without one. */
    TransactionSendResult send(Message message, Attempt attempt) throws MQClientException {
        return producer.send(message, attempt);
    }

    @Override
    public LocalTransactionState executeLocalTransaction(Message message, Object arg) {
        Attempt a = (Attempt) arg;
        try {
            return payouts.transition(a.payout().payoutNo(), PayoutStatus.PROCESSING, a.to(), a.rawCode(), a.channelPayoutNo(), a.at())
                    ? LocalTransactionState.COMMIT_MESSAGE : LocalTransactionState.ROLLBACK_MESSAGE;
        } catch (RuntimeException unknown) {
            log.error("payout {}: final update outcome unknown, the broker will check back", a.payout().payoutNo(), unknown);
            return LocalTransactionState.UNKNOW;
        }
    }

    @Override
    public LocalTransactionState checkLocalTransaction(MessageExt message) {
        return checkBack.answer(message);
    }

    /** Whether the payout (first key) has the final status the message announces (second key). */
    private boolean committed(MessageExt message) {
        String[] keys = message.getKeys().split(" ");
        return keys.length == 2 && payouts.find(keys[0]).map(p -> p.status().name().equals(keys[1])).orElse(false);
    }
}
