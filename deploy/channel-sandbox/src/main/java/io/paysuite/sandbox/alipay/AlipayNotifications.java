package io.paysuite.sandbox.alipay;

import io.paysuite.sandbox.Notifier;
import io.paysuite.sandbox.Yuan;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
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

    /** Called under the order's lock when it turns TRADE_SUCCESS or TRADE_CLOSED after a scan. */
    void tradeChanged(AlipayOrder order) {
        if (order.notifyUrl == null || order.notifyUrl.isBlank() || !keys.configured()) {
            return;
        }
        URI url;
        try {
            url = URI.create(order.notifyUrl);
        } catch (IllegalArgumentException e) {
            log.warn("Alipay trade {}: notify_url {} is not a URI", order.outTradeNo, order.notifyUrl);
            return;
        }
        Map<String, String> event = new LinkedHashMap<>();
        event.put("notify_type", "trade_status_sync");
        event.put("notify_id", UUID.randomUUID().toString().replace("-", ""));
        event.put("app_id", keys.appId());
        event.put("charset", "UTF-8");
        event.put("version", "1.0");
        event.put("sign_type", "RSA2");
        event.put("trade_no", order.tradeNo);
        event.put("out_trade_no", order.outTradeNo);
        event.put("trade_status", order.state.name());
        event.put("total_amount", Yuan.of(order.amountFen));
        event.put("subject", order.subject);
        event.put("buyer_logon_id", order.buyerLogonId);
        event.put("gmt_create", AlipayTrades.TIME.format(order.createdAt));
        if (order.paid()) {
            event.put("receipt_amount", Yuan.of(order.amountFen));
            event.put("buyer_pay_amount", Yuan.of(order.amountFen));
            event.put("gmt_payment", AlipayTrades.TIME.format(order.paidAt));
        }
        if (order.closedAt != null) {
            event.put("gmt_close", AlipayTrades.TIME.format(order.closedAt));
        }
        notifier.send(new Notifier.Delivery(AlipayTrades.CHANNEL, order.outTradeNo, event.get("notify_id"), url,
                "application/x-www-form-urlencoded; charset=UTF-8", () -> new Notifier.Message(body(event), Map.of()),
                (status, answer) -> status / 100 == 2 && "success".equals(answer), GAPS));
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
