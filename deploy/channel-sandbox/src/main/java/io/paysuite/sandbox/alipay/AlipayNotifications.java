package io.paysuite.sandbox.alipay;

import io.paysuite.sandbox.Notifier;
import io.paysuite.sandbox.SandboxChannel;
import io.paysuite.sandbox.Yuan;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Alipay's asynchronous notification ({@code notify_type=trade_status_sync}): a signed form POST to the
 * {@code notify_url} of the precreate call, acknowledged by the body {@code success}, otherwise resent after
 * 4m, 10m, 10m, 1h, 2h, 6h, 15h (× time-scale) with the same {@code notify_id}.
 */
@Component
class AlipayNotifications {

    static final List<Duration> GAPS = List.of(Duration.ofMinutes(4), Duration.ofMinutes(10), Duration.ofMinutes(10),
            Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(6), Duration.ofHours(15));

    private static final Logger log = LoggerFactory.getLogger(AlipayNotifications.class);

    private final Notifier notifier;
    private final AlipayKeys keys;
    private final Clock clock = Clock.systemUTC();

    AlipayNotifications(Notifier notifier, AlipayKeys keys) {
        this.notifier = notifier;
        this.keys = keys;
    }

    /** The trade_status values of Alipay's notifications, the only claims a forged one may make. */
    static final List<String> TRADE_STATUSES = List.of("WAIT_BUYER_PAY", "TRADE_SUCCESS", "TRADE_CLOSED", "TRADE_FINISHED");

    /** Called under the order's lock when it turns TRADE_SUCCESS or TRADE_CLOSED after a scan. */
    void tradeChanged(AlipayOrder order) {
        if (order.notifyUrl == null || order.notifyUrl.isBlank() || !keys.configured()) {
            return;
        }
        URI url = url(order);
        if (url == null) {
            return;
        }
        Map<String, String> event = event(order, newNotifyId(), order.state.name(), order.amountFen, order.tradeNo);
        order.lastNotification = event;
        notifier.send(delivery(order, event, url, GAPS));
    }

    /**
     * {@code POST /sandbox/v1/notify}, under the order's lock. A plain resend is the last real notification with its
     * notify_id, signed anew with a fresh notify_time (what Alipay's resends are); a claim forges a notification
     * with a new notify_id from the order's fields, the claimed trade_status and amount. The order is not changed.
     */
    String inject(AlipayOrder order, SandboxChannel.Injection injection, String forgedTradeNo) {
        if (order.notifyUrl == null || order.notifyUrl.isBlank()) {
            throw SandboxChannel.InjectionRefused.noNotifyUrl(AlipayTrades.CHANNEL, order.outTradeNo);
        }
        if (!keys.configured()) {
            throw SandboxChannel.InjectionRefused.noKeys(AlipayTrades.CHANNEL);
        }
        URI url = url(order);
        if (url == null) {
            throw new SandboxChannel.InjectionRefused(409, "NO_NOTIFY_URL", "notify_url " + order.notifyUrl + " is not a URI");
        }
        Map<String, String> event;
        if (injection.plainResend()) {
            if (order.lastNotification == null) {
                throw new SandboxChannel.InjectionRefused(409, "NO_NOTIFICATION", "Alipay trade " + order.outTradeNo
                        + " has had no notification to resend (" + order.state + "); claim a trade_status");
            }
            event = order.lastNotification;
        } else {
            String status = injection.tradeStatus() != null ? injection.tradeStatus() : order.state.name();
            if (!TRADE_STATUSES.contains(status)) {
                throw new SandboxChannel.InjectionRefused(400, "INVALID_TRADE_STATUS",
                        "an Alipay notification's trade_status is one of " + TRADE_STATUSES + ", not " + status);
            }
            long fen = injection.totalFen() != null ? injection.totalFen() : order.amountFen;
            event = event(order, newNotifyId(), status, fen, order.tradeNo != null ? order.tradeNo : forgedTradeNo);
        }
        notifier.inject(delivery(order, event, url, List.of()), injection.copies(), injection.delayMillis());
        return event.get("notify_id");
    }

    /**
     * The fields of a notification but notify_time and sign. Paid statuses carry the payment fields, TRADE_CLOSED
     * gmt_close; a forged claim the order has no value for gets the sandbox's defaults (now, the usual buyer).
     */
    private Map<String, String> event(AlipayOrder order, String notifyId, String status, long fen, String tradeNo) {
        Instant now = clock.instant();
        Map<String, String> event = new LinkedHashMap<>();
        event.put("notify_type", "trade_status_sync");
        event.put("notify_id", notifyId);
        event.put("app_id", keys.appId());
        event.put("charset", "UTF-8");
        event.put("version", "1.0");
        event.put("sign_type", "RSA2");
        event.put("trade_no", tradeNo);
        event.put("out_trade_no", order.outTradeNo);
        event.put("trade_status", status);
        event.put("total_amount", Yuan.of(fen));
        event.put("subject", order.subject);
        event.put("buyer_logon_id", order.buyerLogonId != null ? order.buyerLogonId : "sbx***@sandbox.test");
        event.put("gmt_create", AlipayTrades.TIME.format(order.createdAt != null ? order.createdAt : order.precreatedAt));
        if ("TRADE_SUCCESS".equals(status) || "TRADE_FINISHED".equals(status)) {
            event.put("receipt_amount", Yuan.of(fen));
            event.put("buyer_pay_amount", Yuan.of(fen));
            event.put("gmt_payment", AlipayTrades.TIME.format(order.paidAt != null ? order.paidAt : now));
        }
        if ("TRADE_CLOSED".equals(status)) {
            event.put("gmt_close", AlipayTrades.TIME.format(order.closedAt != null ? order.closedAt : now));
        }
        return event;
    }

    private Notifier.Delivery delivery(AlipayOrder order, Map<String, String> event, URI url, List<Duration> gaps) {
        Map<String, String> fields = new LinkedHashMap<>(event);
        return new Notifier.Delivery(AlipayTrades.CHANNEL, order.outTradeNo, fields.get("notify_id"), url,
                "application/x-www-form-urlencoded; charset=UTF-8", () -> new Notifier.Message(body(fields), Map.of()),
                (status, answer) -> status / 100 == 2 && "success".equals(answer), gaps);
    }

    private URI url(AlipayOrder order) {
        try {
            return URI.create(order.notifyUrl);
        } catch (IllegalArgumentException e) {
            log.warn("Alipay trade {}: notify_url {} is not a URI", order.outTradeNo, order.notifyUrl);
            return null;
        }
    }

    private static String newNotifyId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** Each attempt carries its own {@code notify_time} and is signed anew. */
    private String body(Map<String, String> event) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("notify_time", AlipayTrades.TIME.format(clock.instant()));
        params.putAll(event);
        params.put("sign", keys.signNotification(params, StandardCharsets.UTF_8));
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
