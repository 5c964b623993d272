package io.paysuite.cashier.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.api.refund.RefundDTO;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.cashier.api.Times;
import io.paysuite.cashier.api.error.Results;
import io.paysuite.cashier.api.refund.RefundView;
import io.paysuite.cashier.api.trade.TradeView;
import io.paysuite.cashier.token.CashierUrls;
import java.io.IOException;
import java.time.Instant;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Builds a notification from a trade event, once: {@code {"id", "event_type", "create_time",
 * "resource"}} where the resource is exactly the open API's trade or refund object
 * ({@link TradeView}, {@link RefundView}) serialized as the open API serializes it.
 *
 * <p>The resource is the state the event announces, not whatever the trade became later: a trade
 * event's payload is the trade as that change committed it. Only what a payload may not carry
 * (how the trade was paid and by whom, the methods it allowed; {@code TRADE_FINISHED} carries no
 * trade at all) is read from trade-core, which also gives the notify_url of a refund's trade.
 */
@Component
public class NotificationBodies {

    /** The body of API.md; field names become snake_case like every open API body. */
    record Body(String id, String eventType, String createTime, Object resource) {
    }

    private final ObjectMapper json;
    private final Times times;
    private final Function<String, TradeDTO> tradeByNo;
    private final Function<TradeDTO, String> cashierUrl;

    @Autowired
    public NotificationBodies(ObjectMapper json, Times times, TradeService trades, CashierUrls cashierUrls) {
        this(json, times, tradeNo -> Results.unwrap(trades.get(TradeByNoQry.internal(tradeNo))), cashierUrls::of);
    }

    NotificationBodies(ObjectMapper json, Times times, Function<String, TradeDTO> tradeByNo, Function<TradeDTO, String> cashierUrl) {
        this.json = json;
        this.times = times;
        this.tradeByNo = tradeByNo;
        this.cashierUrl = cashierUrl;
    }

    /**
     * The notification of one trade event.
     *
     * @param eventId   the event's stable id (its {@code eventId} property), the body's {@code id}
     * @param payload   the event's body as trade-core wrote it
     * @param happenedAt when the event happened (the body's {@code create_time})
     * @param now        when the notification is stored, due at once
     * @throws IOException when the payload is not what the event type carries
     */
    public Notification build(NotifyEventType type, String eventId, byte[] payload, Instant happenedAt, Instant now)
            throws IOException {
        JsonNode tree = json.readTree(payload);
        if (type.refund()) {
            RefundDTO refund = json.treeToValue(tree, RefundDTO.class);
            TradeDTO trade = tradeByNo.apply(refund.tradeNo());
            return notification(type, eventId, happenedAt, now, refund.merchantId(), trade, RefundView.of(refund, times));
        }
        String tradeNo = text(tree, "trade_no");
        TradeDTO trade;
        if (type == NotifyEventType.TRADE_FINISHED) {
            trade = tradeByNo.apply(tradeNo);
        } else {
            TradeDTO event = json.treeToValue(tree, TradeDTO.class);
            trade = lacksWhatOnlyTradeCoreHolds(event) ? completed(event, tradeByNo.apply(tradeNo)) : event;
        }
        return notification(type, eventId, happenedAt, now, trade.merchantId(), trade, TradeView.of(trade, cashierUrl.apply(trade), times));
    }

    private Notification notification(NotifyEventType type, String eventId, Instant happenedAt, Instant now,
                                      String merchantId, TradeDTO trade, Object resource) throws JsonProcessingException {
        String body = json.writeValueAsString(new Body(eventId, type.apiName(), times.format(happenedAt), resource));
        return Notification.pending(eventId, merchantId, trade.tradeNo(), type.apiName(), trade.notifyUrl(), body, now);
    }

    /**
     * Whether the event's trade misses what {@link #completed} fills in. trade-core publishes the whole trade as its
     * change wrote it, so a paid trade's payments and payer and every trade's notify_url are normally there and
     * the notification needs no read of trade-core (one call and one database read less per payment); a payload
     * without them (a trade with no notify_url, or an older producer) is completed from the current record.
     */
    static boolean lacksWhatOnlyTradeCoreHolds(TradeDTO event) {
        boolean paid = event.paidAt() != null;
        return event.notifyUrl() == null || (paid && (event.payments().isEmpty() || event.payerId() == null));
    }

    /** The event's trade, with what only trade-core's current record may hold filled in. */
    static TradeDTO completed(TradeDTO event, TradeDTO current) {
        return new TradeDTO(event.tradeNo(), event.merchantId(), event.outTradeNo(), event.tradeType(), event.status(),
                event.amount(), event.paidAmount(), event.refundedAmount(), event.subject(), event.buyerId(), event.attach(),
                event.notifyUrl() != null ? event.notifyUrl() : current.notifyUrl(), event.returnUrl(), event.timeExpire(),
                event.createdAt(), event.paidAt(), event.closedAt(),
                event.paymentMethods().isEmpty() ? current.paymentMethods() : event.paymentMethods(),
                event.payments().isEmpty() ? current.payments() : event.payments(),
                event.payerId() != null ? event.payerId() : current.payerId());
    }

    private static String text(JsonNode tree, String field) throws IOException {
        JsonNode node = tree.get(field);
        if (node == null || !node.isTextual()) {
            throw new IOException("the event payload has no " + field);
        }
        return node.textValue();
    }
}
