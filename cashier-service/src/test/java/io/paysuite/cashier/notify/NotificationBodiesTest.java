package io.paysuite.cashier.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.refund.RefundDTO;
import io.paysuite.api.refund.RefundStatus;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradePaymentDTO;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.cashier.api.Times;
import io.paysuite.cashier.api.refund.RefundView;
import io.paysuite.cashier.api.trade.TradeView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

class NotificationBodiesTest {

    /** Both services' Spring ObjectMapper: snake_case, ISO times, nulls written. */
    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .build();
    private static final Times TIMES = new Times(ZoneId.of("Asia/Shanghai"));
    private static final Instant CREATED = Instant.parse("2026-11-23T02:00:00.123Z");
    private static final Instant PAID = Instant.parse("2026-11-23T02:01:30.456Z");
    private static final Instant HAPPENED = Instant.parse("2026-11-23T02:01:30.500Z");
    private static final Instant NOW = Instant.parse("2026-11-23T02:01:31Z");
    private static final String TRADE_NO = "T2026112310000000000010042";
    private static final String NOTIFY_URL = "https://merchant.example/notify";

    private final Map<String, TradeDTO> tradeCore = new HashMap<>();
    private final NotificationBodies bodies = new NotificationBodies(JSON, TIMES, tradeCore::get,
            trade -> "https://127.0.0.1:8443/cashier/token-of-" + trade.tradeNo());

    private static TradeDTO trade(TradeStatus status, long refunded, List<TradePaymentDTO> payments, String payerId) {
        return new TradeDTO(TRADE_NO, "M100", "ORDER-1", TradeType.GUARANTEE, status, Money.cny(1_000),
                status == TradeStatus.WAIT_PAY || status == TradeStatus.CLOSED ? Money.cny(0) : Money.cny(1_000),
                Money.cny(refunded), "a book", null, "attach-1", NOTIFY_URL, null, CREATED.plusSeconds(1800), CREATED,
                status == TradeStatus.WAIT_PAY || status == TradeStatus.CLOSED ? null : PAID,
                status == TradeStatus.CLOSED ? PAID : null, List.of(PayMethod.BALANCE), payments, payerId);
    }

    private static final List<TradePaymentDTO> BALANCE = List.of(new TradePaymentDTO(PayMethod.BALANCE, Money.cny(1_000), "PAYSUITE"));

    private static byte[] payload(Object event) throws IOException {
        return JSON.writeValueAsBytes(event); // as trade-core's TradeChanges writes it
    }

    /** As a merchant reads it off the wire (numbers as parsed, not as Java typed them). */
    private static JsonNode wire(Object view) {
        try {
            return JSON.readTree(JSON.writeValueAsString(view));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private JsonNode tradeAsOpenApiShowsIt(TradeDTO trade) {
        return wire(TradeView.of(trade, "https://127.0.0.1:8443/cashier/token-of-" + trade.tradeNo(), TIMES));
    }

    @Test
    void aTradeSucceededEventBecomesTradeSuccessWithTheTradeAsTheOpenApiShowsIt() throws Exception {
        TradeDTO paid = trade(TradeStatus.SUCCESS, 0, BALANCE, "U42");
        tradeCore.put(TRADE_NO, paid);

        Notification n = bodies.build(NotifyEventType.TRADE_SUCCESS, "E1", payload(paid), HAPPENED, NOW);

        JsonNode body = JSON.readTree(n.body());
        assertThat(body.fieldNames()).toIterable().containsExactly("id", "event_type", "create_time", "resource");
        assertThat(body.get("id").asText()).isEqualTo("E1");
        assertThat(body.get("event_type").asText()).isEqualTo("TRADE.SUCCESS");
        assertThat(body.get("create_time").asText()).isEqualTo("2026-11-23T10:01:30+08:00");
        assertThat(body.get("resource")).isEqualTo(tradeAsOpenApiShowsIt(paid));
        assertThat(body.get("resource").get("status").asText()).isEqualTo("SUCCESS");
        assertThat(n).extracting(Notification::eventId, Notification::merchantId, Notification::tradeNo, Notification::eventType,
                        Notification::notifyUrl, Notification::status, Notification::attempts, Notification::nextAttemptAt)
                .containsExactly("E1", "M100", TRADE_NO, "TRADE.SUCCESS", NOTIFY_URL, NotificationStatus.PENDING, 0, NOW);
    }

    @Test
    void theResourceIsTheTradeAsTheEventLeftItNotAsItIsNowButPaymentDetailMissingFromThePayloadIsFilledIn() throws Exception {
        // an event written without payment detail, read after the trade was refunded and confirmed
        TradeDTO event = new TradeDTO(TRADE_NO, "M100", "ORDER-1", TradeType.GUARANTEE, TradeStatus.SUCCESS, Money.cny(1_000),
                Money.cny(1_000), Money.cny(0), "a book", null, "attach-1", NOTIFY_URL, null, CREATED.plusSeconds(1800), CREATED,
                PAID, null);
        tradeCore.put(TRADE_NO, trade(TradeStatus.FINISHED, 300, BALANCE, "U42"));

        JsonNode resource = JSON.readTree(bodies.build(NotifyEventType.TRADE_SUCCESS, "E2", payload(event), HAPPENED, NOW).body())
                .get("resource");

        assertThat(resource).isEqualTo(tradeAsOpenApiShowsIt(trade(TradeStatus.SUCCESS, 0, BALANCE, "U42")));
        assertThat(resource.get("buyer_id").asText()).isEqualTo("U42");
        assertThat(resource.get("payments").get(0).get("method").asText()).isEqualTo("BALANCE");
    }

    @Test
    void aPayloadThatCarriesTheWholeTradeIsNotifiedWithoutAskingTradeCore() throws Exception {
        List<String> asked = new ArrayList<>();
        NotificationBodies withoutReads = new NotificationBodies(JSON, TIMES, tradeNo -> {
            asked.add(tradeNo);
            return tradeCore.get(tradeNo);
        }, trade -> "https://127.0.0.1:8443/cashier/token-of-" + trade.tradeNo());
        TradeDTO paid = trade(TradeStatus.SUCCESS, 0, BALANCE, "U42");
        TradeDTO closed = trade(TradeStatus.CLOSED, 0, List.of(), null);

        JsonNode success = JSON.readTree(withoutReads.build(NotifyEventType.TRADE_SUCCESS, "E2A", payload(paid), HAPPENED, NOW).body());
        JsonNode close = JSON.readTree(withoutReads.build(NotifyEventType.TRADE_CLOSED, "E2B", payload(closed), HAPPENED, NOW).body());

        assertThat(success.get("resource")).isEqualTo(tradeAsOpenApiShowsIt(paid));
        assertThat(close.get("resource")).isEqualTo(tradeAsOpenApiShowsIt(closed));
        assertThat(asked).as("trades read from trade-core").isEmpty();
    }

    @Test
    void aClosedTradeBecomesTradeClosed() throws Exception {
        TradeDTO closed = trade(TradeStatus.CLOSED, 0, List.of(), null);
        tradeCore.put(TRADE_NO, closed);

        JsonNode body = JSON.readTree(bodies.build(NotifyEventType.TRADE_CLOSED, "E3", payload(closed), HAPPENED, NOW).body());

        assertThat(body.get("event_type").asText()).isEqualTo("TRADE.CLOSED");
        assertThat(body.get("resource")).isEqualTo(tradeAsOpenApiShowsIt(closed));
        assertThat(body.get("resource").get("closed_at").asText()).isEqualTo("2026-11-23T10:01:30+08:00");
        assertThat(body.get("resource").get("paid_at").isNull()).isTrue();
    }

    @Test
    void aFinishedTradeWhoseEventCarriesOnlyTheReleaseIsReadFromTradeCore() throws Exception {
        TradeDTO finished = trade(TradeStatus.FINISHED, 0, BALANCE, "U42");
        tradeCore.put(TRADE_NO, finished);
        Map<String, Object> release = Map.of("trade_no", TRADE_NO, "merchant_id", "M100", "release_minor", 1_000, "currency", "CNY");

        Notification n = bodies.build(NotifyEventType.TRADE_FINISHED, "E4", payload(release), HAPPENED, NOW);

        JsonNode body = JSON.readTree(n.body());
        assertThat(body.get("event_type").asText()).isEqualTo("TRADE.FINISHED");
        assertThat(body.get("resource")).isEqualTo(tradeAsOpenApiShowsIt(finished));
        assertThat(n.merchantId()).isEqualTo("M100");
    }

    @Test
    void aRefundEventBecomesRefundSuccessOrFailedWithTheRefundAsTheOpenApiShowsItSentToItsTradesNotifyUrl() throws Exception {
        tradeCore.put(TRADE_NO, trade(TradeStatus.SUCCESS, 300, BALANCE, "U42"));
        RefundDTO succeeded = new RefundDTO("R2026112310000000000010042", "REFUND-1", TRADE_NO, "M100", RefundStatus.SUCCESS,
                Money.cny(300), "damaged", null, PAID, HAPPENED);
        RefundDTO failed = new RefundDTO("R2026112310000000000020042", "REFUND-2", TRADE_NO, "M100", RefundStatus.FAILED,
                Money.cny(300), "damaged", "INSUFFICIENT_BALANCE", PAID, null);

        Notification success = bodies.build(NotifyEventType.REFUND_SUCCESS, "E5", payload(succeeded), HAPPENED, NOW);
        Notification failure = bodies.build(NotifyEventType.REFUND_FAILED, "E6", payload(failed), HAPPENED, NOW);

        JsonNode body = JSON.readTree(success.body());
        assertThat(body.get("event_type").asText()).isEqualTo("REFUND.SUCCESS");
        assertThat(body.get("resource")).isEqualTo(wire(RefundView.of(succeeded, TIMES)));
        assertThat(success.notifyUrl()).isEqualTo(NOTIFY_URL);
        assertThat(success.tradeNo()).isEqualTo(TRADE_NO);
        JsonNode failedBody = JSON.readTree(failure.body());
        assertThat(failedBody.get("event_type").asText()).isEqualTo("REFUND.FAILED");
        assertThat(failedBody.get("resource")).isEqualTo(wire(RefundView.of(failed, TIMES)));
    }

    @Test
    void theSameEventBuildsTheSameBytes() throws Exception {
        TradeDTO paid = trade(TradeStatus.SUCCESS, 0, BALANCE, "U42");
        tradeCore.put(TRADE_NO, paid);

        String first = bodies.build(NotifyEventType.TRADE_SUCCESS, "E7", payload(paid), HAPPENED, NOW).body();
        String again = bodies.build(NotifyEventType.TRADE_SUCCESS, "E7", payload(paid), HAPPENED, NOW.plusSeconds(60)).body();

        assertThat(again).isEqualTo(first);
    }

    @Test
    void aPayloadThatIsNotWhatTheEventCarriesIsRefused() {
        assertThatThrownBy(() -> bodies.build(NotifyEventType.TRADE_SUCCESS, "E8", "{\"x\":1}".getBytes(StandardCharsets.UTF_8), HAPPENED, NOW))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> bodies.build(NotifyEventType.TRADE_SUCCESS, "E8", "not json".getBytes(StandardCharsets.UTF_8), HAPPENED, NOW))
                .isInstanceOf(IOException.class);
    }

    @Test
    void everyNotifiedTagMapsToApiMdsEventType() {
        assertThat(NotifyEventType.subscription())
                .isEqualTo("TRADE_SUCCEEDED || TRADE_CLOSED || TRADE_FINISHED || REFUND_SUCCEEDED || REFUND_FAILED"
                        + " || TRADE_CAPTURED || TRADE_VOIDED");
        assertThat(NotifyEventType.ofTag("REFUND_FAILED")).contains(NotifyEventType.REFUND_FAILED);
        assertThat(NotifyEventType.ofTag("TRADE_CAPTURED").map(NotifyEventType::apiName)).contains("TRADE.CAPTURED");
        assertThat(NotifyEventType.ofTag("TRADE_VOIDED").map(NotifyEventType::apiName)).contains("TRADE.VOIDED");
        assertThat(NotifyEventType.ofTag("TRADE_CREATED")).isEmpty();
        assertThat(NotifyEventType.ofTag("TRADE_AUTHORIZED")).as("an authorisation is nothing of the merchant's yet").isEmpty();
    }
}
