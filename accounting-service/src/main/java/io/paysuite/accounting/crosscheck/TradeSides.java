package io.paysuite.accounting.crosscheck;

import io.paysuite.api.channel.ChannelOrderDTO;
import io.paysuite.api.ledger.JournalEntryDTO;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.refund.RefundDTO;
import io.paysuite.api.trade.TradeDTO;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the services say about one trade at one moment, as read for a check.
 *
 * @param trade            the trade, or null when trade-core has no trade of this number
 * @param payOrders        the trade's pay orders
 * @param channelOrders    the channel order of each pay order that has one, by pay order number
 * @param refunds          the refunds looked at (those the ledger posted and those an event or finding named), by number
 * @param refundsNotFound  refund numbers trade-core does not know
 * @param entries          the journal entries whose {@code biz_no} is the trade number, oldest first
 */
public record TradeSides(String tradeNo, TradeDTO trade, List<PayOrderDTO> payOrders, Map<String, ChannelOrderDTO> channelOrders,
                         Map<String, RefundDTO> refunds, Set<String> refundsNotFound, List<JournalEntryDTO> entries) {

    public TradeSides {
        payOrders = List.copyOf(payOrders);
        channelOrders = Map.copyOf(channelOrders);
        refunds = Map.copyOf(refunds);
        refundsNotFound = Set.copyOf(refundsNotFound);
        entries = List.copyOf(entries);
    }

    /** A trade's order number ({@code OrderNo}: the kind letter {@code T} and 25 digits); other business numbers are not trades. */
    public static boolean isTradeNo(String bizNo) {
        return bizNo != null && bizNo.length() == 26 && bizNo.charAt(0) == 'T' && bizNo.chars().skip(1).allMatch(Character::isDigit);
    }
}
