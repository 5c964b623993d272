package io.paysuite.cashier.api.trade;

import io.paysuite.api.common.Outcome;
import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.RiskContext;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.trade.CloseTradeCmd;
import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.cashier.api.JsonBody;
import io.paysuite.cashier.api.error.Results;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.apache.dubbo.rpc.RpcException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/trades/barcode}: the merchant scanned the buyer's payment code. The trade is
 * created (idempotent on {@code out_trade_no}) with the code's method as its only method, then paid
 * at once: {@code SUCCESS} when the channel took the money, {@code PAYING} while the buyer confirms
 * in the app — the platform then queries and reverses the charge if unpaid after 30 s.
 *
 * <p>A till is never told {@code WAIT_PAY}: it would wait for a payment nobody is making. When the
 * payment did not take the trade (pay-core unreachable, degraded, or its answer unknown before it took
 * the trade) the trade is closed here by compare-and-set, which is safe because money only moves for a
 * pay order holding the trade: if pay-core took it meanwhile the close loses ({@code TRADE_PAYING}) and
 * the till hears {@code PAYING}. If even the close cannot be made, the trade's own short expiry
 * (trade-core's {@code payment-code-expiry}) closes it within the minute, and the till gets an error.
 * A definite refusal (a declined code) is answered as such; the trade then waits for another code
 * until that expiry.
 *
 * <p>The attempt's request number is derived from the trade and a digest of the code, so a resent
 * request is the same attempt, and a new code for a trade whose first code was refused is a new
 * one. The code itself is a one-time credential: never logged, never stored here.
 */
final class BarcodePayment {

    private static final Logger log = LoggerFactory.getLogger(BarcodePayment.class);

    private BarcodePayment() {
    }

    record Started(TradeDTO trade, boolean repeated) {
    }

    /** @param tillIp the address the merchant's request came from, for pay-core's risk rules */
    static Started pay(String merchantId, byte[] raw, TradeService trades, PayService pay, PayingTrades paying, String tillIp) {
        JsonBody body = JsonBody.parse(raw);
        String authCode = body.text("auth_code");
        PayMethod method = PayMethod.ofPaymentCode(authCode);
        if (method == null) {
            throw body.invalid("auth_code", "is not a WeChat (18 digits, 10-15…) or Alipay (16-24 digits, 25-30…) payment code");
        }
        JsonBody amount = body.object("amount");
        long total = amount.integer("total");
        if (total <= 0) {
            throw amount.invalid("total", "must be greater than 0");
        }
        CreateTradeCmd create = new CreateTradeCmd(merchantId, body.text("out_trade_no"), TradeType.INSTANT,
                Money.of(total, amount.text("currency")), body.text("subject"), null, body.optionalText("notify_url"), null,
                body.optionalText("attach"), null, List.of(method));
        Result<TradeDTO> created = trades.create(create);
        TradeDTO trade = Results.unwrap(created);
        if (trade.paymentMethods().size() != 1 || !trade.paymentMethods().get(0).paymentCode()) {
            throw new BizException(ErrorCode.OUT_TRADE_NO_USED, "out_trade_no " + create.outTradeNo() + " names a trade that is not a payment-code trade");
        }
        if (trade.status() == TradeStatus.WAIT_PAY) {
            String requestNo = "BC-" + trade.tradeNo() + "-" + digest(authCode);
            PayOrderDTO paid = null;
            try {
                Result<PayOrderDTO> answer = pay.pay(new PayCmd(trade.tradeNo(), method.channel() + "_BUYER", method, null,
                        requestNo, authCode).withRisk(new RiskContext(tillIp, null)));
                if (Outcome.definitelyFailed(answer)) {
                    Results.unwrap(answer); // a definite refusal: CHANNEL_DECLINED, TRADE_PAYING …; the trade waits for another code
                }
                if (answer != null && answer.success() && answer.data().status() == PayOrderStatus.SUCCESS) {
                    paid = answer.data();
                }
            } catch (RpcException unknown) {
                log.warn("barcode payment of {} outcome unknown: rpc_code={}", trade.tradeNo(), unknown.getCode());
            }
            // paid: the trade pay-core's answer carries (trade-core recorded it when handed the success), else once it
            // follows; unknown (SYSTEM_ERROR, SERVICE_DEGRADED, no answer) or pending: the trade as it stands says where
            // the money is
            trade = paid != null ? paying.paidBy(paid) : paying.current(trade.tradeNo());
            if (trade.status() == TradeStatus.WAIT_PAY) {
                trade = closeUntaken(trade, merchantId, trades, paying);
            }
        }
        return new Started(trade, created.repeated());
    }

    /** The payment did not take the trade: close it, unless pay-core takes it first. */
    private static TradeDTO closeUntaken(TradeDTO trade, String merchantId, TradeService trades, PayingTrades paying) {
        Result<TradeDTO> closed = trades.close(new CloseTradeCmd(trade.tradeNo(), merchantId));
        if (closed != null && !closed.success() && (ErrorCode.TRADE_PAYING.code().equals(closed.code())
                || ErrorCode.TRADE_PAID.code().equals(closed.code()))) {
            return paying.settled(trade.tradeNo()); // the payment took it after all: it decides
        }
        TradeDTO answer = Results.unwrap(closed);
        log.info("barcode trade {} closed: its payment never took it", trade.tradeNo());
        return answer;
    }

    private static String digest(String authCode) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(authCode.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
