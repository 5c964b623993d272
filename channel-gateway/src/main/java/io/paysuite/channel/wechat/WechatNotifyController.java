package io.paysuite.channel.wechat;

import com.wechat.pay.java.core.notification.NotificationParser;
import com.wechat.pay.java.core.notification.RequestParam;
import com.wechat.pay.java.service.payments.model.Transaction;
import io.paysuite.channel.adapter.ChannelCall;
import io.paysuite.channel.adapter.Outcome;
import io.paysuite.channel.charge.ChannelNotifications;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * WeChat Pay's payment notifications ({@code TRANSACTION.SUCCESS}): verified and decrypted by the
 * SDK's {@link NotificationParser} (signature over {@code ts\nnonce\nbody\n} against WeChat's public
 * key, resource AES-256-GCM with the APIv3 key); the merchant id must be ours. The transaction is
 * then one more answer for {@link ChannelNotifications}. A non-2xx answer makes WeChat resend
 * (15 s, 15 s, 30 s, 3 m … 24 h 4 m in all) — what we want when we could not record it.
 */
@RestController
@ConditionalOnProperty(prefix = "paysuite.channels.wechat", name = "merchant-private-key")
public class WechatNotifyController {

    private static final Logger log = LoggerFactory.getLogger(WechatNotifyController.class);

    private final ChannelNotifications notifications;
    private final NotificationParser parser;
    private final WechatProperties properties;

    public WechatNotifyController(ChannelNotifications notifications, WechatHttp http, WechatProperties properties) {
        this.notifications = notifications;
        this.parser = new NotificationParser(http.config());
        this.properties = properties;
    }

    @PostMapping("/channels/wechat/notify")
    public ResponseEntity<Map<String, String>> notify(@RequestHeader(name = "Wechatpay-Serial", required = false) String serial,
                                                      @RequestHeader(name = "Wechatpay-Nonce", required = false) String nonce,
                                                      @RequestHeader(name = "Wechatpay-Signature", required = false) String signature,
                                                      @RequestHeader(name = "Wechatpay-Timestamp", required = false) String timestamp,
                                                      @RequestHeader(name = "Wechatpay-Signature-Type", required = false) String signType,
                                                      @RequestBody String body) {
        Transaction transaction;
        try {
            transaction = parser.parse(new RequestParam.Builder().serialNumber(serial).nonce(nonce).signature(signature)
                    .timestamp(timestamp).signType(signType).body(body).build(), Transaction.class);
        } catch (RuntimeException refused) {
            log.warn("CHANNEL_ALARM wechat notification refused: {}", refused.toString());
            return ResponseEntity.status(401).body(Map.of("code", "FAIL", "message", "verification failed"));
        }
        if (!properties.mchid().equals(transaction.getMchid())) {
            log.warn("CHANNEL_ALARM wechat notification for another merchant {} out_trade_no={}", transaction.getMchid(),
                    transaction.getOutTradeNo());
            return ResponseEntity.status(400).body(Map.of("code", "FAIL", "message", "unknown merchant"));
        }
        ChannelCall answer = WechatNativeAdapter.ofTransaction(transaction);
        if (answer.outcome() == Outcome.SUCCESS || answer.outcome() == Outcome.FAILURE) {
            try {
                notifications.notified(transaction.getOutTradeNo(), answer);
            } catch (RuntimeException notRecorded) {
                log.warn("wechat notification for {} not recorded, WeChat will resend: {}", transaction.getOutTradeNo(),
                        notRecorded.toString());
                return ResponseEntity.status(500).body(Map.of("code", "FAIL", "message", "try again"));
            }
        }
        return ResponseEntity.noContent().build();
    }
}
