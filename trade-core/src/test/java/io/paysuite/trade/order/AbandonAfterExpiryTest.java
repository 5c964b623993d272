package io.paysuite.trade.order;

import io.paysuite.trade.MovableClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.ids.OrderNo;
import io.paysuite.api.trade.AbandonPayCmd;
import io.paysuite.api.trade.BeginPayCmd;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A trade given back after its expiry is closed at once (its expiry timer found it PAYING and did nothing).
 * If trade-core dies between giving it back and closing it, the repeated abandonPay — the pay check's, or
 * the janitor's — must still close it: the trade is no longer held, but it waits for a payment nobody
 * makes, and a till must never be left with one.
 */
class AbandonAfterExpiryTest {

    static final Instant CREATED = Instant.parse("2026-12-06T10:00:00Z");
    static final String PAY_ORDER = "P2026120610000003000010001";

    final MovableClock clock = new MovableClock(CREATED);
    final InMemoryTrades store = new InMemoryTrades();
    final TradeEvents events = new TradeEvents() {
        @Override
        public <T> T publishWith(TradeEventDraft draft, Supplier<T> localWork) {
            return localWork.get();
        }
    };
    final OrderNo orderNo = new OrderNo(clock, 3);
    final TradeCreator creator = new TradeCreator(store, store, events, orderNo, clock,
            new TradeProperties(Duration.ofMinutes(30), Duration.ofDays(15), false));
    final TradeFinder finder = new TradeFinder(store, store);
    final TradeChanges changes = new TradeChanges(events, orderNo);
    final TradePayments payments = new TradePayments(store, finder, new TradeCloser(finder, store, changes, clock), changes, clock);

    @Test
    void aRepeatedAbandonOfAnExpiredTradeAlreadyGivenBackClosesIt() {
        TradeDTO trade = creator.create(TradeCreatorTest.withMethods(TradeCreatorTest.cmd("ORDER-EXP-1", null, 1000), List.of()));
        payments.beginPay(new BeginPayCmd(trade.tradeNo(), PAY_ORDER, "10000000007"));
        // given back before its expiry (as the crash left it: the close after the give-back never ran)
        payments.abandonPay(new AbandonPayCmd(trade.tradeNo(), PAY_ORDER, "CHANNEL_DECLINED"));
        assertThat(statusOf(trade)).isEqualTo(TradeStatus.WAIT_PAY);

        clock.set(trade.timeExpire().plusSeconds(1));
        TradeDTO answered = payments.abandonPay(new AbandonPayCmd(trade.tradeNo(), PAY_ORDER, "pay order failed"));

        assertThat(answered.status()).isEqualTo(TradeStatus.CLOSED);
        assertThat(statusOf(trade)).isEqualTo(TradeStatus.CLOSED);
    }

    @Test
    void aRepeatedAbandonBeforeTheExpiryLeavesTheTradeWaitingForAnotherPayment() {
        TradeDTO trade = creator.create(TradeCreatorTest.withMethods(TradeCreatorTest.cmd("ORDER-EXP-2", null, 1000), List.of()));
        payments.beginPay(new BeginPayCmd(trade.tradeNo(), PAY_ORDER, "10000000007"));
        payments.abandonPay(new AbandonPayCmd(trade.tradeNo(), PAY_ORDER, "CHANNEL_DECLINED"));

        TradeDTO answered = payments.abandonPay(new AbandonPayCmd(trade.tradeNo(), PAY_ORDER, "pay order failed"));

        assertThat(answered.status()).isEqualTo(TradeStatus.WAIT_PAY);
    }

    private TradeStatus statusOf(TradeDTO trade) {
        return finder.get(TradeByNoQry.internal(trade.tradeNo())).status();
    }
}
