package io.paysuite.cashier.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.api.common.Outcome;
import io.paysuite.api.common.Result;
import io.paysuite.api.event.SettlementFinished;
import io.paysuite.api.member.MerchantService;
import io.paysuite.api.member.SettlementTermsDTO;
import io.paysuite.api.settlement.SettlementDTO;
import io.paysuite.api.settlement.SettlementStatus;
import io.paysuite.cashier.api.Times;
import io.paysuite.cashier.api.error.Results;
import io.paysuite.cashier.api.settlement.SettlementView;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Builds the notification of a settlement's end ({@code SETTLEMENT_FINISHED} from accounting-service):
 * {@code SETTLEMENT.PAID} or {@code SETTLEMENT.FAILED}, its resource exactly the open API's settlement
 * object ({@link SettlementView}). A settlement has no order to carry a notify_url, so it goes to the
 * merchant's default settlement notify URL (member-service's settlement terms); a merchant without one
 * is not notified and reads its settlements through the API.
 */
@Component
public class SettlementNotifications {

    public static final String PAID = "SETTLEMENT.PAID";
    public static final String FAILED = "SETTLEMENT.FAILED";

    private final ObjectMapper json;
    private final Times times;
    private final Function<String, SettlementTermsDTO> termsOf;

    @Autowired
    public SettlementNotifications(ObjectMapper json, Times times, MerchantService merchants) {
        this(json, times, merchantId -> {
            Result<SettlementTermsDTO> terms = merchants.settlementTerms(merchantId);
            // a merchant member-service does not know has nowhere to be told; an unknown answer comes back later
            return Outcome.definitelyFailed(terms) ? null : Results.unwrap(terms);
        });
    }

    SettlementNotifications(ObjectMapper json, Times times, Function<String, SettlementTermsDTO> termsOf) {
        this.json = json;
        this.times = times;
        this.termsOf = termsOf;
    }

    /** {@code SETTLEMENT.PAID} / {@code .FAILED}; empty for a settlement that is not final (nothing to tell). */
    public static Optional<String> apiName(SettlementDTO settlement) {
        return settlement.status() == SettlementStatus.PAID ? Optional.of(PAID)
                : settlement.status() == SettlementStatus.FAILED ? Optional.of(FAILED) : Optional.empty();
    }

    /**
     * @return the notification, its notify_url null when the merchant set none (or member-service knows no such merchant)
     * @throws IllegalArgumentException for a settlement that is not final
     */
    public Notification build(SettlementFinished event, Instant happenedAt, Instant now) throws JsonProcessingException {
        SettlementDTO s = event.settlement();
        String type = apiName(s).orElseThrow(() -> new IllegalArgumentException("settlement " + s.settlementNo() + " is not final"));
        SettlementTermsDTO terms = termsOf.apply(s.merchantId());
        String notifyUrl = terms == null ? null : terms.notifyUrl();
        String body = json.writeValueAsString(new NotificationBodies.Body(event.eventId(), type, times.format(happenedAt),
                SettlementView.of(s, times)));
        return Notification.pending(event.eventId(), s.merchantId(), s.settlementNo(), type, notifyUrl, body, now);
    }
}
