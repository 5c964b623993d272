package io.paysuite.sandbox.wechat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.sandbox.Notifier;
import io.paysuite.sandbox.SandboxChannel;
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
        URI url = url(order.outTradeNo, order.notifyUrl);
        if (url == null) {
            return;
        }
        Event event = event("TRANSACTION.SUCCESS", "支付成功", "transaction", transaction);
        order.lastNotifyId = event.id();
        order.lastNotificationBody = event.body();
        notifier.send(delivery(order.outTradeNo, url, event, GAPS));
    }

    /** Called under the order's lock when a refund is settled; only when that refund request named a notify_url. */
    void refundSucceeded(WechatOrder order, WechatOrder.Refund refund, Map<String, Object> plaintext) {
        URI url = url(order.outTradeNo, refund.notifyUrl());
        if (url != null) {
            notifier.send(delivery(order.outTradeNo, url, event("REFUND.SUCCESS", "退款成功", "refund", plaintext), GAPS));
        }
    }

    /**
     * {@code POST /sandbox/v1/notify}, under the order's lock. {@code forged} null: the last real TRANSACTION.SUCCESS
     * again, the same {@code id} and body signed anew (what WeChat's resends are); otherwise a TRANSACTION.SUCCESS
     * event with a new {@code id} whose encrypted resource is {@code forged}. The order is not changed.
     */
    String inject(WechatOrder order, SandboxChannel.Injection injection, Map<String, Object> forged) {
        if (order.notifyUrl == null || order.notifyUrl.isBlank()) {
            throw SandboxChannel.InjectionRefused.noNotifyUrl(WechatPay.CHANNEL, order.outTradeNo);
        }
        if (!keys.configured()) {
            throw SandboxChannel.InjectionRefused.noKeys(WechatPay.CHANNEL);
        }
        URI url = url(order.outTradeNo, order.notifyUrl);
        if (url == null) {
            throw new SandboxChannel.InjectionRefused(409, "NO_NOTIFY_URL", "notify_url " + order.notifyUrl + " is not a URI");
        }
        Event event;
        if (forged == null) {
            if (order.lastNotificationBody == null) {
                throw new SandboxChannel.InjectionRefused(409, "NO_NOTIFICATION", "WeChat order " + order.outTradeNo
                        + " has had no notification to resend (" + order.state + "); claim a trade_status");
            }
            event = new Event(order.lastNotifyId, order.lastNotificationBody);
        } else {
            // WeChat has no other transaction event: a channel bug would still say TRANSACTION.SUCCESS on the envelope
            event = event("TRANSACTION.SUCCESS", "支付成功", "transaction", forged);
        }
        notifier.inject(delivery(order.outTradeNo, url, event, List.of()), injection.copies(), injection.delayMillis());
        return event.id();
    }

    /** One notification: its {@code id} and the exact body every attempt carries. */
    private record Event(String id, String body) {
    }

    private URI url(String outTradeNo, String notifyUrl) {
        if (notifyUrl == null || notifyUrl.isBlank() || !keys.configured()) {
            return null;
        }
        try {
            return URI.create(notifyUrl);
        } catch (IllegalArgumentException e) {
            log.warn("WeChat order {}: notify_url {} is not a URI", outTradeNo, notifyUrl);
            return null;
        }
    }

    private Event event(String eventType, String summary, String kind, Map<String, Object> plaintext) {
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
        return new Event(id, json(event));
    }

    private Notifier.Delivery delivery(String outTradeNo, URI url, Event event, List<Duration> gaps) {
        return new Notifier.Delivery(WechatPay.CHANNEL, outTradeNo, event.id(), url, "application/json",
                () -> new Notifier.Message(event.body(), headers(event.body())), (status, answer) -> status == 200 || status == 204, gaps);
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
