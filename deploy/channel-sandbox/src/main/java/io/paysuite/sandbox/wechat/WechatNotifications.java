package io.paysuite.sandbox.wechat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.sandbox.Notifier;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * WeChat Pay's notifications (TRANSACTION.SUCCESS, REFUND.SUCCESS): a JSON POST whose {@code resource} is the
 * Transaction or refund JSON encrypted with AEAD_AES_256_GCM under the APIv3 key, signed like an answer plus
 * {@code Wechatpay-Signature-Type}. Delivered when the receiver answers HTTP 200 or 204; otherwise resent on
 * WeChat's schedule (× time-scale) with the same {@code id} and body, each attempt signed anew.
 */
@Component
class WechatNotifications {

    static final List<Duration> GAPS = List.of(Duration.ofSeconds(15), Duration.ofSeconds(15), Duration.ofSeconds(30),
            Duration.ofMinutes(3), Duration.ofMinutes(10), Duration.ofMinutes(20), Duration.ofMinutes(30), Duration.ofMinutes(30),
            Duration.ofMinutes(30), Duration.ofMinutes(60), Duration.ofHours(3), Duration.ofHours(3), Duration.ofHours(3),
            Duration.ofHours(6), Duration.ofHours(6));

    private static final Logger log = LoggerFactory.getLogger(WechatNotifications.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Notifier notifier;
    private final WechatKeys keys;
    private final Clock clock = Clock.systemUTC();

    WechatNotifications(Notifier notifier, WechatKeys keys) {
        this.notifier = notifier;
        this.keys = keys;
    }

    /** Called under the order's lock when it turns SUCCESS; {@code transaction} is the plaintext resource. */
    void transactionSucceeded(WechatOrder order, Map<String, Object> transaction) {
        send(order.outTradeNo, order.notifyUrl, "TRANSACTION.SUCCESS", "支付成功", "transaction", transaction);
    }

    /** Called under the order's lock when a refund is settled; only when that refund request named a notify_url. */
    void refundSucceeded(WechatOrder order, WechatOrder.Refund refund, Map<String, Object> plaintext) {
        send(order.outTradeNo, refund.notifyUrl(), "REFUND.SUCCESS", "退款成功", "refund", plaintext);
    }

    private void send(String outTradeNo, String notifyUrl, String eventType, String summary, String kind, Map<String, Object> plaintext) {
        if (notifyUrl == null || notifyUrl.isBlank() || !keys.configured()) {
            return;
        }
        URI url;
        try {
            url = URI.create(notifyUrl);
        } catch (IllegalArgumentException e) {
            log.warn("WeChat order {}: notify_url {} is not a URI", outTradeNo, notifyUrl);
            return;
        }
        String id = UUID.randomUUID().toString();
        String nonce = keys.nonce(12);
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("original_type", kind);
        resource.put("algorithm", "AEAD_AES_256_GCM");
        resource.put("ciphertext", keys.encrypt(kind, nonce, json(plaintext)));
        resource.put("associated_data", kind);
        resource.put("nonce", nonce);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", id);
        event.put("create_time", WechatPay.RFC3339.format(clock.instant()));
        event.put("resource_type", "encrypt-resource");
        event.put("event_type", eventType);
        event.put("summary", summary);
        event.put("resource", resource);
        String body = json(event);
        notifier.send(new Notifier.Delivery(WechatPay.CHANNEL, outTradeNo, id, url, "application/json",
                () -> new Notifier.Message(body, headers(body)), (status, answer) -> status == 200 || status == 204, GAPS));
    }

    private Map<String, String> headers(String body) {
        Map<String, String> headers = new LinkedHashMap<>(keys.signatureHeaders(body));
        headers.put("Wechatpay-Signature-Type", WechatKeys.SCHEMA);
        return headers;
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
