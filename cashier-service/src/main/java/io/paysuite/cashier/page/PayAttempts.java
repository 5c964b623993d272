package io.paysuite.cashier.page;

import io.paysuite.api.common.Outcome;
import io.paysuite.api.common.Result;
import io.paysuite.api.pay.PayCmd;
import io.paysuite.api.pay.RiskContext;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.cashier.api.trade.PayingTrades;
import java.util.Optional;
import org.apache.dubbo.rpc.RpcException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One submitted pay form → {@link PayService#pay} → the page the buyer sees next.
 *
 * <p>Uncertain is not failed (docs/architecture.md): a timeout, a lost connection or an answer
 * {@link Outcome} calls unknown may have taken the money, so they lead to the "in progress" page,
 * which asks the trade again until it is final, never to a failure the buyer would answer by paying
 * twice. The form's {@code request_no}
 * makes a resubmitted form (double click, refresh) the same attempt: pay-core answers its pay order.
 * The payment password goes to pay-core and nowhere else: never logged, never kept.
 */
final class PayAttempts {

    private static final Logger log = LoggerFactory.getLogger(PayAttempts.class);

    private final PayService pay;
    private final PayingTrades trades;
    private final long progressRefreshSeconds;
    private final long returnDelaySeconds;

    PayAttempts(PayService pay, PayingTrades trades, CashierPageProperties properties) {
        this.pay = pay;
        this.trades = trades;
        this.progressRefreshSeconds = Math.max(1, properties.progressRefresh().toSeconds());
        this.returnDelaySeconds = Math.max(0, properties.returnDelay().toSeconds());
    }

    /**
     * @param authCode the bound card's UnionPay token for BANK_CARD (resolved on the server from the
     *                 posted card id, never taken from the browser); null for the other methods
     * @param couponId the coupon the buyer chose (null: none) and {@code usePoints} whether points pay too:
     *                 a combination payment, whose parts pay-core and member-service compute
     * @param stepUpOf the attempt the risk rules asked to step up, when this one confirms it with the password
     *                 entered again; null otherwise
     */
    PayOutcome pay(TradeDTO trade, String buyerId, PayMethod method, String payPassword, String requestNo, String authCode,
                   String couponId, boolean usePoints, String cashierPath, RiskContext origin, String stepUpOf) {
        PayOutcome inProgress = new PayOutcome.Shown(StatusPage.inProgress(cashierPath, progressRefreshSeconds));
        Result<PayOrderDTO> result;
        try {
            result = pay.pay(new PayCmd(trade.tradeNo(), buyerId, method, payPassword, requestNo, authCode, couponId, usePoints)
                    .withRisk(origin).withStepUpOf(stepUpOf));
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
                case SUCCESS -> paidOnceTheTradeIs(order, inProgress);
                case FAILED -> new PayOutcome.Refused(PayRefusal.of("error.PAY_FAILED"));
                case CREATED, PROCESSING -> switch (method) {
                    case WECHAT_QR, ALIPAY_QR -> new PayOutcome.Scan(order.payOrderNo());
                    case BANK_CARD -> new PayOutcome.Accepted(order.payOrderNo());
                    default -> inProgress;
                };
            };
        }
        log.info("pay refused trade_no={} request_no={} code={}", trade.tradeNo(), requestNo, result.code());
        if (Outcome.of(result) == Outcome.UNKNOWN) {
            return inProgress;
        }
        return switch (result.code()) {
            case "TRADE_PAID" -> new PayOutcome.Shown(StatusPage.alreadyPaid("SUCCESS", trade.returnUrl()));
            case "TRADE_CLOSED" -> new PayOutcome.Shown(StatusPage.closed());
            case "TRADE_EXPIRED" -> new PayOutcome.Shown(StatusPage.expired());
            // a definite answer, not an unknown one: another attempt of this trade is under way
            case "TRADE_PAYING" -> inProgress;
            // nothing moved: the buyer is asked for the password again, and the next submission names this attempt
            case "RISK_STEP_UP_REQUIRED" -> new PayOutcome.StepUp(requestNo);
            default -> new PayOutcome.Refused(PayRefusal.of(result.code(), result.message()));
        };
    }

    /**
     * "Payment successful" (and the return to the merchant, who will ask {@code GET /trades/{trade_no}})
     * only once trade-core says the trade is paid: the pay order is paid first and the trade follows it
     * through {@code PAY_SUCCEEDED}, or at once when pay-core handed it the success directly: then pay-core's answer
     * carries the trade and trade-core is not asked again ({@link PayingTrades#paidBy}). Until then, the in-progress
     * page, which asks again.
     */
    private PayOutcome paidOnceTheTradeIs(PayOrderDTO paid, PayOutcome inProgress) {
        TradeDTO now;
        try {
            now = trades.paidBy(paid);
        } catch (RuntimeException unreadable) { // trade-core not answering now: the page asks again
            log.warn("paid trade not readable trade_no={}: {}", paid.tradeNo(), unreadable.toString());
            return inProgress;
        }
        return switch (now.status()) {
            case SUCCESS, FINISHED -> new PayOutcome.Shown(StatusPage.paid(now.returnUrl(), returnDelaySeconds));
            // a pre-authorisation's payment ends in AUTHORIZED: the buyer's part is done
            case AUTHORIZED, CAPTURED, VOIDED -> new PayOutcome.Shown(StatusPage.paid(now.status().name(), now.returnUrl(),
                    returnDelaySeconds));
            default -> inProgress;
        };
    }

    /**
     * Where an accepted payment stands, asked by its page ({@code progressPath}) until the trade is
     * final. The trade decides first (it follows the pay order asynchronously, so a settled pay order
     * whose trade is still {@code PAYING} is still in progress); the pay order then says whether it
     * was this attempt that paid or failed. Only a pay order of this trade is read.
     *
     * @return the page to show or the form with a refusal; empty when this pay order says nothing
     *         about the trade (another trade's, or the trade moved on), and the cashier page decides
     */
    Optional<PayOutcome> follow(TradeDTO trade, String payOrderNo, String progressPath) {
        PayOutcome inProgress = new PayOutcome.Shown(StatusPage.inProgress(progressPath, progressRefreshSeconds));
        return switch (trade.status()) {
            case PAYING -> Optional.of(inProgress);
            case SUCCESS, FINISHED, AUTHORIZED, CAPTURED, VOIDED -> {
                try {
                    yield order(trade, payOrderNo)
                            .filter(order -> order.status() == PayOrderStatus.SUCCESS)
                            .map(order -> new PayOutcome.Shown(trade.status() == TradeStatus.SUCCESS
                                    || trade.status() == TradeStatus.FINISHED
                                    ? StatusPage.paid(trade.returnUrl(), returnDelaySeconds)
                                    : StatusPage.paid(trade.status().name(), trade.returnUrl(), returnDelaySeconds)));
                } catch (RpcException e) {
                    yield Optional.empty(); // the trade is paid either way; the cashier page says so
                }
            }
            case WAIT_PAY -> {
                Optional<PayOrderDTO> order;
                try {
                    order = order(trade, payOrderNo);
                } catch (RpcException e) {
                    yield Optional.of(inProgress); // cannot tell now; ask again
                }
                yield order.map(o -> switch (o.status()) {
                    // definite: nothing was taken, the trade waits for another attempt
                    case FAILED -> new PayOutcome.Refused(PayRefusal.of(o.method() == PayMethod.BANK_CARD
                            ? "error.CARD_DECLINED" : "error.PAY_FAILED"));
                    case CREATED, PROCESSING -> inProgress;
                    case SUCCESS -> null; // paid, while the trade waits: not this page's to explain
                });
            }
            case CLOSED -> Optional.empty();
        };
    }

    private Optional<PayOrderDTO> order(TradeDTO trade, String payOrderNo) {
        Result<PayOrderDTO> result = pay.get(payOrderNo);
        return result != null && result.success() && result.data() != null && trade.tradeNo().equals(result.data().tradeNo())
                ? Optional.of(result.data()) : Optional.empty();
    }
}
