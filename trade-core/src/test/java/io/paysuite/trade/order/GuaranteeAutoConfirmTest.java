package io.paysuite.trade.order;

import io.paysuite.trade.MovableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.paysuite.api.common.Result;
import io.paysuite.api.event.EventType;
import io.paysuite.api.ids.OrderNo;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.ledger.ReleasePostingCmd;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.trade.BeginPayCmd;
import io.paysuite.api.trade.ConfirmTradeCmd;
import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.trade.expiry.GuaranteeAutoConfirm;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** A paid guarantee trade nobody confirms is confirmed by the platform after the configured period, refunds first. */
class GuaranteeAutoConfirmTest {

    static final Instant PAID = Instant.parse("2026-11-22T10:00:00Z");

    record Timer(String tradeNo, Instant at) {
    }

    final MovableClock clock = new MovableClock(PAID);
    final InMemoryTrades store = new InMemoryTrades();
    final List<RecordedTradeEvent> committed = new ArrayList<>();
    final TradeEvents events = new TradeEvents() {
        @Override
        public <T> T publishWith(TradeEventDraft draft, Supplier<T> localWork) {
            T result = localWork.get();
            committed.add(new RecordedTradeEvent(draft.eventId(), draft.eventType(), draft.payload(), clock.instant()));
            return result;
        }
    };
    final OrderNo orderNo = new OrderNo(Clock.fixed(PAID, ZoneOffset.UTC), 3);
    final TradeProperties props = new TradeProperties(Duration.ofMinutes(30), Duration.ofDays(15), false);
    final TradeCreator creator = new TradeCreator(store, store, events, orderNo, clock, props);
    final TradeFinder finder = new TradeFinder(store, store);
    final TradeChanges changes = new TradeChanges(events, orderNo);
    final TradePayments payments = new TradePayments(store, finder, new TradeCloser(finder, store, changes, clock), changes, clock);
    final LedgerService ledger = mock(LedgerService.class);
    final TradeConfirmer confirmer = new TradeConfirmer(finder, store, changes, new TradeLedger(ledger), clock);
    final List<Timer> timers = new ArrayList<>();
    final TradeEventLog log = tradeNo -> committed.stream().filter(e -> e.payload().contains(tradeNo)).toList();
    final GuaranteeAutoConfirm autoConfirm = new GuaranteeAutoConfirm((tradeNo, at) -> timers.add(new Timer(tradeNo, at)),
            confirmer, finder, log, Duration.ofDays(10), Duration.ofMinutes(1), clock);

    private TradeDTO paid(TradeType type, String outTradeNo, String payOrderNo) {
        when(ledger.postRelease(any())).thenReturn(Result.ok(null));
        TradeDTO trade = creator.create(new CreateTradeCmd("M100001", outTradeNo, type, Money.cny(1000), "Camera", "10000000007",
                "https://merchant.example/notify", null, null, null));
        payments.beginPay(new BeginPayCmd(trade.tradeNo(), payOrderNo, "10000000007"));
        payments.recordPaid(trade.tradeNo(), payOrderNo, Money.cny(1000), "10000000007", PayMethod.BALANCE, null, PAID);
        return finder.get(TradeByNoQry.internal(trade.tradeNo()));
    }

    private TradeStatus status(TradeDTO trade) {
        return finder.get(TradeByNoQry.internal(trade.tradeNo())).status();
    }

    private void refundEvent(EventType<?> type, TradeDTO trade) {
        committed.add(new RecordedTradeEvent("E" + committed.size(), type.tag(),
                "{\"refund_no\":\"R1\",\"trade_no\":\"" + trade.tradeNo() + "\"}", clock.instant()));
    }

    @Test
    void aPaidGuaranteeTradeSetsItsTimerAtThePaymentPlusTheConfiguredPeriod() {
        TradeDTO trade = paid(TradeType.GUARANTEE, "ORDER-G1", "P2026112210000003000010001");

        autoConfirm.paid(trade);

        assertThat(timers).containsExactly(new Timer(trade.tradeNo(), PAID.plus(Duration.ofDays(10))));
    }

    @Test
    void anInstantTradeHasNothingToConfirm() {
        autoConfirm.paid(paid(TradeType.INSTANT, "ORDER-G2", "P2026112210000003000010002"));

        assertThat(timers).isEmpty();
    }

    @Test
    void anUnconfirmedTradeIsConfirmedWhenDueReleasingThePaymentAndTellingTheMerchant() {
        TradeDTO trade = paid(TradeType.GUARANTEE, "ORDER-G3", "P2026112210000003000010003");
        clock.set(PAID.plus(Duration.ofDays(10)));

        autoConfirm.due(trade.tradeNo());

        assertThat(status(trade)).isEqualTo(TradeStatus.FINISHED);
        assertThat(committed.get(committed.size() - 1).eventType()).isEqualTo(EventType.TRADE_FINISHED.tag());
        ArgumentCaptor<ReleasePostingCmd> release = ArgumentCaptor.forClass(ReleasePostingCmd.class);
        verify(ledger).postRelease(release.capture());
        assertThat(release.getValue().amount()).isEqualTo(Money.cny(1000));
    }

    @Test
    void aTimerThatFiresBeforeThePeriodSetsTheNextHopAndConfirmsNothing() {
        TradeDTO trade = paid(TradeType.GUARANTEE, "ORDER-G4", "P2026112210000003000010004");
        clock.set(PAID.plus(Duration.ofDays(2)));

        autoConfirm.due(trade.tradeNo());

        assertThat(status(trade)).isEqualTo(TradeStatus.SUCCESS);
        assertThat(timers).containsExactly(new Timer(trade.tradeNo(), PAID.plus(Duration.ofDays(10))));
    }

    @Test
    void aTradeTheMerchantConfirmedIsLeftAlone() {
        TradeDTO trade = paid(TradeType.GUARANTEE, "ORDER-G5", "P2026112210000003000010005");
        confirmer.confirm(new ConfirmTradeCmd(trade.tradeNo(), "M100001"));
        int before = committed.size();
        clock.set(PAID.plus(Duration.ofDays(10)));

        autoConfirm.due(trade.tradeNo());

        assertThat(committed).hasSize(before);
        assertThat(timers).isEmpty();
    }

    @Test
    void aRefundInProgressIsHonouredFirstAndTheReleaseWaitsForItsOutcome() {
        TradeDTO trade = paid(TradeType.GUARANTEE, "ORDER-G6", "P2026112210000003000010006");
        refundEvent(EventType.REFUND_ACCEPTED, trade);
        clock.set(PAID.plus(Duration.ofDays(10)));

        autoConfirm.due(trade.tradeNo());

        assertThat(status(trade)).isEqualTo(TradeStatus.SUCCESS);
        assertThat(timers).containsExactly(new Timer(trade.tradeNo(), clock.instant().plus(Duration.ofMinutes(1))));
        verify(ledger, never()).postRelease(any());

        refundEvent(EventType.REFUND_SUCCEEDED, trade);
        clock.set(clock.instant().plus(Duration.ofMinutes(1)));
        autoConfirm.due(trade.tradeNo());

        assertThat(status(trade)).isEqualTo(TradeStatus.FINISHED);
    }
}
