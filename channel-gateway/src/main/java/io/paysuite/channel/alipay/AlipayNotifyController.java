package io.paysuite.channel.alipay;

import com.alipay.api.AlipayApiException;
import com.alipay.api.internal.util.AlipaySignature;
import io.paysuite.channel.adapter.ChannelCall;
import io.paysuite.channel.adapter.Outcome;
import io.paysuite.channel.charge.ChannelNotifications;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alipay's asynchronous trade notifications ({@code trade_status_sync}). The signature is checked
 * with the SDK's {@code AlipaySignature.rsaCheckV1} against Alipay's public key and the app id
 * must be ours; then the notification is one more answer for {@link ChannelNotifications} to arbitrate
 * — its amount is checked there, never trusted. Answering anything but {@code success} makes
 * Alipay resend (4m, 10m, 10m, 1h, 2h, 6h, 15h), which is what we want when we could not record it.
 */
@RestController
@ConditionalOnProperty(prefix = "paysuite.channels.alipay", name = "server-url")
public class AlipayNotifyController {

    private static final Logger log = LoggerFactory.getLogger(AlipayNotifyController.class);

    private final ChannelNotifications notifications;
    private final AlipayProperties properties;
    private final String platformPublicKey;

    public AlipayNotifyController(ChannelNotifications notifications, AlipayProperties properties) {
        this.notifications = notifications;
        this.properties = properties;
        this.platformPublicKey = AlipayClientFactory.pemBody(properties.platformPublicKey());
    }

    @PostMapping(path = "/channels/alipay/notify", produces = MediaType.TEXT_PLAIN_VALUE)
    public ResponseEntity<String> notify(@RequestParam Map<String, String> form) {
        Map<String, String> params = new HashMap<>(form);
        boolean valid;
        try {
            valid = AlipaySignature.rsaCheckV1(params, platformPublicKey, "UTF-8", "RSA2");
        } catch (AlipayApiException e) {
            valid = false;
        }
        if (!valid || !properties.appId().equals(form.get("app_id"))) {
            log.warn("CHANNEL_ALARM alipay notification refused (signature or app id) out_trade_no={} notify_id={}",
                    form.get("out_trade_no"), form.get("notify_id"));
            return ResponseEntity.badRequest().body("failure");
        }
        Outcome outcome = AlipayCodes.ofNotification(form.get("trade_status"));
        if (outcome == Outcome.SUCCESS || outcome == Outcome.FAILURE) {
            try {
                notifications.notified(form.get("out_trade_no"), new ChannelCall(outcome, form.get("trade_status"), "notification "
                        + form.get("notify_id"), form.get("trade_no"), null,
                        outcome == Outcome.SUCCESS ? AlipayAmounts.fen(form.get("total_amount")) : null,
                        AlipayAmounts.currency(form.get("trans_currency"))));
            } catch (RuntimeException notRecorded) {
                log.warn("alipay notification {} not recorded, Alipay will resend: {}", form.get("notify_id"), notRecorded.toString());
                return ResponseEntity.internalServerError().body("failure");
            }
        }
        return ResponseEntity.ok("success");
    }
}
