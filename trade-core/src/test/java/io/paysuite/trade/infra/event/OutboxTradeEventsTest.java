package io.paysuite.trade.infra.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ids.OrderNo;
import io.paysuite.kit.mq.MessageSender;
import io.paysuite.kit.shadow.ShadowContext;
import io.paysuite.trade.infra.event.TradeEventsProperties.Delivery;
import io.paysuite.trade.order.TradeEventDraft;
import io.paysuite.trade.order.TradeEventsUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.transaction.TransactionSystemException;

/**
 * Outbox delivery without a broker or a database: the change and its row commit, then the message is sent,
 * then the row is marked; a send that fails after the commit is the relay's, never the caller's problem, and the
 * caller does not wait for the broker's answer.
 */
class OutboxTradeEventsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final int GENE = 517;
    private static final String TOPIC = TradeEventsProperties.defaults().topic();

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final OrderNo ids = new OrderNo(clock, 1);
    private final FakeEventDatabase database = new FakeEventDatabase();
    private final List<Message> sent = new ArrayList<>();
    /** What was true when each message was sent: the event's row had committed, and was not yet marked. */
    private final List<Boolean> committedWhenSent = new ArrayList<>();

    private final MessageSender broker = message -> {
        String eventId = message.getUserProperty(TradeEventTransactionListener.EVENT_ID_PROPERTY);
        committedWhenSent.add(database.hasRow(eventId) && !database.isPublished(eventId));
        sent.add(message);
    };
    private final MessageSender brokerDown = message -> {
        throw new IllegalStateException("cannot send " + message.getKeys() + ": connect to 127.0.0.1:10911 failed");
    };

    private RocketMqTradeEvents events(Delivery delivery, MessageSender sender) {
        TradeEventTransactionListener listener = new TradeEventTransactionListener(database, database,
                Duration.ofSeconds(60), clock, FaultHooks.none());
        return new RocketMqTradeEvents(TradeEventsProperties.defaults().withDelivery(delivery), database, database,
                listener, sender, clock, () -> false, new SimpleMeterRegistry());
    }

    private TradeEventDraft draft() {
        return new TradeEventDraft(ids.next(OrderNo.Kind.EVENT, GENE), ids.next(OrderNo.Kind.TRADE, GENE),
                "TRADE_SUCCEEDED", "{\"trade_no\":\"x\"}");
    }

    @Test
    void theChangeCommitsThenItsMessageIsSentThenItsRowIsMarked() {
        TradeEventDraft draft = draft();

        String result = events(Delivery.OUTBOX, broker).publishWith(draft, () -> "paid");

        assertThat(result).isEqualTo("paid");
        assertThat(sent).singleElement().satisfies(message -> {
            Message expected = RocketMqTradeEvents.toMessage(draft, TOPIC);
            assertThat(message.getTopic()).isEqualTo(expected.getTopic());
            assertThat(message.getTags()).isEqualTo("TRADE_SUCCEEDED");
            assertThat(message.getKeys()).isEqualTo(expected.getKeys());
            assertThat(message.getUserProperty("eventId")).isEqualTo(draft.eventId());
            assertThat(message.getBody()).isEqualTo(expected.getBody());
        });
        assertThat(committedWhenSent).as("sent after the commit, before the mark").containsExactly(true);
        assertThat(database.isPublished(draft.eventId())).as("marked once the broker stored it").isTrue();
    }

    @Test
    void aSendThatFailsAfterTheCommitLeavesTheRowUnmarkedForTheRelayAndTheCallerGetsItsResult() {
        TradeEventDraft draft = draft();

        String result = events(Delivery.OUTBOX, brokerDown).publishWith(draft, () -> "paid");

        assertThat(result).as("the change committed: the caller hears so").isEqualTo("paid");
        assertThat(database.hasRow(draft.eventId())).isTrue();
        assertThat(database.isPublished(draft.eventId())).isFalse();
        assertThat(database.findUnpublished(NOW.plusSeconds(4).atOffset(ZoneOffset.UTC).toLocalDateTime(), 10))
                .as("left for the relay").containsExactly(draft.eventId());
    }

    @Test
    void theCallerHasItsResultOnceTheRowCommitsBeforeTheBrokerAnswers() {
        HeldBroker held = new HeldBroker();
        TradeEventDraft draft = draft();

        String result = events(Delivery.OUTBOX, held).publishWith(draft, () -> "paid");

        assertThat(result).as("returned with the send still in flight").isEqualTo("paid");
        assertThat(held.inFlight).singleElement()
                .satisfies(send -> assertThat(send.message().getUserProperty("eventId")).isEqualTo(draft.eventId()));
        assertThat(database.hasRow(draft.eventId())).as("the send starts after the commit").isTrue();
        assertThat(database.isPublished(draft.eventId())).as("not marked before the broker stored it").isFalse();

        held.inFlight.remove(0).stored().run();

        assertThat(database.isPublished(draft.eventId())).as("marked once the broker stored it").isTrue();
    }

    @Test
    void aSendTheBrokerDidNotStoreLeavesTheRowUnmarkedForTheRelay() {
        HeldBroker held = new HeldBroker();
        TradeEventDraft draft = draft();
        assertThat(events(Delivery.OUTBOX, held).publishWith(draft, () -> "paid")).isEqualTo("paid");

        held.inFlight.remove(0).notStored().accept(new IllegalStateException("send timed out after 3000 ms"));

        assertThat(database.isPublished(draft.eventId())).isFalse();
        assertThat(database.findUnpublished(NOW.plusSeconds(4).atOffset(ZoneOffset.UTC).toLocalDateTime(), 10))
                .as("left for the relay").containsExactly(draft.eventId());
    }

    @Test
    void aLoadTestEventIsMarkedOnTheShadowSideThoughTheBrokerAnswersOnAnUnmarkedThread() {
        HeldBroker held = new HeldBroker();
        TradeEventDraft draft = draft();
        try (ShadowContext.Scope load = ShadowContext.enter()) {
            events(Delivery.OUTBOX, held).publishWith(draft, () -> "paid");
        }

        held.inFlight.remove(0).stored().run(); // the client's callback thread: no mark of its own

        try (ShadowContext.Scope load = ShadowContext.enter()) {
            assertThat(database.isPublished(draft.eventId())).as("the shadow row, where the event was written").isTrue();
        }
        assertThat(database.hasRow(draft.eventId())).as("nothing on the real side").isFalse();
    }

    @Test
    void aSenderThatThrowsInsteadOfReportingStillLeavesTheCallerItsResult() {
        MessageSender throwing = new MessageSender() {
            @Override
            public void send(Message message) {
                throw new IllegalStateException("not used");
            }

            @Override
            public void sendThen(Message message, Runnable stored, Consumer<RuntimeException> notStored) {
                throw new IllegalStateException("async send queue full");
            }
        };
        TradeEventDraft draft = draft();

        assertThat(events(Delivery.OUTBOX, throwing).publishWith(draft, () -> "paid")).isEqualTo("paid");

        assertThat(database.hasRow(draft.eventId())).isTrue();
        assertThat(database.isPublished(draft.eventId())).isFalse();
    }

    @Test
    void aChangeThatRollsBackSendsNothingAndHandsTheCallerItsException() {
        TradeEventDraft draft = draft();
        BizException refused = new BizException(ErrorCode.TRADE_CLOSED, "trade is closed");

        assertThatThrownBy(() -> events(Delivery.OUTBOX, broker).publishWith(draft, () -> {
            throw refused;
        })).isSameAs(refused);

        assertThat(sent).isEmpty();
        assertThat(database.hasRow(draft.eventId())).isFalse();
    }

    @Test
    void aCommitWhoseOutcomeIsUnknownSendsNothingAndHandsTheCallerTheFailure() {
        TradeEventDraft draft = draft();
        database.failNextCommit();

        assertThatThrownBy(() -> events(Delivery.OUTBOX, broker).publishWith(draft, () -> "paid"))
                .isInstanceOf(TransactionSystemException.class);

        assertThat(sent).as("the row decides, read by the relay").isEmpty();
    }

    @Test
    void aTrailOnlyEventIsRecordedPublishedAndNeverSent() {
        TradeEventDraft draft = draft();

        assertThat(events(Delivery.OUTBOX, broker).recordWith(draft, () -> "paying")).isEqualTo("paying");

        assertThat(sent).isEmpty();
        assertThat(database.isPublished(draft.eventId())).isTrue();
    }

    @Test
    void theSwitchSelectsTheTransactionalPathWhichRefusesTheChangeWhenTheBrokerCannotTakeTheHalfMessage() {
        // the transactional producer is not started here: to it the broker is unreachable, as it is to brokerDown
        AtomicBoolean ran = new AtomicBoolean();

        assertThatThrownBy(() -> events(Delivery.TRANSACTIONAL, broker).publishWith(draft(), () -> ran.getAndSet(true)))
                .isInstanceOf(TradeEventsUnavailableException.class);
        assertThat(ran).as("nothing ran, nothing changed").isFalse();
        assertThat(sent).as("no plain send in transactional delivery").isEmpty();

        TradeEventDraft outboxed = draft();
        assertThat(events(Delivery.OUTBOX, brokerDown).publishWith(outboxed, () -> ran.getAndSet(true))).isFalse();
        assertThat(ran).as("the outbox commits the change and sends later").isTrue();
        assertThat(database.hasRow(outboxed.eventId())).isTrue();
    }

    @Test
    void outboxIsTheDefaultAndTransactionalCanBeChosen() {
        Binder unset = new Binder(new MapConfigurationPropertySource(Map.of()));
        Binder transactional = new Binder(new MapConfigurationPropertySource(Map.of("paysuite.events.delivery", "transactional",
                "paysuite.events.relay-after", "5s")));

        TradeEventsProperties defaults = unset.bindOrCreate("paysuite.events", Bindable.of(TradeEventsProperties.class));
        TradeEventsProperties chosen = transactional.bindOrCreate("paysuite.events", Bindable.of(TradeEventsProperties.class));

        assertThat(defaults.delivery()).isEqualTo(Delivery.OUTBOX);
        assertThat(defaults.relayInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(defaults.relayAfter()).isEqualTo(Duration.ofSeconds(3));
        assertThat(TradeEventsProperties.defaults()).isEqualTo(defaults);
        assertThat(chosen.delivery()).isEqualTo(Delivery.TRANSACTIONAL);
        assertThat(chosen.relayAfter()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void outboxDeliveryWithoutAProducerIsRefusedAtStart() {
        assertThatThrownBy(() -> events(Delivery.OUTBOX, null)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A broker that answers only when the test says so: the kit's asynchronous send, with its answer held. */
    private static final class HeldBroker implements MessageSender {

        record Send(Message message, Runnable stored, Consumer<RuntimeException> notStored) {
        }

        final List<Send> inFlight = new ArrayList<>();

        @Override
        public void send(Message message) {
            throw new UnsupportedOperationException("the caller's send must not wait for the broker");
        }

        @Override
        public void sendThen(Message message, Runnable stored, Consumer<RuntimeException> notStored) {
            inFlight.add(new Send(message, stored, notStored));
        }
    }
}
