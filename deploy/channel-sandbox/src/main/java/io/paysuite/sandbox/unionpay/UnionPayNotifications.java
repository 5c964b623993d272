package io.paysuite.sandbox.unionpay;

import io.paysuite.sandbox.Notifier;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One acquirer's UnionPay background notifications to {@code backUrl}: an ordinary form POST (URL-encoded, UTF-8) of the
 * transaction's fields signed like an answer. Delivered when the receiver answers HTTP 200 (any body); otherwise
 * resent after 1m, 2m, 4m, 8m, 16m, 32m (× time-scale), then given up (7 attempts). UnionPay's real schedule is not
 * published where we could check it, so this doubling schedule is the sandbox's own choice.
 */
class UnionPayNotifications {

    static final List<Duration> GAPS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
            Duration.ofMinutes(8), Duration.ofMinutes(16), Duration.ofMinutes(32));

    private static final Logger log = LoggerFactory.getLogger(UnionPayNotifications.class);

    private final String channel;
    private final Notifier notifier;
    private final UnionPayKeys keys;

    /** @param channel the acquirer's channel: the notify faults drawn and the attempts recorded under it */
    UnionPayNotifications(String channel, Notifier notifier, UnionPayKeys keys) {
        this.channel = channel;
        this.notifier = notifier;
        this.keys = keys;
    }

    /** {@code fields} unsigned; each attempt is signed anew (same content, the receiver cannot tell). */
    void send(UnionPayOrder order, Map<String, String> fields) {
        if (order.backUrl == null || order.backUrl.isBlank() || !keys.configured()) {
            return;
        }
        URI url;
        try {
            url = URI.create(order.backUrl);
        } catch (IllegalArgumentException e) {
            log.warn("{} order {}: backUrl {} is not a URI", channel, order.orderId, order.backUrl);
            return;
        }
        Supplier<Notifier.Message> message = () -> new Notifier.Message(form(keys.signed(fields)), Map.of());
        notifier.send(new Notifier.Delivery(channel, order.orderId, order.queryId, url,
                "application/x-www-form-urlencoded; charset=UTF-8", message, (status, answer) -> status == 200, GAPS));
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
