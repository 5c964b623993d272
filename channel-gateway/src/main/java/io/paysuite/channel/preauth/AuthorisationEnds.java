package io.paysuite.channel.preauth;

import io.paysuite.api.channel.AuthorisationEndDTO;
import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.channel.EndAuthorisationCmd;
import io.paysuite.api.common.Outcome;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.money.Money;
import io.paysuite.channel.adapter.AuthorisingAdapter;
import io.paysuite.channel.adapter.ChannelAdapters;
import io.paysuite.channel.adapter.ChannelCall;
import io.paysuite.channel.isolation.ChannelGuard;
import io.paysuite.channel.order.ChannelOrder;
import io.paysuite.channel.order.ChannelOrderRepository;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The end of a card pre-authorisation at its channel: the completion of the captured part or the cancel of all of
 * it. Nothing is stored here: the end's number derives from the trade number ({@code K…} completion, {@code X…}
 * cancel) and its time is the trade's capture or void, so every call names the same transaction at the channel.
 * Every call asks first: a transaction the channel does not know is sent (a duplicate send is answered as such by
 * the channel, never done twice), one it knows is answered as it stands. A timeout or an unknown answer is
 * {@code UNKNOWN}: trade-core asks again, and never takes it for a failure.
 *
 * <p>A completion the channel confirms is recorded ({@link Completions}) before the answer goes back: a refund of the
 * captured money names the completion at the channel (its own id, which the pre-auth's is not), and reconciliation
 * matches the channel's file line of it. The answer waits for the record, so a completion trade-core saw succeed is
 * always one the gateway can refund; a record that fails fails the call, which trade-core asks again.
 */
@Component
public class AuthorisationEnds {

    private static final Logger log = LoggerFactory.getLogger(AuthorisationEnds.class);

    private final ChannelOrderRepository orders;
    private final ChannelAdapters adapters;
    private final ChannelGuard guard;
    private final Completions completions;
    private final Clock clock;

    public AuthorisationEnds(ChannelOrderRepository orders, ChannelAdapters adapters, ChannelGuard guard, Completions completions,
                             Clock clock) {
        this.orders = orders;
        this.adapters = adapters;
        this.guard = guard;
        this.completions = completions;
        this.clock = clock;
    }

    /** Our number at the channel of a trade's completion or cancel: letters and digits, as every channel takes. */
    static String numberOf(String tradeNo, boolean completion) {
        return (completion ? "K" : "X") + tradeNo.substring(1);
    }

    public AuthorisationEndDTO end(EndAuthorisationCmd cmd) {
        if (cmd == null || cmd.tradeNo() == null || cmd.tradeNo().length() < 2 || cmd.payOrderNo() == null || cmd.capture() == null
                || cmd.capture().minor() < 0 || cmd.endedAt() == null) {
            throw new BizException(ErrorCode.PARAM_ERROR, "trade_no, pay_order_no, capture (0 or more) and ended_at are required");
        }
        ChannelOrder authorisation = orders.findByPayOrder(cmd.payOrderNo())
                .filter(o -> o.authorisation() && o.status() == ChannelOrderStatus.SUCCESS && o.tradeNo().equals(cmd.tradeNo()))
                .orElseThrow(() -> new BizException(ErrorCode.PAY_ORDER_NOT_FOUND, "no card authorisation of trade " + cmd.tradeNo()
                        + " by pay order " + cmd.payOrderNo()));
        if (!cmd.capture().currency().equals(authorisation.amount().currency()) || cmd.capture().minor() > authorisation.amount().minor()) {
            throw new BizException(ErrorCode.PARAM_ERROR, "capture " + cmd.capture() + " exceeds the authorised " + authorisation.amount());
        }
        if (!(adapters.of(authorisation) instanceof AuthorisingAdapter adapter)) {
            throw new BizException(ErrorCode.SERVICE_DEGRADED, "channel " + authorisation.channel() + " is not served here; nothing was sent");
        }
        AuthorisingAdapter.End end = new AuthorisingAdapter.End(numberOf(cmd.tradeNo(), cmd.completion()),
                cmd.endedAt().truncatedTo(ChronoUnit.SECONDS), cmd.capture().minor());
        ChannelCall asked = guard.call(authorisation.channel(), "preauth-query", () -> adapter.queryEnd(authorisation, end));
        if (asked.outcome() == io.paysuite.channel.adapter.Outcome.NOT_FOUND) {
            asked = guard.call(authorisation.channel(), "preauth-end", () -> adapter.end(authorisation, end));
            log.info("authorisation {} {} sent to {}: {} {}", cmd.tradeNo(), end.completion() ? "completion" : "cancel",
                    authorisation.channel(), asked.rawCode(), asked.rawMessage());
            if (asked.outcome() == io.paysuite.channel.adapter.Outcome.FAILURE) {
                // A refusal may be the channel turning down a second send of this same end: trade-core's capture and
                // its event's consumer can both ask at once, both hear "not found" and both send. Only an end the
                // channel still does not know was refused; one it knows is answered as it stands.
                ChannelCall again = guard.call(authorisation.channel(), "preauth-query", () -> adapter.queryEnd(authorisation, end));
                if (again.outcome() != io.paysuite.channel.adapter.Outcome.NOT_FOUND) {
                    asked = again;
                }
            }
        }
        Outcome outcome = switch (asked.outcome()) {
            case SUCCESS -> Outcome.SUCCEEDED;
            case FAILURE -> Outcome.FAILED;
            case PENDING, UNKNOWN, NOT_FOUND -> Outcome.UNKNOWN;
        };
        if (outcome == Outcome.SUCCEEDED && end.completion()) {
            record(authorisation, end, asked);
        }
        if (outcome == Outcome.FAILED) {
            log.error("ALARM: {} refused the {} of authorisation {}: {} {}", authorisation.channel(),
                    end.completion() ? "completion" : "cancel", cmd.tradeNo(), asked.rawCode(), asked.rawMessage());
        }
        return new AuthorisationEndDTO(cmd.tradeNo(), end.number(), authorisation.channel(), outcome,
                new Money(end.capture(), authorisation.amount().currency()), asked.rawCode(), asked.rawMessage());
    }

    private void record(ChannelOrder authorisation, AuthorisingAdapter.End end, ChannelCall confirmed) {
        if (confirmed.channelTradeNo() == null) {
            // without the channel's id of the completion no refund can name it: say so loudly, the capture stands
            log.error("ALARM: {} confirmed the completion {} of {} without its id; refunds of it cannot be sent",
                    authorisation.channel(), end.number(), authorisation.channelOrderNo());
            return;
        }
        completions.record(new Completion(end.number(), authorisation.channelOrderNo(), authorisation.payOrderNo(),
                authorisation.tradeNo(), authorisation.merchantId(), authorisation.channel(), authorisation.method(),
                new Money(end.capture(), authorisation.amount().currency()), confirmed.channelTradeNo(), end.at(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS)));
    }
}
