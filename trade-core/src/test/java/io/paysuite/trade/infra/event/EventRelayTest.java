package io.paysuite.trade.infra.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paysuite.api.ids.OrderNo;
import io.paysuite.kit.mq.MessageSender;
import io.paysuite.kit.shadow.ShadowContext;
import io.paysuite.trade.order.TradeEventDraft;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;

/**
 * The outbox's relay: what committed and was never marked published is sent again, as it was first sent, once
 * it is older than {@code relay-after}; a young one is left to the send that is still on its way.
 */
class EventRelayTest {

    private static final Instant COMMITTED = Instant.parse("2026-12-07T10:00:00Z");
    private static final Duration AFTER = Duration.ofSeconds(3);
    private static final String TOPIC = "PAYSUITE_TRADE_EVENT";
    private static final int GENE = 517;

    private final OrderNo ids = new OrderNo(Clock.fixed(COMMITTED, ZoneOffset.UTC), 1);
    private final FakeEventDatabase database = new FakeEventDatabase();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<Message> sent = new CopyOnWriteArrayList<>();
    /** Whether each message was sent as load traffic (the kit's producer marks it then). */
    private final List<Boolean> sentMarked = new CopyOnWriteArrayList<>();
    private final MessageSender broker = message -> {
        sent.add(message);
        sentMarked.add(ShadowContext.active());
    };

    private EventRelay relayAt(Instant now, MessageSender sender, boolean shadowSide) {
        return new EventRelay(database, sender, TOPIC, AFTER, Duration.ofSeconds(1), Clock.fixed(now, ZoneOffset.UTC),
                () -> shadowSide, meters);
    }

    /** An event whose change committed at {@code at} and whose send never happened (or the broker refused it). */
    private TradeEventDraft committedUnsent(Instant at) {
        TradeEventDraft draft = new TradeEventDraft(ids.next(OrderNo.Kind.EVENT, GENE), ids.next(OrderNo.Kind.TRADE, GENE),
                "TRADE_CREATED", "{\"trade_no\":\"x\"}");
        database.commitRow(TradeEventDO.of(draft, LocalDateTime.ofInstant(at, ZoneOffset.UTC)));
        return draft;
    }

    @Test
    void anUnmarkedEventOlderThanRelayAfterIsSentAsItWasFirstSentAndMarked() {
        TradeEventDraft draft = committedUnsent(COMMITTED);

        int relayed = relayAt(COMMITTED.plus(AFTER).plusMillis(1), broker, false).sweepOnce();

        assertThat(relayed).isEqualTo(1);
        assertThat(sent).singleElement().satisfies(message -> {
            Message original = RocketMqTradeEvents.toMessage(draft, TOPIC);
            assertThat(message.getTopic()).isEqualTo(original.getTopic());
            assertThat(message.getTags()).isEqualTo(original.getTags());
            assertThat(message.getKeys()).isEqualTo(original.getKeys());
            assertThat(message.getUserProperty("eventId")).isEqualTo(draft.eventId()); // consumers deduplicate on it
            assertThat(message.getBody()).isEqualTo(original.getBody());
        });
        assertThat(database.isPublished(draft.eventId())).isTrue();

        assertThat(relayAt(COMMITTED.plusSeconds(60), broker, false).sweepOnce()).as("sent once: marked").isZero();
        assertThat(sent).hasSize(1);
    }

    @Test
    void aYoungUnmarkedEventIsLeftToTheSendStillOnItsWay() {
        TradeEventDraft draft = committedUnsent(COMMITTED);

        assertThat(relayAt(COMMITTED.plus(AFTER), broker, false).sweepOnce()).isZero();

        assertThat(sent).isEmpty();
        assertThat(database.isPublished(draft.eventId())).isFalse();
    }

    @Test
    void aMarkedEventIsNeverSentAgain() {
        TradeEventDraft draft = committedUnsent(COMMITTED);
        database.markPublished(draft.eventId(), LocalDateTime.ofInstant(COMMITTED, ZoneOffset.UTC));

        assertThat(relayAt(COMMITTED.plusSeconds(60), broker, false).sweepOnce()).isZero();
        assertThat(sent).isEmpty();
    }

    @Test
    void aBacklogLargerThanAPageDrainsInOneRoundEachEventOnce() {
        List<String> backlog = new ArrayList<>();
        for (int i = 0; i < EventRelay.PAGE * 2 + 7; i++) {
            backlog.add(committedUnsent(COMMITTED.plusMillis(i)).eventId());
        }

        int relayed = relayAt(COMMITTED.plusSeconds(60), broker, false).sweepOnce();

        assertThat(relayed).isEqualTo(backlog.size());
        assertThat(sent).extracting(message -> message.getUserProperty("eventId")).containsExactlyElementsOf(backlog);
        assertThat(backlog).allSatisfy(eventId -> assertThat(database.isPublished(eventId)).isTrue());
    }

    @Test
    void aSendTheBrokerRefusesEndsTheRoundAndLeavesTheRestUnmarkedForTheNext() {
        TradeEventDraft first = committedUnsent(COMMITTED);
        TradeEventDraft second = committedUnsent(COMMITTED.plusMillis(1));
        List<Message> tried = new ArrayList<>();
        MessageSender brokerDown = message -> {
            tried.add(message);
            throw new IllegalStateException("broker did not store " + message.getKeys());
        };

        assertThat(relayAt(COMMITTED.plusSeconds(60), brokerDown, false).sweepOnce()).isZero();

        assertThat(tried).as("one try, not one per event, while the broker is down").hasSize(1);
        assertThat(database.isPublished(first.eventId())).isFalse();
        assertThat(database.isPublished(second.eventId())).isFalse();

        assertThat(relayAt(COMMITTED.plusSeconds(61), broker, false).sweepOnce()).as("the broker is back").isEqualTo(2);
        assertThat(database.isPublished(first.eventId())).isTrue();
        assertThat(database.isPublished(second.eventId())).isTrue();
    }

    @Test
    void onAnInstanceWithShadowDatabasesALoadTestEventIsReadSentAndMarkedAsLoadTraffic() {
        TradeEventDraft real = committedUnsent(COMMITTED);
        TradeEventDraft load;
        try (ShadowContext.Scope marked = ShadowContext.enter()) {
            load = committedUnsent(COMMITTED);
        }

        assertThat(relayAt(COMMITTED.plusSeconds(60), broker, true).sweepOnce()).isEqualTo(2);

        assertThat(sent).extracting(message -> message.getUserProperty("eventId"))
                .containsExactly(real.eventId(), load.eventId());
        assertThat(sentMarked).as("the real one unmarked, the load-test one marked").containsExactly(false, true);
        assertThat(database.isPublished(real.eventId())).isTrue();
        try (ShadowContext.Scope marked = ShadowContext.enter()) {
            assertThat(database.isPublished(load.eventId())).as("marked on the shadow side").isTrue();
        }
        assertThat(ShadowContext.active()).as("the relay's thread is left unmarked").isFalse();
        assertThat(meters.get(EventRelay.RELAYED_METER).tag("side", "real").counter().count()).isEqualTo(1);
        assertThat(meters.get(EventRelay.RELAYED_METER).tag("side", "shadow").counter().count()).isEqualTo(1);
    }

    @Test
    void withoutShadowDatabasesOnlyTheRealSideIsSwept() {
        try (ShadowContext.Scope marked = ShadowContext.enter()) {
            committedUnsent(COMMITTED);
        }

        assertThat(relayAt(COMMITTED.plusSeconds(60), broker, false).sweepOnce()).isZero();
        assertThat(sent).isEmpty();
    }

    @Test
    void startedItSweepsEveryIntervalUntilStopped() throws InterruptedException {
        TradeEventDraft draft = committedUnsent(Instant.now().minusSeconds(60));
        EventRelay relay = new EventRelay(database, broker, TOPIC, AFTER, Duration.ofMillis(20), Clock.systemUTC(), () -> false,
                meters);

        relay.start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!database.isPublished(draft.eventId()) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(relay.isRunning()).isTrue();
        } finally {
            relay.stop();
        }

        assertThat(database.isPublished(draft.eventId())).isTrue();
        assertThat(relay.isRunning()).isFalse();
    }
}
