package io.paysuite.sandbox;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What every channel of the sandbox shows to the control API. */
public interface SandboxChannel {

    /** Upper case: ALIPAY, WECHAT, UNIONPAY, UNIONPAY_B. */
    String name();

    /** The sandbox's own view of an order: {@code status, amount_fen, trade_no, refunded_fen}. */
    Optional<Map<String, Object>> order(String outTradeNo);

    /**
     * Every order of the channel in the sandbox's view, oldest first: {@code out_trade_no, status, amount_fen,
     * trade_no, refunded_fen} (the fields of {@link #order(String)} plus the number).
     */
    List<Map<String, Object>> orders();

    /**
     * {@code POST /sandbox/v1/notify}: one-shot deliveries of the order's notification to its remembered notify_url,
     * signed like real ones, never retried, recorded as injected. Without a claim ({@code tradeStatus} and
     * {@code totalFen} null) the last real notification is resent as the channel resends it (same id); with a claim
     * a forged notification with a new id, and the sandbox's own order is left as it is.
     *
     * @return the notification id the deliveries carry
     * @throws InjectionRefused when the order is unknown, has no notify_url, nothing to resend or a bad claim
     */
    String inject(Injection injection);

    /** The channel's bill of that day in its own format. */
    BillFile bill(LocalDate day);

    record BillFile(String fileName, String contentType, byte[] content) {
    }

    /**
     * @param tradeStatus null: a plain resend; otherwise the claimed status in the channel's words
     * @param totalFen    null: the order's amount; otherwise the claimed amount (forges a notification too)
     */
    record Injection(String outTradeNo, String tradeStatus, Long totalFen, int copies, long delayMillis) {

        public boolean plainResend() {
            return tradeStatus == null && totalFen == null;
        }
    }

    /** Why {@code POST /sandbox/v1/notify} sends nothing: {@code status} is the HTTP status of the answer. */
    class InjectionRefused extends RuntimeException {

        private final int status;
        private final String code;

        public InjectionRefused(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }

        public static InjectionRefused orderNotFound(String channel, String outTradeNo) {
            return new InjectionRefused(404, "ORDER_NOT_FOUND", "no " + channel + " order " + outTradeNo);
        }

        public static InjectionRefused noNotifyUrl(String channel, String outTradeNo) {
            return new InjectionRefused(409, "NO_NOTIFY_URL", channel + " order " + outTradeNo + " has no notify_url");
        }

        public static InjectionRefused noKeys(String channel) {
            return new InjectionRefused(409, "NO_KEYS", "the sandbox has no " + channel + " keys to sign a notification");
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }
    }
}
