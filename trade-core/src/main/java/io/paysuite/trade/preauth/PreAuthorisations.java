package io.paysuite.trade.preauth;

import io.paysuite.api.channel.AuthorisationEndDTO;
import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.channel.EndAuthorisationCmd;
import io.paysuite.api.common.Outcome;
import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.event.EventType;
import io.paysuite.api.money.Money;
import io.paysuite.api.trade.CaptureTradeCmd;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.api.trade.VoidTradeCmd;
import io.paysuite.trade.order.Trade;
import io.paysuite.trade.order.TradeChanges;
import io.paysuite.trade.order.TradeFinder;
import io.paysuite.trade.order.TradeLedger;
import io.paysuite.trade.order.TradeRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The end of a pre-authorisation: the merchant's capture ({@code AUTHORIZED → CAPTURED}, the
 * captured part to the merchant less the fee, the rest back to the buyer) or void
 * ({@code AUTHORIZED → VOIDED}, all back), or the void at expiry. One compare-and-set from
 * {@code AUTHORIZED} decides, so of any number of concurrent captures and voids exactly one ends the
 * trade, the first; the change commits with {@code TRADE_CAPTURED} / {@code TRADE_VOIDED}, whose body
 * (the trade as ended) is all the ledger posting needs. The posting is made at once and again by the
 * event's consumer, both under one key ({@code CAPTURE-}/{@code VOID-<trade no>}), so a crash between
 * the two cannot lose it — as a guarantee trade's release.
 *
 * <p>A card's authorisation (paid through a channel's pre-auth) is ended at the channel first: its
 * completion for the captured part, or its cancel ({@link ChannelService#endAuthorisation}, keyed by the
 * trade, so a repeat is the same transaction there). Only once the channel says it is done is the hold
 * posted; an unknown answer (a timeout, accepted but not settled) leaves the posting to the event's
 * consumer, which asks again on the broker's retries — never assumed done, never assumed failed. A
 * definite refusal by the channel is an alarm for operators: the trade stays as the merchant decided,
 * the hold stays (internal reconciliation reports it), nothing is posted that the channel did not do.
 */
@Component
public class PreAuthorisations {

    private static final Logger log = LoggerFactory.getLogger(PreAuthorisations.class);

    private final TradeFinder finder;
    private final TradeRepository trades;
    private final TradeChanges changes;
    private final TradeLedger ledger;
    private final Clock clock;
    private final ChannelService channels;

    /** Without channels: a card's authorisation cannot be ended (its posting stays unknown until one is wired). */
    public PreAuthorisations(TradeFinder finder, TradeRepository trades, TradeChanges changes, TradeLedger ledger, Clock clock) {
        this(finder, trades, changes, ledger, clock, null);
    }

    @Autowired
    public PreAuthorisations(TradeFinder finder, TradeRepository trades, TradeChanges changes, TradeLedger ledger, Clock clock,
                             ChannelService channels) {
        this.channels = channels;
        this.finder = finder;
        this.trades = trades;
        this.changes = changes;
        this.ledger = ledger;
        this.clock = clock;
    }

    public TradeDTO capture(CaptureTradeCmd cmd) {
        if (cmd == null || cmd.amount() == null || cmd.amount().minor() <= 0) {
            throw new BizException(ErrorCode.PARAM_ERROR, "amount must be more than 0");
        }
        Trade trade = finder.trade(new TradeByNoQry(cmd.tradeNo(), cmd.merchantId()));
        CaptureRules.refuseUnlessCapturable(trade.toDTO(), cmd.amount());
        if (trade.status() == TradeStatus.CAPTURED) {
            return trade.toDTO(); // the same capture again
        }
        return end(trade, TradeStatus.CAPTURED, cmd.amount(), () -> CaptureRules.refuseUnlessCapturable(current(trade), cmd.amount()));
    }

    public TradeDTO voidAuthorisation(VoidTradeCmd cmd) {
        if (cmd == null) {
            throw new BizException(ErrorCode.PARAM_ERROR, "trade_no is required");
        }
        Trade trade = finder.trade(new TradeByNoQry(cmd.tradeNo(), cmd.merchantId()));
        CaptureRules.refuseUnlessVoidable(trade.toDTO());
        if (trade.status() == TradeStatus.VOIDED) {
            return trade.toDTO();
        }
        return end(trade, TradeStatus.VOIDED, new Money(0, trade.amount().currency()),
                () -> CaptureRules.refuseUnlessVoidable(current(trade)));
    }

    /**
     * The expiry: an authorisation not captured by {@code time_expire} is voided. Anything else (not
     * a pre-authorisation, not authorised, not expired yet) is left alone.
     *
     * @return whether this call voided it
     */
    public boolean voidIfExpired(String tradeNo) {
        Trade trade = finder.trade(TradeByNoQry.internal(tradeNo));
        if (trade.tradeType() != TradeType.PREAUTH || trade.status() != TradeStatus.AUTHORIZED
                || trade.timeExpire().isAfter(clock.instant())) {
            return false;
        }
        try {
            TradeDTO voided = end(trade, TradeStatus.VOIDED, new Money(0, trade.amount().currency()),
                    () -> CaptureRules.refuseUnlessVoidable(current(trade)));
            log.info("pre-authorisation expired and voided trade_no={}", tradeNo);
            return voided.status() == TradeStatus.VOIDED;
        } catch (BizException capturedMeanwhile) {
            log.info("pre-authorisation {} not voided at expiry: {}", tradeNo, capturedMeanwhile.code());
            return false;
        }
    }

    /**
     * Ends (again) a card authorisation at its channel, then posts (again) the ledger side of an ended
     * authorisation ({@link TradeLedger#endHold}); {@code UNKNOWN} while the channel has not said it is done.
     */
    public TradeLedger.Posting post(TradeDTO ended) {
        Trade trade = finder.trade(TradeByNoQry.internal(ended.tradeNo()));
        if (trade.paidMethod() != null && trade.paidMethod().viaChannel()) {
            TradeLedger.Posting atChannel = endAtChannel(trade, ended);
            if (atChannel.outcome() != Outcome.SUCCEEDED) {
                return atChannel;
            }
        }
        return ledger.endHold(ended);
    }

    /**
     * The completion of the captured part, or the cancel, at the channel that authorised the card. Its time is the
     * authorisation's ({@code paid_at}): fixed for good, so every repeat names the same transaction there.
     */
    private TradeLedger.Posting endAtChannel(Trade trade, TradeDTO ended) {
        if (channels == null) {
            return new TradeLedger.Posting(Outcome.UNKNOWN, ErrorCode.SERVICE_DEGRADED.code(), "no channel service");
        }
        Money capture = ended.status() == TradeStatus.CAPTURED ? ended.paidAmount() : new Money(0, ended.amount().currency());
        Result<AuthorisationEndDTO> answer;
        try {
            answer = channels.endAuthorisation(new EndAuthorisationCmd(trade.tradeNo(), trade.payOrderNo(), capture, trade.paidAt()));
        } catch (RuntimeException transport) {
            log.warn("end of card authorisation {} at the channel unknown: {}", trade.tradeNo(), transport.toString());
            return new TradeLedger.Posting(Outcome.UNKNOWN, ErrorCode.SYSTEM_ERROR.code(), transport.getMessage());
        }
        if (!answer.success()) {
            Outcome outcome = Outcome.of(answer);
            log.warn("end of card authorisation {} at the channel: {} {}", trade.tradeNo(), answer.code(), answer.message());
            return new TradeLedger.Posting(outcome, answer.code(), answer.message());
        }
        AuthorisationEndDTO end = answer.data();
        if (end.outcome() == Outcome.FAILED) {
            log.error("ALARM: {} refused ending card authorisation {} ({} {}): the hold stays for operators", end.channel(),
                    trade.tradeNo(), end.rawCode(), end.message());
        } else if (end.outcome() == Outcome.UNKNOWN) {
            log.info("end of card authorisation {} at {} not final yet ({}): asked again", trade.tradeNo(), end.channel(), end.rawCode());
        }
        return new TradeLedger.Posting(end.outcome(), end.rawCode(), end.message());
    }

    /**
     * The compare-and-set and its event. When another change came first, {@code answerOtherwise}
     * refuses by what the trade became (or returns, and the trade as it is now is the answer: the
     * same capture, or a void, made by a concurrent call).
     */
    private TradeDTO end(Trade trade, TradeStatus to, Money paid, Runnable answerOtherwise) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Trade ended = trade.authorisationEnded(to, paid, at);
        EventType<TradeDTO> event = to == TradeStatus.CAPTURED ? EventType.TRADE_CAPTURED : EventType.TRADE_VOIDED;
        try {
            changes.commit(trade.tradeNo(), event, ended.toDTO(), () -> {
                if (!trades.endAuthorisation(trade.tradeNo(), to, paid.minor(), at)) {
                    throw new TradeChanges.StateMoved("trade " + trade.tradeNo() + " left AUTHORIZED");
                }
                return null;
            });
        } catch (TradeChanges.StateMoved moved) {
            answerOtherwise.run();
            return current(trade);
        }
        log.info("pre-authorisation ended trade_no={} status={} paid={}", trade.tradeNo(), to, paid);
        post(ended.toDTO()); // best effort now; the event's consumer makes sure
        return ended.toDTO();
    }

    private TradeDTO current(Trade trade) {
        return finder.get(TradeByNoQry.internal(trade.tradeNo()));
    }
}
