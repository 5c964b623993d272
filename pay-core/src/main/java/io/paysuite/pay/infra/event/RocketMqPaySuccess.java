package io.paysuite.pay.infra.event;

import io.paysuite.api.common.Result;
import io.paysuite.api.event.EventType;
import io.paysuite.api.event.PaySucceeded;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradePaymentService;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.kit.shadow.ShadowContext;
import io.paysuite.kit.mq.CheckBack;
import io.paysuite.kit.mq.EventCodec;
import io.paysuite.kit.mq.MessageProducer;
import io.paysuite.kit.mq.MessageSender;
import io.paysuite.kit.mq.RocketMqAdapter;
import io.paysuite.kit.mq.TransactionalProducer;
import io.paysuite.pay.infra.PayProperties;
import io.paysuite.pay.order.PayOrder;
import io.paysuite.pay.order.PayOrderRepository;
import io.paysuite.pay.order.PaySuccess;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * {@link PaySuccess} over RocketMQ, delivered as {@code paysuite.pay.success-delivery} says
 * ({@link PayProperties.SuccessDelivery}):
 * <ul>
 *   <li><b>outbox</b> (the default): the single compare-and-set UPDATE of the pay order to {@code SUCCESS} commits;
 *       only then is trade-core handed the success directly ({@code paysuite.pay.hand-over-to-trade}, on by default,
 *       see {@link #handOver}) and {@code PAY_SUCCEEDED} sent plainly on the kit's {@link MessageProducer} (one
 *       broker round trip and one store) without waiting for the broker: the answer goes back to the caller while the
 *       send is in flight, and the broker's answer, when it comes, marks the row and tells the caller's memory. The
 *       pay order row is the outbox, and its relay is the delayed check that every pay order has
 *       from before it is charged: a success whose send this process did not see stored (a crash between commit and
 *       send, a send that failed or timed out, another instance's, a restarted process's) is sent again by
 *       {@link #announce}, rebuilt from the row, when its check finds it {@code SUCCESS}. A send that fails after the
 *       commit does not fail the payment: the money moved and the caller hears SUCCESS. The check's pace, not the
 *       broker's, bounds how late such an announcement comes: the first check fires {@code check-delay} (10 s) after
 *       the pay order opened, every {@code code-check-every} (5 s) for a young payment code; a success that came later
 *       is announced again by its channel result's retry or the check's next retry (the broker's backoff).
 *       Once the broker stored it, the row is marked ({@code announced_at}, by {@link AnnouncedMarks}: batched, one
 *       UPDATE per physical table per flush), so that a check on the OTHER instance — two share the check's consumer
 *       group, and that one's memory ({@code AnnouncedHere}) knows nothing of this send — reads the mark and sends
 *       nothing. A mark not written yet (within its ~200 ms, lost in a crash, a failed flush) costs one resend.</li>
 *   <li><b>transactional</b>: the kit's {@link TransactionalProducer} sends the half message, runs the compare-and-set
 *       as the local transaction ({@link #executeLocalTransaction}), then tells the broker COMMIT or ROLLBACK; a lost
 *       last word is answered by the check-back ({@link CheckBack}) from the row: committed when the pay order is
 *       SUCCESS. {@link #announce} sends nothing: the broker asks until it hears COMMIT. No marks are written: the
 *       check-back, not the pay order's check, delivers.</li>
 * </ul>
 * The transactional producer and its listener are registered in both modes, so half messages an instance in
 * transactional mode left (an earlier version, a switch back) are still answered. Either way the message is the
 * same: topic {@code paysuite.pay.topic}, tag {@code PAY_SUCCEEDED}, keys pay order number then trade number, body
 * {@link PaySucceeded} as the compare-and-set left the row, and the sender's trace and load-traffic mark (the kit's
 * producers add both). Delivery is at least once; consumers deduplicate on the pay order number.
 * (trade-core keeps an event table instead because its events carry payloads that are not a row's current state.)
 */
@Component
public class RocketMqPaySuccess extends RocketMqAdapter implements PaySuccess, TransactionListener {

    private static final Logger log = LoggerFactory.getLogger(RocketMqPaySuccess.class);
    /** The plain producer of outbox delivery; any group will do for plain sends, this one names them in the console. */
    static final String OUTBOX_PRODUCER_GROUP = "paysuite-pay-events";
    /** How long an announced mark waits for others to share its UPDATE; a crash loses at most this much of them. */
    static final Duration MARK_DELAY = Duration.ofMillis(200);

    private final PayProperties properties;
    private final PayOrderRepository orders;
    private final Clock clock;
    private final CheckBack checkBack;
    private final TransactionalProducer producer;
    private final MessageSender sender;
    private final AnnouncedMarks marks;
    private final TradePaymentService handOver;

    @Autowired
    public RocketMqPaySuccess(PayProperties properties, PayOrderRepository orders, Clock clock,
                              @Lazy TradePaymentService tradePayments) {
        this(properties, orders, clock, properties.successDelivery() == PayProperties.SuccessDelivery.OUTBOX
                ? new MessageProducer(OUTBOX_PRODUCER_GROUP, properties.namesrv(), properties.sendTimeout(), 0)
                : null, properties.handOverToTrade() ? tradePayments : null);
    }

    /**
     * @param sender the plain producer of outbox delivery (started with this adapter when it is a client of the kit),
     *               or null in transactional delivery
     */
    RocketMqPaySuccess(PayProperties properties, PayOrderRepository orders, Clock clock, MessageSender sender) {
        this(properties, orders, clock, sender, null);
    }

    /**
     * @param handOver trade-core, told directly of a success before the broker (outbox delivery), or null: the broker
     *                 alone tells it
     */
    RocketMqPaySuccess(PayProperties properties, PayOrderRepository orders, Clock clock, MessageSender sender,
                       TradePaymentService handOver) {
        super(0); // started early, stopped late: after Dubbo stops handing us calls, before the DataSource closes
        if (properties.successDelivery() == PayProperties.SuccessDelivery.OUTBOX && sender == null) {
            throw new IllegalArgumentException("outbox delivery of PAY_SUCCEEDED needs a producer to send with");
        }
        this.properties = properties;
        this.orders = orders;
        this.clock = clock;
        this.handOver = handOver;
        // registered first, so it stops after the producers: the last marks are flushed, then the DataSource closes
        this.marks = runs(new AnnouncedMarks(orders, clock, MARK_DELAY));
        this.checkBack = new CheckBack(EventType.PAY_SUCCEEDED.tag(), this::succeeded, properties.gracePeriod(), clock);
        // in both modes: it answers the check-backs of half messages, whichever instance sent them
        this.producer = runs(new TransactionalProducer(new TransactionalProducer.Settings(properties.producerGroup(),
                properties.namesrv(), properties.topic(), null, 0), this));
        this.sender = properties.successDelivery() == PayProperties.SuccessDelivery.OUTBOX ? sender : null;
        if (this.sender instanceof SmartLifecycle client) {
            runs(client);
        }
    }

    /** What the local transaction writes: the channel goes into the same compare-and-set as SUCCESS. */
    record Attempt(PayOrder order, String channel, Instant at) {
    }

    @Override
    public Optional<Succeeded> succeed(PayOrder order, String channel, Consumer<PayOrder> announced) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return sender != null ? succeedThenSend(order, channel, at, announced)
                : succeedTransactionally(order, channel, at, announced);
    }

    /**
     * Outbox: the compare-and-set, then — only if it committed — the hand-over to trade-core and the plain send, whose
     * broker answer this does not wait for. A missed compare-and-set sends nothing. A commit that threw is read back,
     * as the transactional path does; if the pay order is SUCCESS it is announced from the row read, unless the row is
     * marked announced already (then the caller hears so at once).
     */
    private Optional<Succeeded> succeedThenSend(PayOrder order, String channel, Instant at, Consumer<PayOrder> announced) {
        boolean won;
        try {
            won = orders.transition(order.payOrderNo(), PayOrderStatus.PROCESSING, PayOrderStatus.SUCCESS, null, channel, at);
        } catch (RuntimeException unknown) {
            log.error("pay order {}: success update outcome unknown, reading it back", order.payOrderNo(), unknown);
            Optional<PayOrder> read = orders.find(order.payOrderNo()).filter(o -> o.status() == PayOrderStatus.SUCCESS);
            read.ifPresent(paid -> {
                if (paid.markedAnnounced()) {
                    announced.accept(paid); // another path's success, already stored at the broker
                } else {
                    sendAfterCommit(paid, announced);
                }
            });
            return read.map(paid -> new Succeeded(paid, null));
        }
        if (!won) {
            return Optional.empty();
        }
        PayOrder paid = order.after(PayOrderStatus.SUCCESS, null, channel, at);
        TradeDTO trade = handOver(paid); // first: trade-core's answer is what the till shows
        sendAfterCommit(paid, announced);
        return Optional.of(new Succeeded(paid, trade));
    }

    /**
     * Outbox: trade-core, the consumer a till's answer waits for, hears of the success directly before the broker
     * does, and answers the trade as it recorded it — which the caller passes on, so the cashier needs no second call
     * for the trade, nor waits for the broker's hop to trade-core. Never throws and decides nothing about delivery:
     * whatever the call answers, the message that follows is what guarantees trade-core is told, and the pay order's
     * check resends it if that send fails.
     *
     * @return the trade trade-core answered when it shows this pay order's payment recorded ({@link #paidBy}),
     *         else null (off, refused, failed, timed out, or a trade not paid by this pay order): the caller then asks
     *         trade-core for the trade as before
     */
    private TradeDTO handOver(PayOrder paid) {
        if (handOver == null) {
            return null;
        }
        Result<TradeDTO> told;
        try {
            told = handOver.paid(successOf(paid));
        } catch (RuntimeException e) {
            log.warn("pay order {}: trade-core not told directly ({}); PAY_SUCCEEDED tells it", paid.payOrderNo(),
                    e.toString());
            return null;
        }
        if (told == null || !told.success()) {
            log.warn("pay order {}: trade-core refused the direct hand-over ({}); PAY_SUCCEEDED tells it",
                    paid.payOrderNo(), told == null ? "no answer" : told.code());
            return null;
        }
        if (!paidBy(told.data(), paid)) {
            log.info("pay order {}: trade-core's answer to the hand-over does not show the trade paid by it ({}); the"
                    + " caller asks for the trade", paid.payOrderNo(), told.data() == null ? "no trade" : told.data().status());
            return null;
        }
        return told.data();
    }

    /**
     * Whether trade-core's answer shows {@code paid}'s payment recorded: the same trade, in a state a payment leaves
     * ({@code SUCCESS}, {@code AUTHORIZED}, or later: {@code FINISHED}, {@code CAPTURED}, {@code VOIDED}), paid at
     * this pay order's success time. trade-core records the payment's time as the event's {@code finished_at}, to the
     * millisecond, and answers a trade paid by another pay order (its alarm: money the trade did not take) as it is, so
     * the time is what tells this pay order's payment from another's — {@code TradeDTO} does not name the pay order.
     */
    static boolean paidBy(TradeDTO trade, PayOrder paid) {
        return trade != null && trade.recordsPayment(paid.tradeNo(), paid.finishedAt());
    }

    /**
     * Sends without waiting for the broker ({@link MessageSender#sendThen}): the caller's answer — the till's — goes
     * back while the message is in flight. Stored: the row is marked (a check on either instance reads the mark and
     * sends nothing) and {@code announced} is told (this process's memory: its check reads nothing), exactly what a
     * synchronous send that returned did. Not stored: nothing marked, nothing told; the pay order's check finds the
     * row SUCCESS and unmarked and announces it again. Never throws: the success committed and the caller must hear so.
     * The callback runs on the client's thread, so it carries this work's load-traffic mark: a shadow pay order's
     * mark goes to the shadow table.
     */
    private void sendAfterCommit(PayOrder paid, Consumer<PayOrder> announced) {
        sender.sendThen(messageOf(paid), ShadowContext.carried(() -> stored(paid, announced)), notStored -> log.warn(
                "pay order {} of trade {} SUCCESS but PAY_SUCCEEDED not sent ({}); its check sends it again",
                paid.payOrderNo(), paid.tradeNo(), notStored.toString()));
    }

    /** The broker stored {@code paid}'s announcement; on the client's thread, so it must not throw. */
    private void stored(PayOrder paid, Consumer<PayOrder> announced) {
        try {
            marks.mark(paid.payOrderNo());
            announced.accept(paid);
        } catch (RuntimeException e) {
            log.warn("pay order {}: PAY_SUCCEEDED stored but not remembered ({}); its check may send it again",
                    paid.payOrderNo(), e.toString());
        }
    }

    private Optional<Succeeded> succeedTransactionally(PayOrder order, String channel, Instant at,
                                                       Consumer<PayOrder> announced) {
        PayOrder paid = order.after(PayOrderStatus.SUCCESS, null, channel, at);
        TransactionSendResult sent;
        try {
            sent = send(messageOf(paid), new Attempt(order, channel, at));
        } catch (MQClientException e) {
            throw new IllegalStateException("cannot send PAY_SUCCEEDED of " + order.payOrderNo() + "; nothing changed", e);
        }
        Optional<PayOrder> succeeded = switch (sent.getLocalTransactionState()) {
            case COMMIT_MESSAGE -> Optional.of(paid);
            case ROLLBACK_MESSAGE -> Optional.empty();
            // the update's commit threw: whether it stuck is read back, and the broker asks later
            default -> orders.find(order.payOrderNo()).filter(o -> o.status() == PayOrderStatus.SUCCESS);
        };
        // the broker holds the half message and asks until it hears COMMIT: announced
        succeeded.ifPresent(announced);
        return succeeded.map(done -> new Succeeded(done, null));
    }

    /**
     * Outbox: sends the announcement of a pay order read {@code SUCCESS} and not marked announced again, as
     * {@link #succeed} first built it, and marks it; throws when the broker did not take it (nothing marked). A
     * marked one is the broker's already: nothing sent. Transactional: nothing, the broker's check-back delivers it.
     * Unlike the send after a success, this one waits for the broker: its caller is the check, which must hear a
     * refusal (by this throwing) to come back, and nobody waits on it for an answer.
     */
    @Override
    public boolean announce(PayOrder paid) {
        if (paid.status() != PayOrderStatus.SUCCESS) {
            throw new IllegalArgumentException("pay order " + paid.payOrderNo() + " is " + paid.status() + ", not SUCCESS");
        }
        if (sender == null || paid.markedAnnounced()) {
            return false;
        }
        sender.send(messageOf(paid));
        marks.mark(paid.payOrderNo());
        return true;
    }

    /**
     * {@code PAY_SUCCEEDED} of a pay order as the success's compare-and-set left it: every field is the row's, the
     * success time its {@code finished_at} and the channel its {@code channel} (both written by that one UPDATE), the
     * combination's parts the coupon and points recorded on it before it was charged. So the first send and a resend
     * from the row read are the same message.
     */
    Message messageOf(PayOrder paid) {
        Message message = EventCodec.message(properties.topic(), EventType.PAY_SUCCEEDED, successOf(paid));
        message.setKeys(List.of(paid.payOrderNo(), paid.tradeNo()));
        return message;
    }

    private static PaySucceeded successOf(PayOrder paid) {
        return new PaySucceeded(paid.payOrderNo(), paid.tradeNo(), paid.requestNo(), paid.buyerId(), paid.merchantId(),
                paid.method(), PayOrderStatus.SUCCESS, paid.amount(), paid.createdAt(), paid.finishedAt(), paid.channel(),
                paid.parts().tradePayments(paid.method(), paid.amount(), paid.channel()),
                paid.parts().promotionDetail(paid.amount().currency()));
    }

    /**
     * Half message, local transaction ({@link #executeLocalTransaction}), then commit or rollback:
     * the broker's part, apart so that unit tests can play the broker without one.
     */
    TransactionSendResult send(Message message, Attempt attempt) throws MQClientException {
        return producer.send(message, attempt);
    }

    @Override
    public LocalTransactionState executeLocalTransaction(Message message, Object arg) {
        Attempt attempt = (Attempt) arg;
        try {
            return orders.transition(attempt.order().payOrderNo(), PayOrderStatus.PROCESSING, PayOrderStatus.SUCCESS,
                    null, attempt.channel(), attempt.at())
                    ? LocalTransactionState.COMMIT_MESSAGE : LocalTransactionState.ROLLBACK_MESSAGE;
        } catch (RuntimeException unknown) {
            log.error("pay order {}: success update outcome unknown, the broker will check back",
                    attempt.order().payOrderNo(), unknown);
            return LocalTransactionState.UNKNOW;
        }
    }

    @Override
    public LocalTransactionState checkLocalTransaction(MessageExt message) {
        return checkBack.answer(message);
    }

    /** Whether the success of the message's pay order (its first key) committed. */
    private boolean succeeded(MessageExt message) {
        String payOrderNo = message.getKeys().split(" ")[0];
        return orders.find(payOrderNo).map(PayOrder::status).orElse(null) == PayOrderStatus.SUCCESS;
    }

}
