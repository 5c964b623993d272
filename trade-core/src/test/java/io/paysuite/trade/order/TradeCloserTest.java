package io.paysuite.trade.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ids.OrderNo;
import io.paysuite.api.trade.CloseTradeCmd;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class TradeCloserTest {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    final InMemoryTrades store = new InMemoryTrades();
    final List<TradeEventDraft> published = new ArrayList<>();
    final TradeEvents events = new TradeEvents() {
        @Override
        public <T> T publishWith(TradeEventDraft draft, Supplier<T> localWork) {
            T result = localWork.get();
            published.add(draft);
            return result;
        }
    };
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final OrderNo orderNo = new OrderNo(clock, 3);
    final TradeCreator creator = new TradeCreator(store, store, events, orderNo, clock,
            new TradeProperties(Duration.ofMinutes(30), Duration.ofDays(15), false));
    final TradeFinder finder = new TradeFinder(store, store);
    final TradeCloser closer = new TradeCloser(finder, store, new TradeChanges(events, orderNo), clock);

    @Test
    void closingAnUnpaidTradeClosesItOnceAndPublishesOneEvent() {
        TradeDTO trade = creator.create(TradeCreatorTest.cmd("ORDER-C1", "10000000007", 500));

        TradeDTO closed = closer.close(new CloseTradeCmd(trade.tradeNo(), trade.merchantId()));
        TradeDTO again = closer.close(new CloseTradeCmd(trade.tradeNo(), trade.merchantId()));

        assertThat(closed.status()).isEqualTo(TradeStatus.CLOSED);
        assertThat(closed.closedAt()).isEqualTo(NOW);
        assertThat(again).isEqualTo(closed);
        assertThat(published).extracting(TradeEventDraft::eventType).containsExactly("TRADE_CREATED", "TRADE_CLOSED");
    }

    @Test
    void anotherMerchantsTradeIsNotFoundAndStaysOpen() {
        TradeDTO trade = creator.create(TradeCreatorTest.cmd("ORDER-C2", "10000000007", 500));

        assertThatThrownBy(() -> closer.close(new CloseTradeCmd(trade.tradeNo(), "M-OTHER")))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TRADE_NOT_FOUND));
        assertThat(finder.get(io.paysuite.api.trade.TradeByNoQry.internal(trade.tradeNo())).status()).isEqualTo(TradeStatus.WAIT_PAY);
    }

    @Test
    void aTradeBeingPaidCannotBeClosed() {
        TradeDTO trade = creator.create(TradeCreatorTest.cmd("ORDER-C3", "10000000007", 500));
        store.transition(trade.tradeNo(), TradeStatus.WAIT_PAY, TradeStatus.PAYING, NOW);

        assertThatThrownBy(() -> closer.close(new CloseTradeCmd(trade.tradeNo(), trade.merchantId())))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TRADE_PAYING));
        assertThat(published).extracting(TradeEventDraft::eventType).containsExactly("TRADE_CREATED");
    }
}
