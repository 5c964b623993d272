package io.paysuite.channel.unionpay;

import io.paysuite.channel.adapter.ChannelCall;
import io.paysuite.channel.adapter.Outcome;
import io.paysuite.channel.charge.ChannelNotifications;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * UnionPay's background notifications ({@code backUrl}): a form whose signature must name UnionPay's {@code certId}
 * and verify against its key, for our merchant number. A consume's result is then one more answer for
 * {@link ChannelNotifications} to arbitrate (its amount is checked there, never trusted). UnionPay counts only HTTP 200 as
 * received and resends otherwise, so 200 is answered only once the result is recorded — or when there is nothing to
 * record (a refund's notification, a code we do not treat as final: resending would not change it, the query decides).
 */
@RestController
public class UnionPayNotifyController {

    private static final Logger log = LoggerFactory.getLogger(UnionPayNotifyController.class);

    private final ChannelNotifications notifications;
    /** By merchant number: every acquirer posts to the same URL and the notification names whose merchant it is. */
    private final Map<String, AcpClient> clients;

    @Autowired
    public UnionPayNotifyController(ChannelNotifications notifications, ObjectProvider<AcpClient> clients) {
        this(notifications, clients.orderedStream().toList());
    }

    UnionPayNotifyController(ChannelNotifications notifications, List<AcpClient> clients) {
        this.notifications = notifications;
        this.clients = clients.stream().collect(Collectors.toMap(c -> c.properties().merId(), c -> c));
    }

    @PostMapping(path = "/channels/unionpay/notify", produces = MediaType.TEXT_PLAIN_VALUE)
    public ResponseEntity<String> notify(@RequestParam Map<String, String> form) {
        AcpClient client = form.get("merId") == null ? null : clients.get(form.get("merId"));
        if (client == null || !client.verifies(form)) {
            log.warn("CHANNEL_ALARM unionpay notification refused (signature, certId or merId) orderId={} queryId={}",
                    form.get("orderId"), form.get("queryId"));
            return ResponseEntity.badRequest().body("refused");
        }
        Outcome outcome = UnionPayCodes.ofNotification(form.get("respCode"));
        // a consume (01) or a pre-auth (02) is a channel order's own result; a refund, completion or cancel is followed by query
        if (!("01".equals(form.get("txnType")) || "02".equals(form.get("txnType"))) || (outcome != Outcome.SUCCESS && outcome != Outcome.FAILURE)) {
            log.info("unionpay notification txnType={} respCode={} for {} acknowledged, nothing to record", form.get("txnType"),
                    form.get("respCode"), form.get("orderId"));
            return ResponseEntity.ok("ok");
        }
        try {
            notifications.notified(form.get("orderId"), new ChannelCall(outcome, form.get("respCode"), "notification " + form.get("queryId")
                    + " " + form.get("respMsg"), form.get("queryId"), null,
                    outcome == Outcome.SUCCESS ? UnionPayCardAdapter.fen(form.get("txnAmt")) : null,
                    UnionPayCardAdapter.currency(form.get("currencyCode"))));
        } catch (RuntimeException notRecorded) {
            log.warn("unionpay notification {} for {} not recorded, UnionPay will resend: {}", form.get("queryId"), form.get("orderId"),
                    notRecorded.toString());
            return ResponseEntity.internalServerError().body("try again");
        }
        return ResponseEntity.ok("ok");
    }
}
