package io.paysuite.trade.infra.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.ids.OrderNo;
import io.paysuite.trade.order.TradeEventDraft;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;

/**
 * An event whose transactional message the broker gave up on — the producer died between its local
 * commit and the broker's, and the database did not answer any of the check-backs — is still in
 * {@code trade_event}, never marked published, and is published from there later, as the same message.
 */
class UnpublishedTradeEventsTest {

    private static final Instant COMMITTED = Instant.parse("2026-11-22T10:00:00Z");
    private static final Duration GRACE = Duration.ofSeconds(60);
    private static final int GENE = 517;

    private final OrderNo ids = new OrderNo(Clock.fixed(COMMITTED, ZoneOffset.UTC), 1);
    private final FakeEventDatabase database = new FakeEventDatabase();
    private final List<Message> sent = new ArrayList<>();
    private final Clock later = Clock.fixed(COMMITTED.plus(Duration.ofMinutes(20)), ZoneOffset.UTC);
    private final UnpublishedTradeEvents unpublished = new UnpublishedTradeEvents(database, sent::add, "PAYSUITE_TRADE_EVENT", later);

    private TradeEventDraft draft() {
        return new TradeEventDraft(ids.next(OrderNo.Kind.EVENT, GENE), ids.next(OrderNo.Kind.TRADE, GENE),
                "TRADE_FINISHED", "{\"trade_no\":\"x\"}");
    }

    private TradeEventTransactionListener listenerAt(Instant now) {
        return new TradeEventTransactionListener(database, database, GRACE, Clock.fixed(now, ZoneOffset.UTC), FaultHooks.none());
    }

    private MessageExt halfMessage(TradeEventDraft draft) {
        MessageExt message = new MessageExt();
        message.setBornTimestamp(COMMITTED.toEpochMilli());
        message.setTopic("PAYSUITE_TRADE_EVENT");
        message.setKeys(draft.tradeNo() + " " + draft.eventId());
        message.putUserProperty(TradeEventTransactionListener.EVENT_ID_PROPERTY, draft.eventId());
        return message;
    }

    /** The local transaction committed; the producer died before telling the broker. */
    private TradeEventDraft committedButNeverConfirmed() {
        TradeEventDraft draft = draft();
        PendingTradeEvent<Void> pending = new PendingTradeEvent<>(draft, () -> null);
        assertThat(listenerAt(COMMITTED).executeLocalTransaction(RocketMqTradeEvents.toMessage(draft, "PAYSUITE_TRADE_EVENT"), pending))
                .isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
        return draft;
    }

    @Test
    void anEventTheBrokerGaveUpOnIsPublishedFromTheEventTableAsTheSameMessage() {
        TradeEventDraft draft = committedButNeverConfirmed();
        database.failLookups(); // every check-back: the database does not answer; the broker drops the half message
        assertThat(listenerAt(COMMITTED.plusSeconds(30)).checkLocalTransaction(halfMessage(draft)))
                .isEqualTo(LocalTransactionState.UNKNOW);
        database.answerLookups();

        assertThat(unpublished.inFlightSince(later.instant().minus(Duration.ofMinutes(15)), 10)).containsExactly(draft.eventId());
        unpublished.republish(draft.eventId());

        assertThat(sent).singleElement().satisfies(message -> {
            Message original = RocketMqTradeEvents.toMessage(draft, "PAYSUITE_TRADE_EVENT");
            assertThat(message.getTopic()).isEqualTo(original.getTopic());
            assertThat(message.getTags()).isEqualTo(original.getTags());
            assertThat(message.getKeys()).isEqualTo(original.getKeys());
            assertThat(message.getUserProperty("eventId")).isEqualTo(draft.eventId()); // consumers deduplicate on it
            assertThat(message.getBody()).isEqualTo(original.getBody());
        });
        // published once: the next sweep finds nothing
        assertThat(unpublished.inFlightSince(later.instant(), 10)).isEmpty();
    }

    @Test
    void anEventTheCheckBackCommittedIsNotPublishedAgain() {
        TradeEventDraft draft = committedButNeverConfirmed();

        assertThat(listenerAt(COMMITTED.plusSeconds(30)).checkLocalTransaction(halfMessage(draft)))
                .isEqualTo(LocalTransactionState.COMMIT_MESSAGE);

        assertThat(unpublished.inFlightSince(later.instant(), 10)).isEmpty();
    }

    @Test
    void anEventYoungerThanTheSweepsAgeIsLeftToTheBrokersCheckBack() {
        TradeEventDraft draft = committedButNeverConfirmed();

        assertThat(unpublished.inFlightSince(COMMITTED, 10)).isEmpty();
        assertThat(unpublished.inFlightSince(COMMITTED.plusMillis(1), 10)).containsExactly(draft.eventId());
    }

    @Test
    void aRepublishTheBrokerDidNotStoreStaysUnpublished() {
        TradeEventDraft draft = committedButNeverConfirmed();
        UnpublishedTradeEvents brokerDown = new UnpublishedTradeEvents(database, message -> {
            throw new IllegalStateException("broker down");
        }, "PAYSUITE_TRADE_EVENT", later);

        assertThatThrownBy(() -> brokerDown.republish(draft.eventId())).isInstanceOf(IllegalStateException.class);

        assertThat(unpublished.inFlightSince(later.instant(), 10)).containsExactly(draft.eventId());
    }

    @Test
    void anEventMarkedPublishedWhenTheBrokerTookItsCommitIsNotSweptAgain() {
        TradeEventDraft draft = committedButNeverConfirmed();

        database.markPublished(draft.eventId(), LocalDateTime.ofInstant(COMMITTED, ZoneOffset.UTC));

        assertThat(unpublished.inFlightSince(later.instant(), 10)).isEmpty();
    }
}
