package io.paysuite.cashier.page;

import io.paysuite.api.channel.ChannelOrderDTO;
import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.common.Result;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.cashier.api.error.Results;
import io.paysuite.cashier.token.CashierTokens;
import java.time.Clock;
import java.util.Optional;

/**
 * The trade a cashier link stands for. The token is the buyer's only authority: it names the trade,
 * and a pay order number taken from a page's path only picks an attempt of that trade.
 *
 * <p>An invalid, forged or expired token and a trade that does not exist both come back empty, so
 * the page cannot tell them apart (tokens cannot be probed). A downstream fault is not "no trade":
 * it is thrown, and the page says "try again".
 */
final class CashierTrades {

    private final CashierTokens tokens;
    private final TradeService trades;
    private final ChannelService channels;
    private final Clock clock;

    CashierTrades(CashierTokens tokens, TradeService trades, ChannelService channels, Clock clock) {
        this.tokens = tokens;
        this.trades = trades;
        this.channels = channels;
        this.clock = clock;
    }

    /** The trade of a valid token, or empty when the link is not (or no longer) good. */
    Optional<TradeDTO> of(String token) {
        Optional<CashierTokens.CashierTicket> ticket = tokens.resolve(token);
        if (ticket.isEmpty()) {
            return Optional.empty();
        }
        Result<TradeDTO> result = trades.get(TradeByNoQry.internal(ticket.get().tradeNo()));
        if (result != null && !result.success() && ErrorCode.TRADE_NOT_FOUND.code().equals(result.code())) {
            return Optional.empty();
        }
        return Optional.of(Results.unwrap(result));
    }

    /** Past {@code time_expire}: closed for the buyer even before trade-core's expiry closes it. */
    boolean expired(TradeDTO trade) {
        return trade.timeExpire() != null && !clock.instant().isBefore(trade.timeExpire());
    }

    /** The channel order of one of this trade's attempts; empty for another trade's, or when it cannot be read now. */
    Optional<ChannelOrderDTO> channelOrder(TradeDTO trade, String payOrderNo) {
        Result<ChannelOrderDTO> channelOrder = channels.get(payOrderNo);
        if (channelOrder == null || !channelOrder.success() || !trade.tradeNo().equals(channelOrder.data().tradeNo())) {
            return Optional.empty();
        }
        return Optional.of(channelOrder.data());
    }
}
