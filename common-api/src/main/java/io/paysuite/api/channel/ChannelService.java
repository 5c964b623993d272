package io.paysuite.api.channel;

import io.paysuite.api.ReadOnly;
import io.paysuite.api.common.Result;
import java.util.List;

/**
 * Channel orders over Dubbo (provider: channel-gateway). Answers never fold "unknown" into
 * failure: a channel that timed out or answered a code we do not know leaves the order
 * {@code PROCESSING}.
 */
public interface ChannelService {

    /**
     * Charge (or, on a repeat, follow up) a pay order at the channel its method routes to.
     * Answers the channel order: {@code PROCESSING} with {@code codeUrl} for a QR waiting for its
     * scan, {@code SUCCESS}, or {@code FAILED} with the channel's code. Refusals: {@code PARAM_ERROR}
     * (bad command, or the same pay order number with different content), {@code SERVICE_DEGRADED}
     * (no channel can take it now; nothing was sent).
     */
    Result<ChannelOrderDTO> charge(ChargeChannelCmd cmd);

    /** The channel order of a pay order as stored, without asking the channel; {@code PAY_ORDER_NOT_FOUND} if none. */
    @ReadOnly
    Result<ChannelOrderDTO> get(String payOrderNo);

    /**
     * The channel orders of these pay orders, each as {@link #get} answers it (the pay order's current
     * charge), in no particular order: a pay order without a channel order is simply not in the
     * answer — that is the definite "not found" — and each is in it once. At most
     * {@link ChannelOrdersQry#MAX_PAY_ORDERS} numbers, else {@code PARAM_ERROR}. Read-only; one
     * statement, never one per pay order.
     */
    @ReadOnly
    Result<List<ChannelOrderDTO>> getAll(ChannelOrdersQry qry);

    /**
     * Refund (or, on a repeat, follow up) a refund of a channel payment at its channel. Answers the
     * channel refund: {@code SUCCESS}, {@code PROCESSING} (accepted or unknown: ask again), or
     * {@code FAILED} when the channel definitely refused it (nothing was returned to the buyer).
     * Refusals: {@code PARAM_ERROR}, {@code PAY_ORDER_NOT_FOUND} (no successful channel order).
     */
    Result<ChannelRefundDTO> refund(RefundChannelCmd cmd);

    /** Every configured channel's health now: success rate, latency percentiles, breaker state, frequent codes. */
    @ReadOnly
    Result<List<ChannelHealthDTO>> health();


    /**
     * The newest {@code limit} (1–500) results that arrived after their order was final — a success on an order we
     * had closed or failed — each with the refund that pays the buyer back. Read-only. {@code PARAM_ERROR} for a
     * limit out of range.
     */
    @ReadOnly
    Result<List<LateChannelResultDTO>> lateResults(int limit);

    /**
     * The channel order an operator's number names — the channel's own trade number or our channel order number —
     * as stored (the newest if a number was reused), for the ops console's search; {@code PAY_ORDER_NOT_FOUND} if
     * none. Read-only.
     */
    @ReadOnly
    Result<ChannelOrderDTO> findByNumber(String number);

    /**
     * Ends a card pre-authorisation at its channel (UnionPay's pre-auth completion for {@code capture > 0}, up to the
     * authorised amount, or its cancel for {@code capture = 0}), or — on every later call — asks how that end stands.
     * Idempotent on the trade: the end's channel number derives from the trade number and {@code endedAt}, so a
     * repeat is the same transaction there. {@code SUCCEEDED} once the channel completed or cancelled it,
     * {@code UNKNOWN} while accepted or unanswered (ask again; never assume), {@code FAILED} when the channel
     * definitely refused it. Refusals: {@code PARAM_ERROR}, {@code PAY_ORDER_NOT_FOUND} (no authorised channel order).
     */
    Result<AuthorisationEndDTO> endAuthorisation(EndAuthorisationCmd cmd);
}
