package io.paysuite.kit.mq;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.event.ChannelFollowUpDue;
import io.paysuite.api.event.ChannelOrderFinal;
import io.paysuite.api.event.PayoutFinal;
import io.paysuite.api.event.SettlementFinished;
import io.paysuite.api.settlement.SettlementDTO;
import io.paysuite.api.settlement.SettlementStatus;
import io.paysuite.api.event.EventType;
import io.paysuite.api.event.NotifyAttemptDue;
import io.paysuite.api.event.PayCheckDue;
import io.paysuite.api.event.PaySucceeded;
import io.paysuite.api.event.RefundAccepted;
import io.paysuite.api.event.TradeExpiryDue;
import io.paysuite.api.event.TradeFinished;
import io.paysuite.api.event.TradePayAbandoned;
import io.paysuite.api.event.TradePaying;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.api.refund.RefundDTO;
import io.paysuite.api.refund.RefundStatus;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradePaymentDTO;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageDecoder;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every event of the contracts goes through the codec and through the broker's own serialization of
 * a stored message ({@link MessageDecoder}), and comes back equal: what a producer writes is what its
 * consumers read. The wire names the services used before the contracts were typed stay as they were.
 */
class EventContractsTest {

    static final Instant AT = Instant.parse("2026-11-29T14:00:00.123Z");
    static final String TRADE = "T2026112914000001000010004";
    static final String PAY = "P2026112914000001000010004";
    static final String REFUND = "R2026112914000001000010004";

    static final TradeDTO A_TRADE = new TradeDTO(TRADE, "M1", "O1", TradeType.values()[0], TradeStatus.SUCCESS,
            Money.cny(1230), Money.cny(1230), Money.cny(0), "tea", "B1", "a=1", "https://m.example/notify", null,
            AT.plusSeconds(900), AT, AT, null, List.of(PayMethod.BALANCE), List.of(new TradePaymentDTO(PayMethod.BALANCE,
            Money.cny(1230), null)), "B1");
    static final RefundDTO A_REFUND = new RefundDTO(REFUND, "OR1", TRADE, "M1", RefundStatus.FAILED, Money.cny(100), "broken",
            "CHANNEL_DECLINED", AT, null);

    /** One payload of every event type; a new type without one fails {@link #everyEventTypeHasASample}. */
    static final Map<EventType<?>, Object> SAMPLES = Map.ofEntries(
            Map.entry(EventType.TRADE_CREATED, A_TRADE),
            Map.entry(EventType.TRADE_PAYING, new TradePaying(TRADE, PAY, "B1")),
            Map.entry(EventType.TRADE_PAY_ABANDONED, new TradePayAbandoned(TRADE, PAY, "BUYER_CANCELLED")),
            Map.entry(EventType.TRADE_SUCCEEDED, A_TRADE),
            Map.entry(EventType.TRADE_CLOSED, A_TRADE),
            Map.entry(EventType.TRADE_FINISHED, new TradeFinished(TRADE, "M1", 1130, "CNY")),
            Map.entry(EventType.REFUND_ACCEPTED, new RefundAccepted(REFUND, TRADE)),
            Map.entry(EventType.REFUND_SUCCEEDED, A_REFUND),
            Map.entry(EventType.REFUND_FAILED, A_REFUND),
            Map.entry(EventType.PAY_SUCCEEDED, new PaySucceeded(PAY, TRADE, "Q1", "B1", "M1", PayMethod.BALANCE,
                    PayOrderStatus.SUCCESS, Money.cny(1230), AT.minusSeconds(60), AT, "ALIPAY")),
            Map.entry(EventType.CHANNEL_ORDER_FINAL, new ChannelOrderFinal(PAY)),
            Map.entry(EventType.PAYOUT_FINAL, new PayoutFinal("PO" + PAY)),
            Map.entry(EventType.SETTLEMENT_FINISHED, new SettlementFinished("SETTLEMENT.PAID.ST20261129M1",
                    new SettlementDTO("ST20261129M1", "M1", java.time.LocalDate.of(2026, 11, 29), java.time.LocalDate.of(2026, 11, 27),
                            java.time.LocalDate.of(2026, 11, 28), "CNY", 10_000, 2_500, 45, -100, -1_000, 6_355,
                            SettlementStatus.PAID, "PO20261129M1", "****1234", io.paysuite.api.payout.PayoutStatus.SUCCESS,
                            java.time.Instant.parse("2026-11-29T02:00:00Z"), java.time.Instant.parse("2026-11-29T01:30:00Z")))),
            Map.entry(EventType.PROFIT_SHARING_FINISHED, new io.paysuite.api.event.ProfitSharingFinished(
                    "PROFIT_SHARING.FINISHED.PS0123456789ABCDEF0123456789ABCD", new io.paysuite.api.sharing.SharingOrderDTO(
                            "PS0123456789ABCDEF0123456789ABCD", "share-1", TRADE, "M1", io.paysuite.api.sharing.SharingOrderStatus.FINISHED,
                            List.of(new io.paysuite.api.sharing.SharingReceiverDTO("M2", Money.cny(300), "commission",
                                    io.paysuite.api.sharing.SharingReceiverResult.SUCCESS)), false, AT.minusSeconds(1), AT))),
            Map.entry(EventType.PAY_CHECK, new PayCheckDue(PAY)),
            Map.entry(EventType.TRADE_EXPIRY, new TradeExpiryDue(TRADE)),
            Map.entry(EventType.CHANNEL_FOLLOW_UP, new ChannelFollowUpDue("C2026112914000001000010004", 3)),
            Map.entry(EventType.NOTIFY_ATTEMPT, new NotifyAttemptDue("E2026112914000001000010004", 2)),
            Map.entry(EventType.TRADE_AUTHORIZED, A_TRADE),
            Map.entry(EventType.TRADE_CAPTURED, A_TRADE),
            Map.entry(EventType.TRADE_VOIDED, A_TRADE));

    static Stream<Arguments> events() {
        return EventType.all().stream().map(type -> Arguments.of(type, SAMPLES.get(type)));
    }

    @Test
    void everyEventTypeHasASample() {
        assertThat(SAMPLES.keySet()).containsExactlyInAnyOrderElementsOf(EventType.all());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    <P> void aPayloadComesBackEqualThroughTheCodecAndTheBrokersSerialization(EventType<P> type, Object payload) throws Exception {
        Message sent = EventCodec.message(type.topic(), type, type.payload().cast(payload));

        MessageExt stored = asTheBrokerStoresIt(sent);

        assertThat(stored.getTopic()).isEqualTo(type.topic());
        assertThat(stored.getTags()).isEqualTo(type.tag());
        assertThat(EventCodec.decode(type, stored)).isEqualTo(payload);
    }

    @Test
    void theJsonNamesAreSnakeCaseAsBeforeTheContractsWereTyped() {
        String finished = body(EventCodec.message("T", EventType.TRADE_FINISHED, new TradeFinished(TRADE, "M1", 1130, "CNY")));
        assertThat(finished).isEqualTo("{\"trade_no\":\"" + TRADE + "\",\"merchant_id\":\"M1\",\"release_minor\":1130,\"currency\":\"CNY\"}");

        String trade = body(EventCodec.message("T", EventType.TRADE_CREATED, A_TRADE));
        assertThat(trade).contains("\"trade_no\":\"" + TRADE + "\"", "\"time_expire\":\"2026-11-29T14:15:00.123Z\"",
                "\"amount\":{\"minor\":1230,\"currency\":\"CNY\"", "\"notify_url\":\"https://m.example/notify\"");

        String attempt = body(EventCodec.message("T", EventType.NOTIFY_ATTEMPT, new NotifyAttemptDue("E1", 2)));
        assertThat(attempt).isEqualTo("{\"event_id\":\"E1\",\"attempt\":2}");
    }

    @Test
    void aPaySucceededIsReadAsPayCoreHasAlwaysWrittenIt() {
        Message old = new Message("PAYSUITE_PAY_EVENT", "PAY_SUCCEEDED", ("{\"pay_order_no\":\"" + PAY + "\",\"trade_no\":\"T1\","
                + "\"request_no\":\"Q1\",\"buyer_id\":\"B1\",\"merchant_id\":\"M1\",\"method\":\"BALANCE\",\"status\":\"SUCCESS\","
                + "\"amount\":{\"minor\":100,\"currency\":\"CNY\"},\"created_at\":\"2026-11-29T13:59:00Z\","
                + "\"finished_at\":\"2026-11-29T14:00:00Z\",\"channel\":null}").getBytes(StandardCharsets.UTF_8));

        assertThat(EventCodec.decode(EventType.PAY_SUCCEEDED, old)).isEqualTo(new PaySucceeded(PAY, "T1", "Q1", "B1", "M1",
                PayMethod.BALANCE, PayOrderStatus.SUCCESS, Money.cny(100), Instant.parse("2026-11-29T13:59:00Z"),
                Instant.parse("2026-11-29T14:00:00Z"), null));
    }

    @Test
    void aKeyBodyIsTheBareOrderNumberAndItsOtherFieldsAreProperties() {
        Message followUp = EventCodec.message("F", EventType.CHANNEL_FOLLOW_UP, new ChannelFollowUpDue("C1", 3));

        assertThat(body(followUp)).isEqualTo("C1");
        assertThat(followUp.getUserProperty("attempt")).isEqualTo("3");

        Message older = new Message("F", "FOLLOW_UP", "C1", "C1".getBytes(StandardCharsets.UTF_8));
        assertThat(EventCodec.decode(EventType.CHANNEL_FOLLOW_UP, older)).isEqualTo(new ChannelFollowUpDue("C1", null));
    }

    static String body(Message message) {
        return new String(message.getBody(), StandardCharsets.UTF_8);
    }

    /** The message as the broker writes it to its commit log and reads it back for a consumer. */
    static MessageExt asTheBrokerStoresIt(Message sent) throws Exception {
        MessageExt ext = new MessageExt();
        ext.setTopic(sent.getTopic());
        ext.setFlag(sent.getFlag());
        ext.setBody(sent.getBody());
        org.apache.rocketmq.common.message.MessageAccessor.setProperties(ext, new java.util.HashMap<>(sent.getProperties()));
        ext.setBornHost(new InetSocketAddress("127.0.0.1", 40000));
        ext.setStoreHost(new InetSocketAddress("127.0.0.1", 10911));
        ext.setBornTimestamp(AT.toEpochMilli());
        ext.setStoreTimestamp(AT.toEpochMilli());
        byte[] commitLog = MessageDecoder.encode(ext, false);
        return MessageDecoder.decode(ByteBuffer.wrap(commitLog), true, false);
    }
}
