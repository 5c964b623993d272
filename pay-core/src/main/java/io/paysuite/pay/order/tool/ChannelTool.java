package io.paysuite.pay.order.tool;

import io.paysuite.api.channel.ChannelOrderDTO;
import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.channel.ChargeChannelCmd;
import io.paysuite.api.common.Result;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ledger.JournalEntryDTO;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.ledger.PaymentPostingCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeType;
import io.paysuite.pay.order.PayOrder;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pays through an external channel (channel-gateway over Dubbo). {@link #charge} is idempotent on
 * the pay order number on both sides: the gateway answers the same channel order, asking the
 * channel again while it is not final, so pay-core's delayed checks are the channel's query
 * schedule. When the channel says paid, the ledger records that the channel owes the platform the
 * money ({@code CHANNEL_CLEARING}), under the pay order number as posting key; only then is the
 * payment a success here, naming the channel the gateway says took the money. A combination payment's
 * channel is charged only what its coupon and points leave ({@link PayOrder#cashAmount}). A {@code PREAUTH}
 * trade's charge is the channel's pre-authorisation ({@link ChargeChannelCmd#authorisation()}): when the
 * channel says authorised, the ledger books it into the merchant's pre-auth hold (Dr the channel's
 * clearing, Cr the hold — nothing to the merchant before capture).
 */
public class ChannelTool implements PaymentTool {

    private static final Logger log = LoggerFactory.getLogger(ChannelTool.class);
    private static final Set<ErrorCode> REFUSED_BEFORE_SENDING = EnumSet.of(ErrorCode.PARAM_ERROR, ErrorCode.SERVICE_DEGRADED);

    private final PayMethod method;
    private final ChannelService channels;
    private final LedgerService ledger;

    public ChannelTool(PayMethod method, ChannelService channels, LedgerService ledger) {
        if (!method.viaChannel()) {
            throw new IllegalArgumentException(method + " is not a channel method");
        }
        this.method = method;
        this.channels = channels;
        this.ledger = ledger;
    }

    @Override
    public PayMethod method() {
        return method;
    }

    @Override
    public ToolOutcome charge(PayOrder order, TradeDTO trade, String authCode) {
        Result<ChannelOrderDTO> answer;
        try {
            answer = channels.charge(new ChargeChannelCmd(order.payOrderNo(), order.tradeNo(), order.merchantId(), method,
                    order.cashAmount(), trade.subject(), trade.timeExpire(), authCode, order.buyerId(),
                    trade.tradeType() == TradeType.PREAUTH));
        } catch (RuntimeException transport) {
            return new ToolOutcome(ToolOutcome.Kind.UNKNOWN, ErrorCode.SYSTEM_ERROR.code(), transport.toString());
        }
        if (!answer.success()) {
            return refusedBeforeSending(answer.code())
                    ? new ToolOutcome(ToolOutcome.Kind.FAILED, answer.code(), answer.message())
                    : new ToolOutcome(ToolOutcome.Kind.UNKNOWN, answer.code(), answer.message());
        }
        ChannelOrderDTO channelOrder = answer.data();
        return switch (channelOrder.status()) {
            case SUCCESS -> post(order, trade, channelOrder);
            case FAILED -> new ToolOutcome(ToolOutcome.Kind.FAILED, "CHANNEL_DECLINED",
                    channelOrder.channel() + " " + channelOrder.rawCode());
            case CREATED, PROCESSING, REVERSING -> new ToolOutcome(ToolOutcome.Kind.PENDING, channelOrder.rawCode(),
                    channelOrder.codeUrl() == null ? "waiting for the channel" : "waiting for the buyer's scan");
        };
    }

    private ToolOutcome post(PayOrder order, TradeDTO trade, ChannelOrderDTO channelOrder) {
        Result<JournalEntryDTO> posted;
        try {
            PaymentPostingCmd payment = new PaymentPostingCmd(order.payOrderNo(), order.tradeNo(), order.payOrderNo(),
                    order.buyerId(), order.merchantId(), order.amount(), trade.tradeType() == TradeType.GUARANTEE,
                    channelOrder.channel().name(), trade.tradeType() == TradeType.TOPUP,
                    order.parts().ledgerParts(order.payOrderNo(), order.amount().currency()));
            // a card's pre-auth: the channel holds the frozen amount for us until it completes; the hold, not the merchant
            posted = trade.tradeType() == TradeType.PREAUTH ? ledger.postAuthorisation(payment) : ledger.postPayment(payment);
        } catch (RuntimeException transport) {
            return new ToolOutcome(ToolOutcome.Kind.UNKNOWN, ErrorCode.SYSTEM_ERROR.code(), transport.toString());
        }
        if (posted.success()) {
            // the channel that answered, not method.channel(): the gateway may have rerouted the charge
            return ToolOutcome.success(channelOrder.channel().name());
        }
        // The channel has the buyer's money: this can never become a failure. The check retries.
        log.error("ALARM: pay order {} paid at {} but the ledger answered {} {}; retried by the check", order.payOrderNo(),
                channelOrder.channel(), posted.code(), posted.message());
        return new ToolOutcome(ToolOutcome.Kind.UNKNOWN, posted.code(), posted.message());
    }

    /**
     * The gateway's charge refuses with these before anything reaches a channel: bad input
     * ({@code PARAM_ERROR}) or no channel may take the payment now ({@code SERVICE_DEGRADED}, which
     * {@link io.paysuite.api.common.Outcome} in general counts as unknown, but the charge's contract
     * says nothing was sent). Any other refusal may follow a send: unknown, until the check asks again.
     */
    private static boolean refusedBeforeSending(String code) {
        return REFUSED_BEFORE_SENDING.stream().anyMatch(refusal -> refusal.code().equals(code));
    }
}
