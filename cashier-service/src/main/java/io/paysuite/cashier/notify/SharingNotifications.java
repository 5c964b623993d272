package io.paysuite.cashier.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.api.event.ProfitSharingFinished;
import io.paysuite.api.sharing.SharingOrderDTO;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.cashier.api.Times;
import io.paysuite.cashier.api.error.Results;
import io.paysuite.cashier.api.sharing.SharingOrderView;
import java.time.Instant;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Builds the notification of a finished profit-sharing order ({@code PROFIT_SHARING_FINISHED} from
 * accounting-service): {@code PROFIT_SHARING.FINISHED}, its resource exactly the open API's order
 * object ({@link SharingOrderView}), sent to the shared trade's {@code notify_url} — the order itself
 * carries none, and the trade's is where the merchant hears about that trade's money.
 */
@Component
public class SharingNotifications {

    public static final String FINISHED = "PROFIT_SHARING.FINISHED";

    private final ObjectMapper json;
    private final Times times;
    private final Function<String, TradeDTO> tradeByNo;

    @Autowired
    public SharingNotifications(ObjectMapper json, Times times, TradeService trades) {
        this(json, times, tradeNo -> Results.unwrap(trades.get(TradeByNoQry.internal(tradeNo))));
    }

    SharingNotifications(ObjectMapper json, Times times, Function<String, TradeDTO> tradeByNo) {
        this.json = json;
        this.times = times;
        this.tradeByNo = tradeByNo;
    }

    public Notification build(ProfitSharingFinished event, Instant happenedAt, Instant now) throws JsonProcessingException {
        SharingOrderDTO order = event.order();
        String notifyUrl = tradeByNo.apply(order.tradeNo()).notifyUrl();
        String body = json.writeValueAsString(new NotificationBodies.Body(event.eventId(), FINISHED, times.format(happenedAt),
                SharingOrderView.of(order)));
        return Notification.pending(event.eventId(), order.merchantId(), order.orderNo(), FINISHED, notifyUrl, body, now);
    }
}
