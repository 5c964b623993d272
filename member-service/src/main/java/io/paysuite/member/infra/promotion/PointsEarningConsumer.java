package io.paysuite.member.infra.promotion;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.event.EventType;
import io.paysuite.api.refund.RefundDTO;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.kit.mq.EventCodec;
import io.paysuite.kit.mq.EventConsumer;
import io.paysuite.kit.mq.Handled;
import io.paysuite.kit.mq.Subscription;
import io.paysuite.member.promotion.PointsEarnings;
import java.util.List;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Points earned off the money path: trade-core's {@code TRADE_SUCCEEDED} (and a pre-authorisation's
 * {@code TRADE_CAPTURED}, whose paid amount is the captured part) earns the buyer's points, its
 * {@code REFUND_SUCCEEDED} takes the refund's share back ({@link PointsEarnings}), in a group of member-service's
 * own. A payment never waits for points, and a member-service or ledger that does not answer only delays them: the
 * message comes back with the broker's backoff (every write is keyed by the trade or refund number). A payment that
 * cannot earn (no buyer of ours paid, a wallet top-up) costs no statement and no INFO line; a refund of it finds no
 * row and asks trade-core how the trade was paid.
 */
@ConditionalOnProperty(prefix = "paysuite.points.earning", name = "enabled", matchIfMissing = true)
@Configuration(proxyBeanMethods = false)
public class PointsEarningConsumer {

    private static final Logger log = LoggerFactory.getLogger(PointsEarningConsumer.class);
    /** After what the handler uses (the database, the ledger reference), stopped before them. */
    private static final int PHASE = Integer.MAX_VALUE - 100;
    /** Finds a topic created after start within seconds. */
    private static final int POLL_NAME_SERVER_MS = 10_000;

    @Bean
    EventConsumer pointsOnTradeEvent(PointsEarnings earnings, PointsEarningProperties properties) {
        String tags = EventType.subscription(List.of(EventType.TRADE_SUCCEEDED.tag(), EventType.TRADE_CAPTURED.tag(),
                EventType.REFUND_SUCCEEDED.tag()));
        return new EventConsumer(Subscription.of(properties.group(), properties.namesrv(), properties.tradeTopic(), tags,
                POLL_NAME_SERVER_MS).threads(1, 4), message -> handle(earnings, properties, message), null, PHASE);
    }

    static Handled handle(PointsEarnings earnings, PointsEarningProperties properties, MessageExt message) {
        try {
            if (EventType.TRADE_SUCCEEDED.tag().equals(message.getTags())) {
                return paid(earnings, EventCodec.decode(EventType.TRADE_SUCCEEDED, message));
            }
            if (EventType.TRADE_CAPTURED.tag().equals(message.getTags())) {
                // a pre-authorisation is paid when captured, for the captured part (it takes no coupon or points)
                return paid(earnings, EventCodec.decode(EventType.TRADE_CAPTURED, message));
            }
            if (EventType.REFUND_SUCCEEDED.tag().equals(message.getTags())) {
                return refunded(earnings, properties, EventCodec.decode(EventType.REFUND_SUCCEEDED, message),
                        message.getReconsumeTimes());
            }
            return Handled.DONE;
        } catch (BizException refused) {
            if (refused.code() == ErrorCode.SERVICE_DEGRADED) {
                throw refused; // the ledger's answer is unknown: the redelivery books it
            }
            // a definite refusal (the payer is no buyer of ours): asking again would answer the same
            log.error("ALARM: points of {} {} not earned or taken back: {} {}", message.getTags(), message.getKeys(),
                    refused.code().code(), refused.getMessage());
            return Handled.DONE;
        }
    }

    private static Handled paid(PointsEarnings earnings, TradeDTO trade) {
        PointsEarnings.PaidTrade paid = TradeCorePaidTrades.of(trade);
        long earned = earnings.earn(paid);
        if (paid.canEarn()) {
            log.info("points earned trade_no={} buyer={} points={}", trade.tradeNo(), paid.buyerId(), earned);
        } else {
            // most channel payments (a payment code's anonymous payer): a line each would be noise
            log.debug("no points to earn trade_no={} type={}", trade.tradeNo(), trade.tradeType());
        }
        return Handled.DONE;
    }

    private static Handled refunded(PointsEarnings earnings, PointsEarningProperties properties, RefundDTO refund,
                                    int deliveredBefore) {
        PointsEarnings.TakeBack outcome = earnings.takeBack(refund.refundNo(), refund.tradeNo(), refund.amount());
        if (outcome == PointsEarnings.TakeBack.PAYMENT_NOT_SEEN) {
            if (deliveredBefore < properties.notSeenRetries()) {
                return Handled.RETRY; // the trade's TRADE_SUCCEEDED is still on its way: it comes before every refund
            }
            log.warn("refund {}: no payment of trade {} was seen here; no earned points to take back",
                    refund.refundNo(), refund.tradeNo());
            return Handled.DONE;
        }
        if (outcome == PointsEarnings.TakeBack.NOTHING_EARNED) {
            log.debug("no points to take back refund_no={} trade_no={}", refund.refundNo(), refund.tradeNo());
        } else {
            log.info("points take-back refund_no={} trade_no={} outcome={}", refund.refundNo(), refund.tradeNo(), outcome);
        }
        return Handled.DONE;
    }
}
