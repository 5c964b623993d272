package io.paysuite.cashier.ops.console;

import io.paysuite.api.channel.ChannelOrderDTO;
import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.refund.RefundByNoQry;
import io.paysuite.api.refund.RefundByOutRefundNoQry;
import io.paysuite.api.refund.RefundDTO;
import io.paysuite.api.refund.RefundService;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeByOutTradeNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.cashier.api.Times;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.dubbo.rpc.RpcException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /ops/api/v1/search?number=…[&merchant_id=…]}: whatever an operator has in hand — our trade, refund or
 * pay order number, the channel's trade number or our number at the channel, or (with the merchant) the merchant's
 * own order or refund number — to the trades and refunds it names. Each owner is asked the one question its index
 * answers; a number that is not one of its kind is simply not found there.
 */
@RestController
@RequestMapping(path = "/ops/api/v1/search", produces = MediaType.APPLICATION_JSON_VALUE)
public class NumberSearchController {

    private static final Logger log = LoggerFactory.getLogger(NumberSearchController.class);

    /** {@code matched_as}: which number it was — TRADE_NO, OUT_TRADE_NO, REFUND_NO, OUT_REFUND_NO, PAY_ORDER_NO, CHANNEL_NO. */
    public record Hit(String matchedAs, String kind, String number, String tradeNo, String merchantId, String status, Long amount,
                      String currency, String createdAt, String channel, String channelTradeNo) {
    }

    public record SearchView(String number, List<Hit> hits) {
    }

    private final TradeService trades;
    private final RefundService refunds;
    private final PayService pays;
    private final ChannelService channels;
    private final Times times;

    public NumberSearchController(TradeService trades, RefundService refunds, PayService pays, ChannelService channels, Times times) {
        this.trades = trades;
        this.refunds = refunds;
        this.pays = pays;
        this.channels = channels;
        this.times = times;
    }

    @GetMapping
    public SearchView search(@RequestParam("number") String raw, @RequestParam(name = "merchant_id", required = false) String merchantId) {
        String number = raw.strip();
        if (number.isEmpty() || number.length() > 64) {
            throw new BizException(ErrorCode.PARAM_ERROR, "number must be 1-64 characters");
        }
        Map<String, Hit> hits = new LinkedHashMap<>();
        find(() -> trades.get(TradeByNoQry.internal(number))).ifPresent(t -> add(hits, trade("TRADE_NO", t)));
        find(() -> refunds.get(new RefundByNoQry(number, null))).ifPresent(r -> add(hits, refund("REFUND_NO", r)));
        find(() -> pays.get(number)).ifPresent(p -> tradeOf("PAY_ORDER_NO", p, hits));
        find(() -> channels.findByNumber(number)).ifPresent(c -> channelOrder(c, hits));
        if (merchantId != null && !merchantId.isBlank()) {
            String merchant = merchantId.strip();
            find(() -> trades.getByOutTradeNo(new TradeByOutTradeNoQry(merchant, number))).ifPresent(t -> add(hits, trade("OUT_TRADE_NO", t)));
            find(() -> refunds.getByOutRefundNo(new RefundByOutRefundNoQry(merchant, number)))
                    .ifPresent(r -> add(hits, refund("OUT_REFUND_NO", r)));
        }
        return new SearchView(number, new ArrayList<>(hits.values()));
    }

    private void tradeOf(String matchedAs, PayOrderDTO pay, Map<String, Hit> hits) {
        find(() -> trades.get(TradeByNoQry.internal(pay.tradeNo()))).ifPresent(t -> add(hits, trade(matchedAs, t)));
    }

    private void channelOrder(ChannelOrderDTO order, Map<String, Hit> hits) {
        find(() -> trades.get(TradeByNoQry.internal(order.tradeNo()))).ifPresent(t -> {
            Hit hit = trade("CHANNEL_NO", t);
            add(hits, new Hit(hit.matchedAs(), hit.kind(), hit.number(), hit.tradeNo(), hit.merchantId(), hit.status(), hit.amount(),
                    hit.currency(), hit.createdAt(), order.channel().name(), order.channelTradeNo()));
        });
    }

    private Hit trade(String matchedAs, TradeDTO t) {
        return new Hit(matchedAs, "TRADE", t.tradeNo(), t.tradeNo(), t.merchantId(), t.status().name(), t.amount().minor(),
                t.amount().currency(), times.format(t.createdAt()), null, null);
    }

    private Hit refund(String matchedAs, RefundDTO r) {
        return new Hit(matchedAs, "REFUND", r.refundNo(), r.tradeNo(), r.merchantId(), r.status().name(), r.amount().minor(),
                r.amount().currency(), times.format(r.createdAt()), null, null);
    }

    private static void add(Map<String, Hit> hits, Hit hit) {
        hits.putIfAbsent(hit.kind() + ":" + hit.number(), hit);
    }

    /** The answer's data, or nothing when the owner does not know the number (or cannot be asked right now). */
    private static <T> java.util.Optional<T> find(Supplier<Result<T>> ask) {
        try {
            Result<T> result = ask.get();
            return result != null && result.success() ? java.util.Optional.ofNullable(result.data()) : java.util.Optional.empty();
        } catch (RpcException | BizException e) {
            log.debug("ops search: one lookup failed: {}", e.toString());
            return java.util.Optional.empty();
        }
    }
}
