package io.paysuite.sandbox.wechat;

import io.paysuite.sandbox.SandboxProperties;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * WeChat Pay's payment code (API v2, {@code MICROPAY}): the business rules of {@code /pay/micropay},
 * {@code /pay/orderquery} and {@code /secapi/pay/reverse}. The orders live in {@link WechatPay}'s map (out_trade_no is
 * unique per merchant across products), so {@code /sandbox/v1/orders/WECHAT}, the v3 query and refunds and the trade
 * bill see them. Answers are the business fields of a {@code result_code=SUCCESS} answer; a {@code result_code=FAIL}
 * is a {@link V2Refusal}. Micropay sends no notification (WeChat sends none for it).
 *
 * <p>The buyer's code decides (mirrors the Alipay script): 18 digits starting 10–15, ending {@code 0000} (or anything
 * not listed) pays at once; {@code 8888} answers USERPAYING and pays 6 s × time-scale later unless reversed first;
 * {@code 9999} stays USERPAYING until reversed; {@code 1111} AUTH_CODE_INVALID and {@code 2222} NOTENOUGH create
 * nothing.
 */
@Component
class WechatMicropay {

    static final String TRADE_TYPE = "MICROPAY";
    /** A payment code ending 8888: the buyer enters the password this long (× time-scale) after the merchant's call. */
    static final Duration BUYER_CONFIRMS_AFTER = Duration.ofSeconds(6);

    private static final Pattern AUTH_CODE = Pattern.compile("1[0-5]\\d{16}");
    private static final DateTimeFormatter TIME_END = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(WechatPay.SHANGHAI);

    private final WechatPay pay;
    private final WechatKeys keys;
    private final Clock clock = Clock.systemUTC();
    private final Duration buyerConfirms;
    private final ScheduledExecutorService buyer;
    /**
     * Numbers reversed before WeChat ever saw them (the merchant's micropay timed out on the way there): a late
     * micropay under such a number is refused ORDERREVERSED, so a reversal the merchant was told succeeded stays true.
     */
    private final Set<String> reversedUnseen = ConcurrentHashMap.newKeySet();

    WechatMicropay(WechatPay pay, WechatKeys keys, SandboxProperties properties) {
        this.pay = pay;
        this.keys = keys;
        this.buyerConfirms = Duration.ofNanos((long) (BUYER_CONFIRMS_AFTER.toNanos() * properties.timeScale()));
        this.buyer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sandbox-wechat-buyer");
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        buyer.shutdownNow();
    }

    // ---- POST /pay/micropay ----

    /**
     * A new number: the code's script. A repeat of a number answers its current state: paid → ORDERPAID, reversed →
     * ORDERREVERSED, closed or failed → ORDERCLOSED, still waiting → USERPAYING again; another amount or a Native
     * order under that number → OUT_TRADE_NO_USED.
     */
    Map<String, String> micropay(Map<String, String> request) {
        checkMerchant(request);
        String outTradeNo = required(request, "out_trade_no");
        if (outTradeNo.length() > 32) {
            throw V2Refusal.paramError("out_trade_no 长度不能超过 32 个字符");
        }
        String body = required(request, "body");
        required(request, "spbill_create_ip");
        String authCode = required(request, "auth_code");
        long totalFee = fen(required(request, "total_fee"));
        String feeType = request.get("fee_type");
        if (feeType != null && !feeType.isEmpty() && !"CNY".equals(feeType)) {
            throw V2Refusal.paramError("fee_type 只支持 CNY");
        }
        if (reversedUnseen.contains(outTradeNo)) {
            throw new V2Refusal("ORDERREVERSED", "订单已撤销");
        }
        WechatOrder existing = pay.lookup(outTradeNo, null).orElse(null);
        if (existing != null) {
            return repeat(existing, totalFee);
        }
        // a refused code creates nothing: decided before the order exists
        if (!AUTH_CODE.matcher(authCode).matches() || authCode.endsWith("1111")) {
            throw new V2Refusal("AUTH_CODE_INVALID", "付款码无效，请重新扫码");
        }
        if (authCode.endsWith("2222")) {
            throw new V2Refusal("NOTENOUGH", "余额不足");
        }
        Instant now = clock.instant();
        WechatOrder created = new WechatOrder(outTradeNo, request.get("appid"), body, totalFee, "CNY", null, null, null, now,
                null, TRADE_TYPE);
        WechatOrder order = pay.register(created);
        if (order != created) {
            return repeat(order, totalFee); // the same number raced in twice: the loser is a repeat
        }
        synchronized (order) {
            if (reversedUnseen.contains(outTradeNo)) {
                // a reversal of the unseen number ran between our check and the registration: it wins
                order.state = WechatOrder.State.REVOKED;
                order.closedAt = now;
                throw new V2Refusal("ORDERREVERSED", "订单已撤销");
            }
            order.transactionId = pay.newTransactionId(now);
            order.openid = "oSbx" + WechatPay.random(24);
            if (authCode.endsWith("8888") || authCode.endsWith("9999")) {
                order.state = WechatOrder.State.USERPAYING;
                if (authCode.endsWith("8888")) {
                    buyer.schedule(() -> buyerConfirms(order), buyerConfirms.toNanos(), TimeUnit.NANOSECONDS);
                }
                throw new V2Refusal("USERPAYING", "需要用户输入支付密码");
            }
            order.state = WechatOrder.State.SUCCESS;
            order.paidAt = now;
            return paid(order);
        }
    }

    private Map<String, String> repeat(WechatOrder order, long totalFee) {
        synchronized (order) {
            pay.expireIfDue(order);
            if (!TRADE_TYPE.equals(order.tradeType) || order.amountFen != totalFee) {
                throw new V2Refusal("OUT_TRADE_NO_USED", "商户订单号重复");
            }
            switch (order.state) {
                case SUCCESS, REFUND -> throw new V2Refusal("ORDERPAID", "订单已支付");
                case REVOKED -> throw new V2Refusal("ORDERREVERSED", "订单已撤销");
                case CLOSED, PAYERROR -> throw new V2Refusal("ORDERCLOSED", "订单已关闭");
                default -> throw new V2Refusal("USERPAYING", "需要用户输入支付密码");
            }
        }
    }

    /** The 8888 buyer enters the password, unless the merchant reversed the order meanwhile. */
    private void buyerConfirms(WechatOrder order) {
        synchronized (order) {
            if (order.state != WechatOrder.State.USERPAYING) {
                return;
            }
            order.state = WechatOrder.State.SUCCESS;
            order.paidAt = clock.instant();
        }
    }

    // ---- POST /pay/orderquery ----

    /** Any order of the merchant (Native ones too, with their trade_type); unknown → ORDERNOTEXIST. */
    Map<String, String> orderQuery(Map<String, String> request) {
        checkMerchant(request);
        WechatOrder order = find(request).orElseThrow(() -> new V2Refusal("ORDERNOTEXIST", "此交易订单号不存在"));
        synchronized (order) {
            pay.expireIfDue(order);
            Map<String, String> answer = new LinkedHashMap<>();
            if (order.openid != null) {
                answer.put("openid", order.openid);
                answer.put("is_subscribe", "N");
            }
            answer.put("trade_type", order.tradeType);
            answer.put("trade_state", order.state.name());
            if (order.paid()) {
                answer.put("bank_type", "OTHERS");
            }
            answer.put("total_fee", Long.toString(order.amountFen));
            answer.put("fee_type", order.currency);
            if (order.paid()) {
                answer.put("cash_fee", Long.toString(order.amountFen));
                answer.put("cash_fee_type", order.currency);
            }
            if (order.transactionId != null) {
                answer.put("transaction_id", order.transactionId);
            }
            answer.put("out_trade_no", order.outTradeNo);
            if (order.paid()) {
                answer.put("time_end", TIME_END.format(order.paidAt));
            }
            answer.put("trade_state_desc", order.state.desc);
            return answer;
        }
    }

    // ---- POST /secapi/pay/reverse ----

    /**
     * Unpaid → REVOKED; paid → what is left is refunded (a refund row in the bill) and REVOKED; already REVOKED →
     * success again. Always {@code recall=N}: the sandbox finishes a reversal in the call. A number WeChat never saw →
     * success too (WeChat accepts it), remembered so a late micropay under it is refused. A Native order →
     * {@code TRADE_ERROR} (only payment-code orders are reversible).
     */
    Map<String, String> reverse(Map<String, String> request) {
        checkMerchant(request);
        String outTradeNo = request.get("out_trade_no");
        if (isBlank(outTradeNo) && isBlank(request.get("transaction_id"))) {
            throw V2Refusal.paramError("out_trade_no 与 transaction_id 须填一个");
        }
        WechatOrder order = find(request).orElse(null);
        if (order == null) {
            if (!isBlank(outTradeNo)) {
                reversedUnseen.add(outTradeNo);
                order = pay.lookup(outTradeNo, null).orElse(null); // a micropay that slipped in meanwhile
            }
            if (order == null) {
                return Map.of("recall", "N");
            }
        }
        synchronized (order) {
            if (!TRADE_TYPE.equals(order.tradeType)) {
                throw new V2Refusal("TRADE_ERROR", "非付款码订单不能撤销");
            }
            if (order.state != WechatOrder.State.REVOKED) {
                Instant now = clock.instant();
                long left = order.amountFen - order.refundedFen;
                if (order.paid() && left > 0) {
                    String outRefundNo = "REVOKE" + order.outTradeNo;
                    order.refunds.put(outRefundNo, new WechatOrder.Refund(pay.newRefundId(now), outRefundNo, left, now, null));
                    order.refundedFen = order.amountFen;
                }
                order.state = WechatOrder.State.REVOKED;
                order.closedAt = now;
            }
            return Map.of("recall", "N");
        }
    }

    // ---- helpers ----

    private Map<String, String> paid(WechatOrder order) {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("openid", order.openid);
        answer.put("is_subscribe", "N");
        answer.put("trade_type", TRADE_TYPE);
        answer.put("bank_type", "OTHERS");
        answer.put("fee_type", order.currency);
        answer.put("total_fee", Long.toString(order.amountFen));
        answer.put("cash_fee_type", order.currency);
        answer.put("cash_fee", Long.toString(order.amountFen));
        answer.put("transaction_id", order.transactionId);
        answer.put("out_trade_no", order.outTradeNo);
        answer.put("time_end", TIME_END.format(order.paidAt));
        return answer;
    }

    private java.util.Optional<WechatOrder> find(Map<String, String> request) {
        String outTradeNo = request.get("out_trade_no");
        String transactionId = request.get("transaction_id");
        if (isBlank(outTradeNo) && isBlank(transactionId)) {
            throw V2Refusal.paramError("out_trade_no 与 transaction_id 须填一个");
        }
        return pay.lookup(isBlank(outTradeNo) ? null : outTradeNo, transactionId);
    }

    private void checkMerchant(Map<String, String> request) {
        if (!keys.mchid().equals(request.get("mch_id")) || !keys.appid().equals(request.get("appid"))) {
            throw new V2Refusal("APPID_MCHID_NOT_MATCH", "appid和mch_id不匹配");
        }
    }

    private static long fen(String totalFee) {
        try {
            long fen = Long.parseLong(totalFee);
            if (fen > 0) {
                return fen;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw V2Refusal.paramError("total_fee 须为正整数（分）");
    }

    private static String required(Map<String, String> request, String field) {
        String value = request.get(field);
        if (isBlank(value)) {
            throw V2Refusal.paramError("缺少参数 " + field);
        }
        return value;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
