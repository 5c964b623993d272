package io.paysuite.cashier.api.trade;

import io.paysuite.api.common.Outcome;
import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
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
 * <p>The attempt's request number is derived from the trade and a digest of the code, so a resent
 * request is the same attempt, and a new code for a trade whose first code was refused is a new
 * one. The code itself is a one-time credential: never logged, never stored here.
 */
final class BarcodePayment {

    private static final Logger log = LoggerFactory.getLogger(BarcodePayment.class);

    private static final java.time.Duration FOLLOW_WAIT = java.time.Duration.ofSeconds(3);

    private BarcodePayment() {
    }

    record Started(TradeDTO trade, boolean repeated) {
    }

    static Started pay(String merchantId, byte[] raw, TradeService trades, PayService pay) {
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
        if (trade.status() == io.paysuite.api.trade.TradeStatus.WAIT_PAY) {
            String requestNo = "BC-" + trade.tradeNo() + "-" + digest(authCode);
            try {
                Result<PayOrderDTO> paid = pay.pay(new PayCmd(trade.tradeNo(), method.channel() + "_BUYER", method, null, requestNo,
                        authCode));
                if (Outcome.definitelyFailed(paid)) {
                    Results.unwrap(paid); // a definite refusal: CHANNEL_DECLINED, TRADE_PAYING …; the trade waits for another code
                }
                // unknown (SYSTEM_ERROR, SERVICE_DEGRADED, no answer): the trade as it stands says where the money is
                if (paid != null && paid.success() && paid.data().status() == PayOrderStatus.SUCCESS) {
                    return new Started(followed(trades, trade.tradeNo()), created.repeated());
                }
            } catch (RpcException unknown) {
                log.warn("barcode payment of {} outcome unknown: rpc_code={}", trade.tradeNo(), unknown.getCode());
            }
            trade = Results.unwrap(trades.get(TradeByNoQry.internal(trade.tradeNo())));
        }
        return new Started(trade, created.repeated());
    }

    /**
     * The trade follows a successful pay order through its event within moments; the till is told
     * SUCCESS rather than PAYING when that happens within {@link #FOLLOW_WAIT}. Otherwise it gets the
     * trade as it stands (PAYING: "query it"), which is never wrong, only less convenient.
     */
    private static TradeDTO followed(TradeService trades, String tradeNo) {
        long deadline = System.nanoTime() + FOLLOW_WAIT.toNanos();
        TradeDTO trade = Results.unwrap(trades.get(TradeByNoQry.internal(tradeNo)));
        while (trade.status() == io.paysuite.api.trade.TradeStatus.PAYING && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            trade = Results.unwrap(trades.get(TradeByNoQry.internal(tradeNo)));
        }
        return trade;
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
