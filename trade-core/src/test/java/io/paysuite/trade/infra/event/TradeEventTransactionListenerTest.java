package io.paysuite.trade.infra.event;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ids.OrderNo;
import io.paysuite.trade.order.TradeEventDraft;
import io.paysuite.trade.order.TradeEventsUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionSystemException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The broker's two questions, answered without Spring, without a broker and without a database. */
class TradeEventTransactionListenerTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Duration GRACE = Duration.ofSeconds(60);
    private static final int GENE = 517;

    private final OrderNo ids = new OrderNo(Clock.fixed(NOW, ZoneOffset.UTC), 1);
    private final FakeEventDatabase database = new FakeEventDatabase();
    private final AtomicReference<Runnable> beforeLocalCommit = new AtomicReference<>(() -> { });
    private final AtomicReference<Runnable> afterLocalCommit = new AtomicReference<>(() -> { });
    private final TradeEventTransactionListener listener = new TradeEventTransactionListener(database, database,
            GRACE, Clock.fixed(NOW, ZoneOffset.UTC),
            new FaultHooks(() -> beforeLocalCommit.get().run(), () -> afterLocalCommit.get().run()));

    private TradeEventDraft draft() {
        return new TradeEventDraft(ids.next(OrderNo.Kind.EVENT, GENE), ids.next(OrderNo.Kind.TRADE, GENE),
                "TRADE_CREATED", "{\"trade_no\":\"x\"}");
    }

    private MessageExt halfMessage(TradeEventDraft draft, Duration age) {
        MessageExt message = new MessageExt();
        message.setTopic("PAYSUITE_TRADE_EVENT");
        message.setKeys(draft.tradeNo() + " " + draft.eventId());
        if (draft.eventId() != null) {
            message.putUserProperty(TradeEventTransactionListener.EVENT_ID_PROPERTY, draft.eventId());
        }
        message.setBornTimestamp(NOW.minus(age).toEpochMilli());
        return message;
    }

    private void committedRowOf(TradeEventDraft draft) {
        database.commitRow(TradeEventDO.of(draft, LocalDateTime.ofInstant(NOW, ZoneOffset.UTC)));
    }

    @Nested
    class CheckBack {

        @Test
        void commitsWhenTheEventRowIsPresentHoweverYoungTheMessage() {
            TradeEventDraft draft = draft();
            committedRowOf(draft);

            assertThat(listener.checkLocalTransaction(halfMessage(draft, Duration.ZERO))).isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
        }

        @Test
        void commitsWhenTheEventRowIsPresentHoweverOldTheMessage() {
            TradeEventDraft draft = draft();
            committedRowOf(draft);

            assertThat(listener.checkLocalTransaction(halfMessage(draft, Duration.ofHours(3)))).isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
        }

        @Test
        void asksAgainWhileTheRowIsAbsentAndTheMessageIsYoungerThanTheGracePeriod() {
            TradeEventDraft draft = draft();

            assertThat(listener.checkLocalTransaction(halfMessage(draft, GRACE.minusMillis(1)))).isEqualTo(LocalTransactionState.UNKNOW);
        }

        @Test
        void rollsBackWhenTheRowIsAbsentAndTheMessageIsAsOldAsTheGracePeriod() {
            TradeEventDraft draft = draft();

            assertThat(listener.checkLocalTransaction(halfMessage(draft, GRACE))).isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
            assertThat(listener.checkLocalTransaction(halfMessage(draft, GRACE.multipliedBy(10)))).isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
        }

        @Test
        void asksAgainWhenTheDatabaseDoesNotAnswerEvenForAnOldMessage() {
            TradeEventDraft draft = draft();
            committedRowOf(draft);
            database.failLookups();

            assertThat(listener.checkLocalTransaction(halfMessage(draft, GRACE.multipliedBy(10)))).isEqualTo(LocalTransactionState.UNKNOW);
        }

        @Test
        void treatsAMessageWithoutAnEventIdLikeAnAbsentRow() {
            MessageExt young = new MessageExt();
            young.setBornTimestamp(NOW.toEpochMilli());
            MessageExt old = new MessageExt();
            old.setBornTimestamp(NOW.minus(GRACE).toEpochMilli());

            assertThat(listener.checkLocalTransaction(young)).isEqualTo(LocalTransactionState.UNKNOW);
            assertThat(listener.checkLocalTransaction(old)).isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
        }
    }

    @Nested
    class LocalTransaction {

        @Test
        void commitsTheWorkAndTheEventRowTogetherAndAnswersCommit() {
            TradeEventDraft draft = draft();
            PendingTradeEvent<String> pending = new PendingTradeEvent<>(draft, () -> "trade created");

            LocalTransactionState answer = listener.executeLocalTransaction(new Message(), pending);

            assertThat(answer).isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
            assertThat(database.hasRow(draft.eventId())).isTrue();
            assertThat(pending.outcome()).isEqualTo("trade created");
        }

        @Test
        void rollsBackTheEventRowWhenTheWorkFailsAndHandsTheCallerTheSameException() {
            TradeEventDraft draft = draft();
            BizException duplicate = new BizException(ErrorCode.OUT_TRADE_NO_USED, "out_trade_no used with other content");
            PendingTradeEvent<String> pending = new PendingTradeEvent<>(draft, () -> {
                throw duplicate;
            });

            LocalTransactionState answer = listener.executeLocalTransaction(new Message(), pending);

            assertThat(answer).isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
            assertThat(database.hasRow(draft.eventId())).isFalse();
            assertThatThrownBy(pending::outcome).isSameAs(duplicate);
        }

        @Test
        void rollsBackWhenTheEventRowItselfCannotBeInserted() {
            TradeEventDraft draft = draft();
            committedRowOf(draft);
            PendingTradeEvent<String> pending = new PendingTradeEvent<>(draft, () -> "work");

            assertThat(listener.executeLocalTransaction(new Message(), pending)).isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
            assertThatThrownBy(pending::outcome).isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        }

        @Test
        void answersUnknownWhenTheCommitItselfFailsBecauseTheRowMayHaveCommitted() {
            TradeEventDraft draft = draft();
            database.failNextCommit();
            PendingTradeEvent<String> pending = new PendingTradeEvent<>(draft, () -> "work");

            assertThat(listener.executeLocalTransaction(new Message(), pending)).isEqualTo(LocalTransactionState.UNKNOW);
            assertThatThrownBy(pending::outcome).isInstanceOf(TransactionSystemException.class);
        }

        @Test
        void theFaultHookRunsAfterTheLocalCommitAndNotAfterARollback() {
            TradeEventDraft committed = draft();
            AtomicBoolean rowVisibleToHook = new AtomicBoolean();
            AtomicBoolean hookRan = new AtomicBoolean();
            afterLocalCommit.set(() -> {
                hookRan.set(true);
                rowVisibleToHook.set(database.hasRow(committed.eventId()));
            });

            listener.executeLocalTransaction(new Message(), new PendingTradeEvent<>(committed, () -> "ok"));
            assertThat(hookRan).isTrue();
            assertThat(rowVisibleToHook).isTrue();

            hookRan.set(false);
            listener.executeLocalTransaction(new Message(), new PendingTradeEvent<>(draft(), () -> {
                throw new IllegalStateException("boom");
            }));
            assertThat(hookRan).isFalse();
        }

        @Test
        void aFailureInjectedBeforeTheCommitRollsBackTheWorkAndTheRowAndAnswersRollback() {
            TradeEventDraft draft = draft();
            beforeLocalCommit.set(FaultHooks.of(new TradeEventsProperties.Chaos(false, true)).beforeLocalCommit());
            AtomicBoolean ran = new AtomicBoolean();
            PendingTradeEvent<String> pending = new PendingTradeEvent<>(draft, () -> {
                ran.set(true);
                return "work";
            });

            assertThat(listener.executeLocalTransaction(new Message(), pending)).isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
            assertThat(ran).isTrue();
            assertThat(database.hasRow(draft.eventId())).isFalse();
            assertThatThrownBy(pending::outcome).isInstanceOf(FaultHooks.InjectedFault.class);
        }

        @Test
        void withoutChaosConfigurationNoFaultHookDoesAnything() {
            FaultHooks hooks = FaultHooks.of(TradeEventsProperties.defaults().chaos());

            hooks.beforeLocalCommit().run();
            hooks.afterLocalCommit().run(); // would halt this JVM if it were on
        }

        @Test
        void aCallWhoseHalfMessageTheBrokerRefusedRanNothingAndSaysSo() {
            AtomicBoolean ran = new AtomicBoolean();
            PendingTradeEvent<String> pending = new PendingTradeEvent<>(draft(), () -> {
                ran.set(true);
                return "work";
            });

            assertThatThrownBy(pending::outcome).isInstanceOf(TradeEventsUnavailableException.class);
            assertThat(ran).isFalse();
        }
    }
}
