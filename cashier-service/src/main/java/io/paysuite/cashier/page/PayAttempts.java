package io.paysuite.cashier.page;

import io.paysuite.api.common.Result;
import io.paysuite.api.pay.PayCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.trade.TradeDTO;
import org.apache.dubbo.rpc.RpcException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One submitted pay form → {@link PayService#pay} → the page the buyer sees next.
 *
 * <p>Uncertain is not failed (ARCHITECTURE.md): a timeout, a lost connection or a system error may
 * have taken the money, so they lead to the "in progress" page, which asks the trade again until it
 * is final, never to a failure the buyer would answer by paying twice. The form's {@code request_no}
 * makes a resubmitted form (double click, refresh) the same attempt: pay-core answers its pay order.
 * The payment password goes to pay-core and nowhere else: never logged, never kept.
 */
final class PayAttempts {

    private static final Logger log = LoggerFactory.getLogger(PayAttempts.class);

    private final PayService pay;
    private final long progressRefreshSeconds;
    private final long returnDelaySeconds;

    PayAttempts(PayService pay, CashierPageProperties properties) {
        this.pay = pay;
        this.progressRefreshSeconds = Math.max(1, properties.progressRefresh().toSeconds());
        this.returnDelaySeconds = Math.max(0, properties.returnDelay().toSeconds());
    }

    PayOutcome pay(TradeDTO trade, String buyerId, PayMethod method, String payPassword, String requestNo, String cashierPath) {
        PayOutcome inProgress = new PayOutcome.Shown(StatusPage.inProgress(cashierPath, progressRefreshSeconds));
        Result<PayOrderDTO> result;
        try {
            result = pay.pay(new PayCmd(trade.tradeNo(), buyerId, method, payPassword, requestNo));
        } catch (RpcException e) {
            // the message may quote the invocation; the code says enough
            log.warn("pay outcome unknown trade_no={} request_no={} rpc_code={} timeout={}",
                    trade.tradeNo(), requestNo, e.getCode(), e.isTimeout());
            return inProgress;
        }
        if (result == null) {
            return inProgress;
        }
        if (result.success()) {
            PayOrderDTO order = result.data();
            log.info("pay answered trade_no={} request_no={} pay_order_no={} status={}",
                    trade.tradeNo(), requestNo, order.payOrderNo(), order.status());
            return switch (order.status()) {
                case SUCCESS -> new PayOutcome.Shown(StatusPage.paid(trade.returnUrl(), returnDelaySeconds));
                case FAILED -> new PayOutcome.Refused(PayRefusal.of("error.PAY_FAILED"));
                case CREATED, PROCESSING -> (method == PayMethod.WECHAT_QR || method == PayMethod.ALIPAY_QR) ? new PayOutcome.Scan(order.payOrderNo()) : inProgress;
            };
        }
        log.info("pay refused trade_no={} request_no={} code={}", trade.tradeNo(), requestNo, result.code());
        return switch (String.valueOf(result.code())) {
            case "TRADE_PAID" -> new PayOutcome.Shown(StatusPage.alreadyPaid("SUCCESS", trade.returnUrl()));
            case "TRADE_CLOSED" -> new PayOutcome.Shown(StatusPage.closed());
            case "TRADE_EXPIRED" -> new PayOutcome.Shown(StatusPage.expired());
            case "TRADE_PAYING", "SYSTEM_ERROR" -> inProgress;
            default -> new PayOutcome.Refused(PayRefusal.of(result.code(), result.message()));
        };
    }
}
