package io.paysuite.api.channel;

import java.io.Serializable;
import java.util.List;

/**
 * The channel orders of several pay orders at once, for an internal caller that checks many
 * payments in one round: at most {@link #MAX_PAY_ORDERS} pay order numbers, else
 * {@code PARAM_ERROR}. A repeated number is read once.
 */
public record ChannelOrdersQry(List<String> payOrderNos) implements Serializable {

    /** The most pay order numbers one query may name. */
    public static final int MAX_PAY_ORDERS = 500;

    public ChannelOrdersQry {
        payOrderNos = payOrderNos == null ? null : List.copyOf(payOrderNos);
    }
}
