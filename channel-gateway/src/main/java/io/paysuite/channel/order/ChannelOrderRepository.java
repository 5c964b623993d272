package io.paysuite.channel.order;

import io.paysuite.api.channel.ChannelOrderStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Channel orders; every state change is a compare-and-set on the status, inside {@link ChannelOrderTransitions#TABLE}. */
public interface ChannelOrderRepository {

    /** @return false when the pay order already has this attempt (the unique key decided) */
    boolean insert(ChannelOrder order);

    /** The pay order's current charge: its highest attempt. */
    Optional<ChannelOrder> findByPayOrder(String payOrderNo);

    /**
     * {@link #findByPayOrder} of several pay orders, in no particular order; a pay order without a channel
     * order is not in the answer. This default reads them one by one (test doubles); the MyBatis repository
     * reads them all in one statement.
     */
    default List<ChannelOrder> findByPayOrders(Collection<String> payOrderNos) {
        return payOrderNos.stream().distinct().map(this::findByPayOrder).flatMap(Optional::stream).toList();
    }

    /** By the channel's trade number or our channel order number, the newest; read-only (the ops console's search). */
    Optional<ChannelOrder> findByNumber(String number);

    /** Every attempt of the pay order, first first. */
    List<ChannelOrder> attempts(String payOrderNo);

    /**
     * Records once what becomes of a refused attempt: {@code to} is the next attempt's channel or
     * {@link ChannelOrder#NO_REROUTE}. @return false when it was already decided (read it back)
     */
    boolean decideReroute(String channelOrderNo, String to, Instant at);

    Optional<ChannelOrder> find(String channelOrderNo);

    /** The order as it is stored now (after a compare-and-set, whoever won it). */
    default ChannelOrder reread(ChannelOrder order) {
        return find(order.channelOrderNo()).orElseThrow();
    }

    /**
     * {@code from → to}, keeping what the answer told (code url, channel trade number) when given.
     *
     * @return false when the order was no longer {@code from}
     * @throws io.paysuite.kit.state.StateTable.IllegalTransitionException when {@link ChannelOrderTransitions#TABLE}
     *         does not allow {@code from → to}
     */
    boolean transition(String channelOrderNo, ChannelOrderStatus from, ChannelOrderStatus to, String codeUrl,
                       String channelTradeNo, String rawCode, String finalSource, Instant at);

    /** Remembers a QR code issued after the order was already {@code PROCESSING} (the first answer was lost). */
    boolean rememberCodeUrl(String channelOrderNo, String codeUrl, Instant at);

    void recordConflict(String channelOrderNo, ChannelOrderStatus held, ChannelOrderStatus claimed, String rawCode,
                        String source, String detail, Instant at);

    /** Records a success that arrived after the order was {@code held} final, with the refund that pays it back. */
    void recordLateSuccess(String channelOrderNo, ChannelOrderStatus held, String rawCode, String source, String detail,
                           String channelTradeNo, long paidMinor, String currency, String refundNo, Instant at);

    /** The channel's trade number as a late success of the order stated it (what its pay-back refunds). */
    Optional<String> lateChannelTradeNo(String channelOrderNo);

    /** Late successes, newest first. */
    default List<LateResult> lateResults(int limit) {
        return List.of();
    }
}
