package io.paysuite.trade.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.event.EventType;
import io.paysuite.api.ids.OrderNo;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SettledTradesTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    static final Duration LONG = Duration.ofHours(1);

    final InMemoryTrades store = new InMemoryTrades();
    final TradeEvents events = new TradeEvents() {
        @Override
        public <T> T publishWith(TradeEventDraft draft, Supplier<T> localWork) {
            return localWork.get();
        }
    };
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final OrderNo orderNo = new OrderNo(clock, 3);
    final TradeCreator creator = new TradeCreator(store, store, events, orderNo, clock,
            new TradeProperties(Duration.ofMinutes(30), Duration.ofDays(15), false));
    final TradeFinder finder = new TradeFinder(store, store);
    SettledTrades settled;

    @AfterEach
    void stop() {
        if (settled != null) {
            settled.close();
        }
    }

    private SettledTrades waiting(Duration recheck, Duration longest, int capacity) {
        settled = new SettledTrades(finder, new SettleWaitProperties(recheck, longest, capacity));
        return settled;
    }

    private String payingTrade(String outTradeNo) {
        TradeDTO trade = creator.create(TradeCreatorTest.cmd(outTradeNo, "10000000007", 500));
        store.transition(trade.tradeNo(), TradeStatus.WAIT_PAY, TradeStatus.PAYING, NOW);
        return trade.tradeNo();
    }

    private static TradeDTO answer(CompletableFuture<TradeDTO> future) throws Exception {
        return future.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aTradeNoLongerPayingIsAnsweredAtOnceWithoutAWait() throws Exception {
        SettledTrades settled = waiting(LONG, LONG, 10);
        TradeDTO trade = creator.create(TradeCreatorTest.cmd("ORDER-S1", "10000000007", 500));

        CompletableFuture<TradeDTO> future = settled.settled(TradeByNoQry.internal(trade.tradeNo()), Duration.ofSeconds(3));

        assertThat(future).isDone();
        assertThat(answer(future).status()).isEqualTo(TradeStatus.WAIT_PAY);
        assertThat(settled.held()).isZero();
    }

    @Test
    void aWaiterIsAnsweredAsSoonAsTheChangeOnThisInstanceCommits() throws Exception {
        SettledTrades settled = waiting(LONG, LONG, 10);
        TradeChanges changes = new TradeChanges(events, orderNo, settled);
        String tradeNo = payingTrade("ORDER-S2");

        CompletableFuture<TradeDTO> future = settled.settled(TradeByNoQry.internal(tradeNo), LONG);
        assertThat(future).isNotDone();
        // a payload that still says PAYING (not what a real change publishes) is read back instead
        changes.commit(tradeNo, EventType.TRADE_SUCCEEDED, finder.get(TradeByNoQry.internal(tradeNo)),
                () -> store.transition(tradeNo, TradeStatus.PAYING, TradeStatus.SUCCESS, NOW));

        assertThat(answer(future).status()).isEqualTo(TradeStatus.SUCCESS);
        assertThat(settled.held()).isZero();
    }

    @Test
    void aWaiterTakesTheTradeTheChangeCommittedWithoutReadingItBack() throws Exception {
        SettledTrades settled = waiting(LONG, LONG, 10);
        TradeChanges changes = new TradeChanges(events, orderNo, settled);
        String tradeNo = payingTrade("ORDER-S2B");
        CompletableFuture<TradeDTO> future = settled.settled(TradeByNoQry.internal(tradeNo), LONG);
        assertThat(future).isNotDone();
        TradeDTO paying = finder.get(TradeByNoQry.internal(tradeNo));
        int readsBefore = store.tradeReads;

        TradeDTO succeeded = withStatus(paying, TradeStatus.SUCCESS);
        changes.commit(tradeNo, EventType.TRADE_SUCCEEDED, succeeded,
                () -> store.transition(tradeNo, TradeStatus.PAYING, TradeStatus.SUCCESS, NOW));

        assertThat(answer(future)).isEqualTo(succeeded);
        assertThat(store.tradeReads).as("reads after the commit").isEqualTo(readsBefore);
    }

    static TradeDTO withStatus(TradeDTO t, TradeStatus status) {
        return new TradeDTO(t.tradeNo(), t.merchantId(), t.outTradeNo(), t.tradeType(), status, t.amount(), t.paidAmount(),
                t.refundedAmount(), t.subject(), t.buyerId(), t.attach(), t.notifyUrl(), t.returnUrl(), t.timeExpire(),
                t.createdAt(), t.paidAt(), t.closedAt(), t.paymentMethods(), t.payments(), t.payerId());
    }

    @Test
    void aWaiterAnsweredByNothingGetsTheTradeStillPayingAfterItsPatience() throws Exception {
        SettledTrades settled = waiting(LONG, LONG, 10);
        String tradeNo = payingTrade("ORDER-S3");

        CompletableFuture<TradeDTO> future = settled.settled(TradeByNoQry.internal(tradeNo), Duration.ofMillis(50));

        assertThat(answer(future).status()).isEqualTo(TradeStatus.PAYING);
        assertThat(settled.held()).isZero();
    }

    @Test
    void aChangeAnotherInstanceAppliedIsFoundByTheNextRecheck() throws Exception {
        SettledTrades settled = waiting(Duration.ofMillis(10), LONG, 10);
        String tradeNo = payingTrade("ORDER-S4");

        CompletableFuture<TradeDTO> future = settled.settled(TradeByNoQry.internal(tradeNo), LONG);
        store.transition(tradeNo, TradeStatus.PAYING, TradeStatus.SUCCESS, NOW); // no signal: another instance did it

        assertThat(answer(future).status()).isEqualTo(TradeStatus.SUCCESS);
    }

    @Test
    void noWaitIsLongerThanTheLongestWhateverTheCallerAsks() throws Exception {
        SettledTrades settled = waiting(LONG, Duration.ofMillis(50), 10);
        String tradeNo = payingTrade("ORDER-S5");

        CompletableFuture<TradeDTO> future = settled.settled(TradeByNoQry.internal(tradeNo), LONG);

        assertThat(answer(future).status()).isEqualTo(TradeStatus.PAYING);
    }

    @Test
    void beyondItsCapacityACallerIsAnsweredTheTradeAsItStands() throws Exception {
        SettledTrades settled = waiting(LONG, LONG, 1);
        String tradeNo = payingTrade("ORDER-S6");

        CompletableFuture<TradeDTO> first = settled.settled(TradeByNoQry.internal(tradeNo), LONG);
        CompletableFuture<TradeDTO> second = settled.settled(TradeByNoQry.internal(tradeNo), LONG);

        assertThat(first).isNotDone();
        assertThat(second).isDone();
        assertThat(answer(second).status()).isEqualTo(TradeStatus.PAYING);
        assertThat(settled.held()).isEqualTo(1);
    }

    @Test
    void anUnknownTradeIsRefusedAtOnceAndHoldsNoWait() {
        SettledTrades settled = waiting(LONG, LONG, 10);

        assertThatThrownBy(() -> settled.settled(TradeByNoQry.internal("T0000000000000000000000000000"), LONG))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TRADE_NOT_FOUND));
        assertThat(settled.held()).isZero();
    }

    @Test
    void anotherMerchantsTradeIsNotFoundEvenWhileWaiting() {
        SettledTrades settled = waiting(LONG, LONG, 10);
        String tradeNo = payingTrade("ORDER-S7");

        assertThatThrownBy(() -> settled.settled(new TradeByNoQry(tradeNo, "M-OTHER"), LONG))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TRADE_NOT_FOUND));
        assertThat(settled.held()).isZero();
    }
}
