package io.paysuite.trade.order;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.event.EventType;
import io.paysuite.api.event.TradePayAbandoned;
import io.paysuite.api.event.TradePaying;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.trade.AbandonPayCmd;
import io.paysuite.api.trade.BeginPayCmd;
import io.paysuite.api.trade.CloseTradeCmd;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradePaymentDTO;
import io.paysuite.api.trade.TradeStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The trade's side of a payment attempt. One attempt at a time holds a trade: {@code beginPay}
 * is a compare-and-set {@code WAIT_PAY → PAYING} naming the pay order, so of 100 concurrent
 * attempts exactly one moves money; {@code abandonPay} gives the trade back only to the attempt
 * that holds it; {@code recordPaid} (from pay-core's {@code PAY_SUCCEEDED}) finishes it.
 */
@Component
public class TradePayments {

    /** {@code trade_order.paid_channel VARCHAR(32)} */
    static final int MAX_CHANNEL = 32;

    private static final Logger log = LoggerFactory.getLogger(TradePayments.class);

    private final TradeRepository trades;
    private final TradeFinder finder;
    private final TradeCloser closer;
    private final TradeChanges changes;
    private final Clock clock;
    private final WrittenTrades written;

    /** Every step reads its trade (tests of the read paths). */
    public TradePayments(TradeRepository trades, TradeFinder finder, TradeCloser closer, TradeChanges changes, Clock clock) {
        this(trades, finder, closer, changes, clock, WrittenTrades.NONE);
    }

    /**
     * @param written the trades as this instance last wrote them: a step that follows this instance's own previous
     *                step of the payment starts from that image instead of reading the trade
     */
    @Autowired
    public TradePayments(TradeRepository trades, TradeFinder finder, TradeCloser closer, TradeChanges changes, Clock clock,
                         WrittenTrades written) {
        this.trades = trades;
        this.finder = finder;
        this.closer = closer;
        this.changes = changes;
        this.clock = clock;
        this.written = written;
    }

    public TradeDTO beginPay(BeginPayCmd cmd) {
        if (cmd == null || blank(cmd.payOrderNo()) || blank(cmd.buyerId())) {
            throw new BizException(ErrorCode.PARAM_ERROR, "trade_no, pay_order_no and buyer_id are required");
        }
        Optional<Trade> created = cmd.tradeNo() == null ? Optional.empty() : written.written(cmd.tradeNo());
        if (created.isPresent() && created.get().status() == TradeStatus.WAIT_PAY) {
            // the trade as this instance created it: taken without a read if the row is still exactly that
            Instant now = now();
            Trade trade = created.get();
            if (trade.timeExpire().isAfter(now) && (trade.buyerId() == null || trade.buyerId().equals(cmd.buyerId()))) {
                try {
                    return take(trade, cmd, now, true).toDTO();
                } catch (TradeChanges.StateMoved changedSince) {
                    // another change came first (here or on another instance): decide from the row as it is
                }
            }
        }
        Trade trade = current(cmd.tradeNo());
        if (trade.status() == TradeStatus.WAIT_PAY) {
            Instant now = now();
            if (!trade.timeExpire().isAfter(now)) {
                closer.close(new CloseTradeCmd(trade.tradeNo(), null));
                throw new BizException(ErrorCode.TRADE_CLOSED, "trade " + trade.tradeNo() + " expired at " + trade.timeExpire());
            }
            if (trade.buyerId() != null && !trade.buyerId().equals(cmd.buyerId())) {
                throw new BizException(ErrorCode.BUYER_MISMATCH, "trade " + trade.tradeNo() + " is for another buyer");
            }
            try {
                return take(trade, cmd, now, false).toDTO();
            } catch (TradeChanges.StateMoved moved) {
                // another attempt won the race; answer by what it made of the trade
            }
        }
        Trade after = trade.status() == TradeStatus.WAIT_PAY ? current(cmd.tradeNo()) : trade;
        if (after.status() == TradeStatus.PAYING && cmd.payOrderNo().equals(after.payOrderNo())) {
            return after.toDTO();
        }
        throw refusalFor(after);
    }

    /**
     * The compare-and-set {@code WAIT_PAY → PAYING} from {@code trade}, with its trail event.
     *
     * @param unchanged whether the row must also still be at {@code trade}'s version (an image, not a read)
     * @return the trade as the compare-and-set wrote it, which is what is answered: the row is not read back
     * @throws TradeChanges.StateMoved when it missed (nothing written)
     */
    private Trade take(Trade trade, BeginPayCmd cmd, Instant now, boolean unchanged) {
        changes.commit(trade.tradeNo(), EventType.TRADE_PAYING,
                new TradePaying(trade.tradeNo(), cmd.payOrderNo(), cmd.buyerId()), () -> {
            if (!(unchanged ? trades.beginPay(trade.tradeNo(), cmd.payOrderNo(), now, trade.version())
                    : trades.beginPay(trade.tradeNo(), cmd.payOrderNo(), now))) {
                throw new TradeChanges.StateMoved("trade " + trade.tradeNo() + " left WAIT_PAY");
            }
            return null;
        });
        log.info("trade paying trade_no={} pay_order_no={}", trade.tradeNo(), cmd.payOrderNo());
        Trade paying = trade.paying(cmd.payOrderNo(), now);
        written.wrote(paying); // what PAY_SUCCEEDED for this pay order pays, should it reach this instance
        return paying;
    }

    public TradeDTO abandonPay(AbandonPayCmd cmd) {
        if (cmd == null || blank(cmd.payOrderNo())) {
            throw new BizException(ErrorCode.PARAM_ERROR, "trade_no and pay_order_no are required");
        }
        Trade trade = current(cmd.tradeNo());
        if (trade.status() == TradeStatus.PAYING && cmd.payOrderNo().equals(trade.payOrderNo())) {
            Instant now = now();
            try {
                changes.commit(trade.tradeNo(), EventType.TRADE_PAY_ABANDONED,
                        new TradePayAbandoned(trade.tradeNo(), cmd.payOrderNo(), String.valueOf(cmd.reason())), () -> {
                    if (!trades.abandonPay(trade.tradeNo(), cmd.payOrderNo(), now)) {
                        throw new TradeChanges.StateMoved("trade " + trade.tradeNo() + " no longer held by " + cmd.payOrderNo());
                    }
                    return null;
                });
                log.info("trade pay abandoned trade_no={} pay_order_no={} reason={}", trade.tradeNo(), cmd.payOrderNo(), cmd.reason());
                written.forget(trade.tradeNo()); // the image of the attempt is stale now
            } catch (TradeChanges.StateMoved moved) {
                // already given back or finished: the repeat answers the trade as it is
            }
            Trade back = current(cmd.tradeNo());
            if (back.status() == TradeStatus.WAIT_PAY && !back.timeExpire().isAfter(now())) {
                return closer.close(new CloseTradeCmd(back.tradeNo(), null)); // its expiry timer found it PAYING
            }
            return back.toDTO();
        }
        if (trade.status() == TradeStatus.WAIT_PAY && !trade.timeExpire().isAfter(now())) {
            // a repeat after a crash between giving the trade back and closing it: finish the close (an expired
            // trade waiting for payment is closed, whoever notices)
            return closer.close(new CloseTradeCmd(trade.tradeNo(), null));
        }
        return trade.toDTO();
    }

    /**
     * Records a successful payment: {@code PAYING → SUCCESS} if this pay order holds the trade,
     * with {@code TRADE_SUCCEEDED} carrying the paid trade. A repeat is a no-op. Money that arrives
     * for a trade the pay order does not hold, or an amount that is not the trade's, is never
     * applied silently: it is an alarm for operators (the buyer is refunded by them), never a lost
     * cent. How it was paid (method, channel) is written by the same compare-and-set.
     *
     * @param method          the pay order's method; null only for a message of a pay-core that
     *                        did not report it (the trade then shows no payment detail)
     * @param reportedChannel the channel pay-core names for the pay order, or null
     * @return the trade as it stands after recording, which pay-core's direct hand-over answers so that the till
     *         needs no second call for it: the image the compare-and-set wrote, the image this instance remembers for a
     *         repeat, or the row read to decide (paid by this pay order, or, for money not applied, as it is) — never a
     *         read made only to answer
     */
    public Trade recordPaid(String tradeNo, String payOrderNo, Money paid, String payerId, PayMethod method,
                            String reportedChannel, Instant paidAt) {
        return recordPaid(tradeNo, payOrderNo, paid, payerId, method, reportedChannel, paidAt, TradePromotion.NONE);
    }

    /**
     * As above, for a combination payment: {@code promotion} (what the coupon and points paid, from
     * {@code PAY_SUCCEEDED}) is written by the same compare-and-set; {@code paid} is still the full price.
     */
    public Trade recordPaid(String tradeNo, String payOrderNo, Money paid, String payerId, PayMethod method,
                            String reportedChannel, Instant paidAt, TradePromotion promotion) {
        Optional<Trade> taken = written.written(tradeNo);
        if (taken.isPresent() && payOrderNo.equals(taken.get().payOrderNo()) && paidBy(taken.get().status())) {
            // this instance recorded this pay order's payment moments ago (pay-core's hand-over, then its message):
            // a trade once paid by a pay order stays paid by it, so the repeat changes nothing, and needs no read
            return taken.get();
        }
        if (taken.isPresent() && taken.get().status() == TradeStatus.PAYING && payOrderNo.equals(taken.get().payOrderNo())
                && paid.equals(taken.get().amount())) {
            Optional<Trade> succeeded = markPaid(taken.get(), payOrderNo, paid, payerId, method, reportedChannel, paidAt,
                    promotion, true);
            if (succeeded.isPresent()) {
                return succeeded.get(); // the trade as this instance's beginPay wrote it, and the row still exactly that: no read
            }
        }
        Trade trade = current(tradeNo);
        if (payOrderNo.equals(trade.payOrderNo()) && paidBy(trade.status())) {
            return trade;
        }
        if (trade.status() != TradeStatus.PAYING || !payOrderNo.equals(trade.payOrderNo()) || !paid.equals(trade.amount())) {
            log.error("ALARM: pay order {} paid {} for trade {} which is {} held by {} for {}; not applied",
                    payOrderNo, paid, tradeNo, trade.status(), trade.payOrderNo(), trade.amount());
            return trade;
        }
        Optional<Trade> succeeded = markPaid(trade, payOrderNo, paid, payerId, method, reportedChannel, paidAt, promotion,
                false);
        if (succeeded.isPresent()) {
            return succeeded.get();
        }
        // the row moved between the read and the compare-and-set: a concurrent delivery of this payment (or, rarely, a
        // change that is not one). Only that race reads again, so that what is answered is the trade as it stands, not
        // the PAYING row it no longer is
        log.info("trade {} already recorded paid by a concurrent delivery", tradeNo);
        return current(tradeNo);
    }

    /**
     * The compare-and-set {@code PAYING → SUCCESS} (or {@code AUTHORIZED}) from {@code trade}, with its event carrying
     * the paid trade.
     *
     * @param unchanged whether the row must also still be at {@code trade}'s version (an image, not a read)
     * @return the trade as the compare-and-set wrote it (not read back), or empty when it missed (nothing written,
     *         nothing published)
     */
    private Optional<Trade> markPaid(Trade trade, String payOrderNo, Money paid, String payerId, PayMethod method,
                             String reportedChannel, Instant paidAt, TradePromotion promotion, boolean unchanged) {
        String tradeNo = trade.tradeNo();
        Trade succeeded = trade.paid(paid, payerId, method, channelOf(method, reportedChannel),
                paidAt.truncatedTo(ChronoUnit.MILLIS), promotion);
        try {
            // a pre-authorisation tells TRADE_AUTHORIZED, which no merchant is notified of: nothing is theirs yet
            changes.commit(tradeNo, succeeded.status() == TradeStatus.AUTHORIZED ? EventType.TRADE_AUTHORIZED
                    : EventType.TRADE_SUCCEEDED, succeeded.toDTO(), () -> {
                if (!(unchanged ? trades.markPaid(tradeNo, payOrderNo, succeeded, trade.version())
                        : trades.markPaid(tradeNo, payOrderNo, succeeded))) {
                    throw new TradeChanges.StateMoved("trade " + tradeNo + " no longer PAYING for " + payOrderNo);
                }
                return null;
            });
        } catch (TradeChanges.StateMoved moved) {
            return Optional.empty();
        }
        // the payment's last step on the trade: kept only to tell the repeat that follows (the message after pay-core's
        // direct hand-over) that it is one, without a read
        written.wrote(succeeded);
        log.info("trade paid trade_no={} pay_order_no={} amount={} method={} channel={}",
                tradeNo, payOrderNo, paid, method, succeeded.paidChannel());
        return Optional.of(succeeded);
    }

    /** The statuses of a trade whose holding pay order's payment is recorded: a repeat of that payment is a no-op. */
    private static boolean paidBy(TradeStatus status) {
        return status.isPaid();
    }

    /**
     * A wallet payment never leaves the ledger, so its channel is the platform itself whatever the
     * message says; any other method moved money through the channel pay-core names, if it names one.
     * A name longer than {@code paid_channel} holds is dropped (and logged) rather than failing the
     * update: the payment must be recorded, or the trade would stay PAYING while the buyer has paid.
     */
    static String channelOf(PayMethod method, String reportedChannel) {
        if (method == PayMethod.BALANCE) {
            return TradePaymentDTO.WALLET_CHANNEL;
        }
        if (reportedChannel == null || reportedChannel.isBlank()) {
            return method == null ? null : method.channel(); // a channel method says whose it is
        }
        if (reportedChannel.length() > MAX_CHANNEL) {
            log.warn("channel name longer than {} not recorded: {}", MAX_CHANNEL, reportedChannel);
            return null;
        }
        return reportedChannel;
    }

    static BizException refusalFor(Trade trade) {
        return switch (trade.status()) {
            case PAYING -> new BizException(ErrorCode.TRADE_PAYING, "trade " + trade.tradeNo() + " is being paid");
            case SUCCESS, FINISHED, AUTHORIZED, CAPTURED, VOIDED ->
                    new BizException(ErrorCode.TRADE_PAID, "trade " + trade.tradeNo() + " is paid");
            case CLOSED -> new BizException(ErrorCode.TRADE_CLOSED, "trade " + trade.tradeNo() + " is closed");
            case WAIT_PAY -> new BizException(ErrorCode.TRADE_PAYING, "trade " + trade.tradeNo() + " changed meanwhile; retry");
        };
    }

    private Trade current(String tradeNo) {
        return finder.trade(TradeByNoQry.internal(tradeNo));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
