package io.paysuite.accounting.infra.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import io.paysuite.accounting.crosscheck.CrossCheckAlarms;
import io.paysuite.accounting.crosscheck.CrossCheckFindings;
import io.paysuite.accounting.crosscheck.InternalReconciliation;
import io.paysuite.accounting.crosscheck.PendingChecks;
import io.paysuite.accounting.crosscheck.TradeRecords;
import io.paysuite.api.event.EventType;
import io.paysuite.api.money.Money;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.kit.mq.EventCodec;
import io.paysuite.kit.mq.Handled;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which of trade-core's events note a trade for internal reconciliation. */
class CrossCheckConsumersTest {

    private static final String TRADE_NO = "T2026120612000001000010042";
    private static final Instant AT = Instant.parse("2026-12-06T12:00:00Z");

    private final PendingChecks pending = mock(PendingChecks.class);
    private final InternalReconciliation reconciliation = new InternalReconciliation(mock(TradeRecords.class), pending,
            mock(CrossCheckFindings.class), mock(CrossCheckAlarms.class), Clock.fixed(AT, ZoneOffset.UTC));

    @ParameterizedTest
    @ValueSource(strings = {"TRADE_AUTHORIZED", "TRADE_CAPTURED", "TRADE_VOIDED", "TRADE_SUCCEEDED", "TRADE_CLOSED"})
    void aTradeStateEventPreAuthorisationsIncludedNotesItsTradeForACheck(String tag) {
        EventType<TradeDTO> type = EventType.all().stream().filter(t -> t.tag().equals(tag)).map(t -> tradeBodied(t))
                .findFirst().orElseThrow();
        assertThat(CrossCheckConsumers.TRADE_EVENTS).extracting(EventType::tag).contains(tag);

        Handled handled = CrossCheckConsumers.onTradeEvent(reconciliation, received(type, preAuth(TradeStatus.CAPTURED)));

        assertThat(handled).isEqualTo(Handled.DONE);
        verify(pending).note(eq(TRADE_NO), eq(InternalReconciliation.NO_REFUND), any());
    }

    @SuppressWarnings("unchecked")
    private static EventType<TradeDTO> tradeBodied(EventType<?> type) {
        assertThat(type.payload()).isEqualTo(TradeDTO.class);
        return (EventType<TradeDTO>) type;
    }

    private static TradeDTO preAuth(TradeStatus status) {
        return new TradeDTO(TRADE_NO, "M1", "out-1", TradeType.PREAUTH, status, Money.cny(1000), Money.cny(600), Money.cny(0),
                "subject", "U1", null, "https://m/notify", null, AT.plusSeconds(1800), AT, AT, null);
    }

    private static MessageExt received(EventType<TradeDTO> type, TradeDTO trade) {
        Message sent = EventCodec.message(type.topic(), type, trade);
        MessageExt message = new MessageExt();
        message.setTopic(sent.getTopic());
        message.setTags(sent.getTags());
        message.setBody(sent.getBody());
        return message;
    }
}
