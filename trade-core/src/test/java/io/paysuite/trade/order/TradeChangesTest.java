package io.paysuite.trade.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.event.EventType;
import io.paysuite.api.event.TradeFinished;
import io.paysuite.api.event.TradePayAbandoned;
import io.paysuite.api.event.TradePaying;
import io.paysuite.api.ids.OrderNo;
import io.paysuite.api.ids.ShardGene;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.kit.sharding.ShardReads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class TradeChangesTest {

    final List<String> sent = new ArrayList<>();
    final List<String> recorded = new ArrayList<>();
    final TradeEvents events = new TradeEvents() {
        @Override
        public <T> T publishWith(TradeEventDraft draft, Supplier<T> localWork) {
            sent.add(draft.eventType());
            return localWork.get();
        }

        @Override
        public <T> T recordWith(TradeEventDraft draft, Supplier<T> localWork) {
            recorded.add(draft.eventType());
            return localWork.get();
        }
    };
    final TradeChanges changes = new TradeChanges(events, new OrderNo(Clock.fixed(Instant.parse("2026-12-07T00:00:00Z"), ZoneOffset.UTC), 3));
    final String tradeNo = new OrderNo(Clock.systemUTC(), 3).next(OrderNo.Kind.TRADE, ShardGene.ofUserId("B1"));

    @Test
    void eventsNoServiceSubscribesToAreRecordedWithTheirChangeButNotSentThroughTheBroker() {
        String answer = changes.commit(tradeNo, EventType.TRADE_PAYING, new TradePaying(tradeNo, "P1", "B1"), () -> "taken");
        changes.commit(tradeNo, EventType.TRADE_PAY_ABANDONED, new TradePayAbandoned(tradeNo, "P1", "FAILED"), () -> null);

        assertThat(answer).isEqualTo("taken");
        assertThat(recorded).containsExactly("TRADE_PAYING", "TRADE_PAY_ABANDONED");
        assertThat(sent).isEmpty();
    }

    @Test
    void eventsWithSubscribersStillGoThroughTheTransactionalMessage() {
        changes.commit(tradeNo, EventType.TRADE_FINISHED, new TradeFinished(tradeNo, "M1", 994, "CNY"), () -> null);

        assertThat(sent).containsExactly("TRADE_FINISHED");
        assertThat(recorded).isEmpty();
    }

    @Test
    void withoutACheaperWayATrailOnlyEventIsPublishedLikeAnyOther() {
        List<String> published = new ArrayList<>();
        TradeEvents plain = new TradeEvents() {
            @Override
            public <T> T publishWith(TradeEventDraft draft, Supplier<T> localWork) {
                published.add(draft.eventType());
                return localWork.get();
            }
        };

        new TradeChanges(plain, new OrderNo(Clock.systemUTC(), 3)).commit(tradeNo, EventType.TRADE_PAYING,
                new TradePaying(tradeNo, "P1", "B1"), () -> null);

        assertThat(published).containsExactly("TRADE_PAYING");
    }

    @Test
    void aCommittedChangeToAFinalTradeIsRememberedAndOneWhoseCompareAndSetMissedIsNot() {
        RecentlyFinalTrades recentlyFinal = new RecentlyFinalTrades(10, Duration.ofSeconds(20), Clock.systemUTC());
        OrderNo numbers = new OrderNo(Clock.systemUTC(), 3);
        TradeChanges told = new TradeChanges(events, numbers, null, recentlyFinal);
        String paid = numbers.next(OrderNo.Kind.TRADE, ShardGene.ofUserId("B1"));
        String missed = numbers.next(OrderNo.Kind.TRADE, ShardGene.ofUserId("B1"));

        told.commit(paid, EventType.TRADE_SUCCEEDED, RecentlyFinalTradesTest.trade(paid, TradeStatus.SUCCESS), () -> null);
        assertThatThrownBy(() -> told.commit(missed, EventType.TRADE_SUCCEEDED, RecentlyFinalTradesTest.trade(missed,
                TradeStatus.SUCCESS), () -> {
                    throw new TradeChanges.StateMoved("not PAYING");
                })).isInstanceOf(TradeChanges.StateMoved.class);

        assertThat(recentlyFinal.seenFinal(paid)).isTrue();
        assertThat(recentlyFinal.seenFinal(missed)).isFalse();
    }

    @Test
    void everyChangeRunsWithItsEventPinnedToItsTradesShardAndOnlyThere() {
        List<String> calls = new ArrayList<>();
        ShardReads shards = new ShardReads() {
            @Override
            public <T> T byOrderNo(String logicTable, String orderNo, Supplier<T> statement) {
                throw new AssertionError("a change is one transaction, not one statement");
            }

            @Override
            public <T> T onShardOf(String orderNo, Supplier<T> transaction) {
                calls.add("pin " + orderNo);
                try {
                    return transaction.get();
                } finally {
                    calls.add("unpin");
                }
            }
        };
        TradeEvents port = new TradeEvents() {
            @Override
            public <T> T publishWith(TradeEventDraft draft, Supplier<T> localWork) {
                calls.add("publish " + draft.eventType() + " of " + draft.tradeNo());
                return localWork.get();
            }

            @Override
            public <T> T recordWith(TradeEventDraft draft, Supplier<T> localWork) {
                calls.add("record " + draft.eventType() + " of " + draft.tradeNo());
                return localWork.get();
            }
        };
        TradeChanges pinned = new TradeChanges(port, new OrderNo(Clock.systemUTC(), 3), null, null, shards);

        pinned.commit(tradeNo, EventType.TRADE_PAYING, new TradePaying(tradeNo, "P1", "B1"), () -> calls.add("change"));
        assertThatThrownBy(() -> pinned.commit(tradeNo, EventType.TRADE_FINISHED, new TradeFinished(tradeNo, "M1", 994, "CNY"),
                () -> {
                    throw new TradeChanges.StateMoved("not SUCCESS");
                })).isInstanceOf(TradeChanges.StateMoved.class);

        assertThat(calls).containsExactly(
                "pin " + tradeNo, "record TRADE_PAYING of " + tradeNo, "change", "unpin",
                "pin " + tradeNo, "publish TRADE_FINISHED of " + tradeNo, "unpin");
    }
}
