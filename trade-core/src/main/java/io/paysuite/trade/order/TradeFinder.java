package io.paysuite.trade.order;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ids.ShardGene;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeByOutTradeNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradesByNoQry;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Reads trades without fan-out: by trade number (one table, named by the number's gene) or by
 * merchant order number (one index table named by the merchant, then one trade table).
 * Another merchant's trade is reported as not found, never revealed.
 */
@Component
public class TradeFinder {

    /** {@code T} + 25 digits: see {@link io.paysuite.api.ids.OrderNo}. */
    static final Pattern TRADE_NO = Pattern.compile("T\\d{25}");

    private final TradeRepository trades;
    private final MerchantOrderIndex index;

    public TradeFinder(TradeRepository trades, MerchantOrderIndex index) {
        this.trades = trades;
        this.index = index;
    }

    public TradeDTO get(TradeByNoQry qry) {
        return trade(qry).toDTO();
    }

    /** The trade aggregate itself, with the same checks as {@link #get}: one read of one table. */
    public Trade trade(TradeByNoQry qry) {
        if (qry == null || qry.tradeNo() == null || qry.tradeNo().isBlank()) {
            throw new BizException(ErrorCode.PARAM_ERROR, "trade_no is required");
        }
        if (!isTradeNo(qry.tradeNo())) {
            throw notFound(qry.tradeNo()); // cannot exist, and must not reach the router
        }
        return trades.find(qry.tradeNo())
                .filter(trade -> qry.merchantId() == null || qry.merchantId().equals(trade.merchantId()))
                .orElseThrow(() -> notFound(qry.tradeNo()));
    }

    /**
     * The trades of these numbers that exist, for an internal caller, in one read (one statement per
     * shard the genes name): a number that cannot be a trade's is left out before the router, as
     * {@link #trade} does, and so is one without a trade.
     */
    public List<TradeDTO> getAll(TradesByNoQry qry) {
        if (qry == null || qry.tradeNos() == null) {
            throw new BizException(ErrorCode.PARAM_ERROR, "trade_nos is required");
        }
        if (qry.tradeNos().size() > TradesByNoQry.MAX_TRADES) {
            throw new BizException(ErrorCode.PARAM_ERROR, "at most " + TradesByNoQry.MAX_TRADES + " trade_nos");
        }
        List<String> numbers = qry.tradeNos().stream().filter(Objects::nonNull).filter(TradeFinder::isTradeNo).distinct().toList();
        return numbers.isEmpty() ? List.of() : trades.findAll(numbers).stream().map(Trade::toDTO).toList();
    }

    public TradeDTO getByOutTradeNo(TradeByOutTradeNoQry qry) {
        if (qry == null || qry.merchantId() == null || qry.merchantId().isBlank()) {
            throw new BizException(ErrorCode.PARAM_ERROR, "merchant_id is required");
        }
        if (qry.outTradeNo() == null || qry.outTradeNo().isBlank()) {
            throw new BizException(ErrorCode.PARAM_ERROR, "out_trade_no is required");
        }
        return index.find(qry.merchantId(), qry.outTradeNo())
                .flatMap(entry -> trades.find(entry.tradeNo()))
                .map(Trade::toDTO)
                .orElseThrow(() -> new BizException(ErrorCode.TRADE_NOT_FOUND,
                        "no trade for out_trade_no " + qry.outTradeNo()));
    }

    static boolean isTradeNo(String value) {
        return TRADE_NO.matcher(value).matches()
                && Integer.parseInt(value.substring(value.length() - ShardGene.DIGITS)) < ShardGene.GENES;
    }

    private static BizException notFound(String tradeNo) {
        return new BizException(ErrorCode.TRADE_NOT_FOUND, "no trade " + tradeNo);
    }
}
