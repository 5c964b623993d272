package io.paysuite.trade.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.paysuite.api.channel.AuthorisationEndDTO;
import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.channel.EndAuthorisationCmd;
import io.paysuite.api.common.Outcome;
import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ids.OrderNo;
import io.paysuite.api.ledger.HoldSettlementCmd;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.trade.CaptureTradeCmd;
import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.api.trade.VoidTradeCmd;
import io.paysuite.trade.preauth.PreAuthorisations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * A pre-authorisation: its payment authorises it (nothing notified), the merchant captures it once
 * (partial: the rest released) or voids it, the expiry voids it; every other attempt is refused with
 * its stable code and changes nothing.
 */
class PreAuthorisationsTest {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final String MERCHANT = "M100001";

    final InMemoryTrades store = new InMemoryTrades();
    final List<TradeEventDraft> published = Collections.synchronizedList(new ArrayList<>());
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
    final TradeChanges changes = new TradeChanges(events, orderNo);
    final TradeCreator creator = new TradeCreator(store, store, events, orderNo, clock,
            new TradeProperties(Duration.ofMinutes(30), Duration.ofDays(15), false));
    final TradeFinder finder = new TradeFinder(store, store);
    final TradePayments payments = new TradePayments(store, finder, new TradeCloser(finder, store, changes, clock), changes, clock);
    final LedgerService ledger = mock(LedgerService.class);
    final PreAuthorisations preAuth = new PreAuthorisations(finder, store, changes, new TradeLedger(ledger), clock);
    final ChannelService channels = mock(ChannelService.class);
    final PreAuthorisations cardPreAuth = new PreAuthorisations(finder, store, changes, new TradeLedger(ledger), clock, channels);

    PreAuthorisationsTest() {
        when(ledger.postHoldSettlement(any())).thenReturn(Result.ok(null));
    }

    @Test
    void aPaidPreAuthorisationIsAuthorisedAndNoMerchantIsToldItIsPaid() {
        TradeDTO trade = authorised("PREAUTH-1", 1000);

        assertThat(trade.status()).isEqualTo(TradeStatus.AUTHORIZED);
        assertThat(trade.paidAmount()).isEqualTo(Money.cny(1000));
        assertThat(eventTypes()).containsExactly("TRADE_CREATED", "TRADE_PAYING", "TRADE_AUTHORIZED");
    }

    @Test
    void aPartialCaptureEndsTheAuthorisationOnceAndPostsTheCapturedPart() {
        TradeDTO trade = authorised("PREAUTH-2", 1000);

        TradeDTO captured = preAuth.capture(new CaptureTradeCmd(trade.tradeNo(), MERCHANT, Money.cny(600)));

        assertThat(captured.status()).isEqualTo(TradeStatus.CAPTURED);
        assertThat(captured.paidAmount()).isEqualTo(Money.cny(600));
        assertThat(captured.amount()).as("the authorised amount").isEqualTo(Money.cny(1000));
        ArgumentCaptor<HoldSettlementCmd> posting = ArgumentCaptor.forClass(HoldSettlementCmd.class);
        verify(ledger).postHoldSettlement(posting.capture());
        assertThat(posting.getValue()).isEqualTo(new HoldSettlementCmd("CAPTURE-" + trade.tradeNo(), trade.tradeNo(), MERCHANT,
                "10000000007", Money.cny(600)));
        assertThat(preAuth.capture(new CaptureTradeCmd(trade.tradeNo(), MERCHANT, Money.cny(600)))).as("the same capture again")
                .isEqualTo(captured);
        assertRefused(() -> preAuth.capture(new CaptureTradeCmd(trade.tradeNo(), MERCHANT, Money.cny(400))), ErrorCode.TRADE_CAPTURED);
        assertRefused(() -> preAuth.voidAuthorisation(new VoidTradeCmd(trade.tradeNo(), MERCHANT)), ErrorCode.TRADE_CAPTURED);
        assertThat(eventTypes()).containsOnlyOnce("TRADE_CAPTURED").doesNotContain("TRADE_VOIDED");
    }

    @Test
    void aVoidReleasesEverythingAndACaptureAfterItIsRefused() {
        TradeDTO trade = authorised("PREAUTH-3", 1000);

        TradeDTO voided = preAuth.voidAuthorisation(new VoidTradeCmd(trade.tradeNo(), MERCHANT));

        assertThat(voided.status()).isEqualTo(TradeStatus.VOIDED);
        ArgumentCaptor<HoldSettlementCmd> posting = ArgumentCaptor.forClass(HoldSettlementCmd.class);
        verify(ledger).postHoldSettlement(posting.capture());
        assertThat(posting.getValue().postingKey()).isEqualTo("VOID-" + trade.tradeNo());
        assertThat(posting.getValue().capture()).isEqualTo(Money.cny(0));
        assertRefused(() -> preAuth.capture(new CaptureTradeCmd(trade.tradeNo(), MERCHANT, Money.cny(100))), ErrorCode.TRADE_VOIDED);
        assertThat(preAuth.voidAuthorisation(new VoidTradeCmd(trade.tradeNo(), MERCHANT)).status()).isEqualTo(TradeStatus.VOIDED);
        assertThat(eventTypes()).containsOnlyOnce("TRADE_VOIDED");
    }

    @Test
    void anOverCaptureATradeNotAuthorisedAndAnInstantTradeAreRefusedAndChangeNothing() {
        TradeDTO authorised = authorised("PREAUTH-4", 1000);
        TradeDTO waiting = creator.create(cmd("PREAUTH-5", 1000, TradeType.PREAUTH));
        TradeDTO instant = creator.create(cmd("PREAUTH-6", 1000, TradeType.INSTANT));

        assertRefused(() -> preAuth.capture(new CaptureTradeCmd(authorised.tradeNo(), MERCHANT, Money.cny(1001))),
                ErrorCode.CAPTURE_AMOUNT_EXCEEDED);
        assertRefused(() -> preAuth.capture(new CaptureTradeCmd(waiting.tradeNo(), MERCHANT, Money.cny(100))),
                ErrorCode.TRADE_NOT_AUTHORIZED);
        assertRefused(() -> preAuth.capture(new CaptureTradeCmd(instant.tradeNo(), MERCHANT, Money.cny(100))),
                ErrorCode.TRADE_NOT_AUTHORIZED);
        assertRefused(() -> preAuth.voidAuthorisation(new VoidTradeCmd(waiting.tradeNo(), MERCHANT)), ErrorCode.TRADE_NOT_AUTHORIZED);
        assertRefused(() -> preAuth.capture(new CaptureTradeCmd(authorised.tradeNo(), "M-OTHER", Money.cny(100))),
                ErrorCode.TRADE_NOT_FOUND);
        assertThat(status(authorised)).isEqualTo(TradeStatus.AUTHORIZED);
        assertThat(status(waiting)).isEqualTo(TradeStatus.WAIT_PAY);
    }

    @Test
    void anAuthorisationStillOpenAtItsExpiryIsVoidedAndOneNotExpiredIsLeftAlone() {
        TradeDTO trade = authorised("PREAUTH-7", 1000);
        PreAuthorisations later = new PreAuthorisations(finder, store, changes, new TradeLedger(ledger),
                Clock.fixed(trade.timeExpire().plusSeconds(1), ZoneOffset.UTC));

        assertThat(preAuth.voidIfExpired(trade.tradeNo())).isFalse();
        assertThat(later.voidIfExpired(trade.tradeNo())).isTrue();
        assertThat(status(trade)).isEqualTo(TradeStatus.VOIDED);
        assertThat(later.voidIfExpired(trade.tradeNo())).as("a repeated timer").isFalse();
    }

    @Test
    void tenConcurrentCapturesOfOneTradeCaptureOnce() throws Exception {
        TradeDTO trade = authorised("PREAUTH-8", 1000);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Callable<TradeDTO>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(() -> preAuth.capture(new CaptureTradeCmd(trade.tradeNo(), MERCHANT, Money.cny(700))));
        }
        try {
            for (Future<TradeDTO> answer : pool.invokeAll(calls)) {
                assertThat(answer.get().status()).isEqualTo(TradeStatus.CAPTURED);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(eventTypes()).containsOnlyOnce("TRADE_CAPTURED");
    }

    @Test
    void aCardCaptureIsCompletedAtTheChannelBeforeTheHoldIsPostedAndAnUnknownAnswerPostsNothing() {
        TradeDTO trade = authorisedByCard("PREAUTH-9", 1000);
        when(channels.endAuthorisation(any())).thenReturn(Result.ok(end(trade, Outcome.UNKNOWN, "05")));

        TradeDTO captured = cardPreAuth.capture(new CaptureTradeCmd(trade.tradeNo(), MERCHANT, Money.cny(600)));

        assertThat(captured.status()).as("the merchant's decision stands").isEqualTo(TradeStatus.CAPTURED);
        ArgumentCaptor<EndAuthorisationCmd> sent = ArgumentCaptor.forClass(EndAuthorisationCmd.class);
        verify(channels).endAuthorisation(sent.capture());
        assertThat(sent.getValue()).isEqualTo(new EndAuthorisationCmd(trade.tradeNo(), "PPREAUTH-9", Money.cny(600), NOW));
        verify(ledger, never()).postHoldSettlement(any());

        assertThat(cardPreAuth.post(captured).outcome()).as("the consumer asks again: still unknown").isEqualTo(Outcome.UNKNOWN);
        verify(ledger, never()).postHoldSettlement(any());

        when(channels.endAuthorisation(any())).thenReturn(Result.ok(end(trade, Outcome.SUCCEEDED, "00")));
        assertThat(cardPreAuth.post(captured).outcome()).isEqualTo(Outcome.SUCCEEDED);
        ArgumentCaptor<HoldSettlementCmd> posting = ArgumentCaptor.forClass(HoldSettlementCmd.class);
        verify(ledger).postHoldSettlement(posting.capture());
        assertThat(posting.getValue().capture()).isEqualTo(Money.cny(600));
    }

    @Test
    void aCardVoidIsTheChannelsCancelAndATimeoutOrARefusalThereNeverPostsTheHold() {
        TradeDTO trade = authorisedByCard("PREAUTH-10", 1000);
        when(channels.endAuthorisation(any())).thenThrow(new IllegalStateException("timeout"));

        TradeDTO voided = cardPreAuth.voidAuthorisation(new VoidTradeCmd(trade.tradeNo(), MERCHANT));

        assertThat(voided.status()).isEqualTo(TradeStatus.VOIDED);
        ArgumentCaptor<EndAuthorisationCmd> sent = ArgumentCaptor.forClass(EndAuthorisationCmd.class);
        verify(channels).endAuthorisation(sent.capture());
        assertThat(sent.getValue().completion()).as("a cancel").isFalse();
        assertThat(cardPreAuth.post(voided).outcome()).isEqualTo(Outcome.UNKNOWN);

        org.mockito.Mockito.reset(channels);
        when(channels.endAuthorisation(any())).thenReturn(Result.ok(end(trade, Outcome.FAILED, "35")));
        assertThat(cardPreAuth.post(voided).outcome()).isEqualTo(Outcome.FAILED);
        verify(ledger, never()).postHoldSettlement(any());
    }

    @Test
    void aCardAuthorisationStillOpenAtItsExpiryIsCancelledAtTheChannelAndThenReleased() {
        TradeDTO trade = authorisedByCard("PREAUTH-12", 1000);
        when(channels.endAuthorisation(any())).thenReturn(Result.ok(end(trade, Outcome.SUCCEEDED, "00")));
        PreAuthorisations later = new PreAuthorisations(finder, store, changes, new TradeLedger(ledger),
                Clock.fixed(trade.timeExpire().plusSeconds(1), ZoneOffset.UTC), channels);

        assertThat(later.voidIfExpired(trade.tradeNo())).isTrue();

        ArgumentCaptor<EndAuthorisationCmd> sent = ArgumentCaptor.forClass(EndAuthorisationCmd.class);
        verify(channels).endAuthorisation(sent.capture());
        assertThat(sent.getValue().capture()).as("a cancel of all of it").isEqualTo(Money.cny(0));
        ArgumentCaptor<HoldSettlementCmd> posting = ArgumentCaptor.forClass(HoldSettlementCmd.class);
        verify(ledger).postHoldSettlement(posting.capture());
        assertThat(posting.getValue().postingKey()).isEqualTo("VOID-" + trade.tradeNo());
    }

    @Test
    void aWalletAuthorisationNeverAsksAChannel() {
        TradeDTO trade = authorised("PREAUTH-11", 1000);
        cardPreAuth.capture(new CaptureTradeCmd(trade.tradeNo(), MERCHANT, Money.cny(1000)));
        verify(channels, never()).endAuthorisation(any());
        verify(ledger).postHoldSettlement(any());
    }

    private static AuthorisationEndDTO end(TradeDTO trade, Outcome outcome, String rawCode) {
        return new AuthorisationEndDTO(trade.tradeNo(), "K" + trade.tradeNo().substring(1), ChannelCode.UNIONPAY, outcome,
                Money.cny(600), rawCode, "sandbox");
    }

    private TradeDTO authorisedByCard(String outTradeNo, long amount) {
        TradeDTO trade = creator.create(cmd(outTradeNo, amount, TradeType.PREAUTH));
        payments.beginPay(new io.paysuite.api.trade.BeginPayCmd(trade.tradeNo(), "P" + outTradeNo, "10000000007"));
        payments.recordPaid(trade.tradeNo(), "P" + outTradeNo, Money.cny(amount), "10000000007", PayMethod.BANK_CARD, "UNIONPAY", NOW);
        return finder.get(TradeByNoQry.internal(trade.tradeNo()));
    }

    private TradeDTO authorised(String outTradeNo, long amount) {
        TradeDTO trade = creator.create(cmd(outTradeNo, amount, TradeType.PREAUTH));
        payments.beginPay(new io.paysuite.api.trade.BeginPayCmd(trade.tradeNo(), "P" + outTradeNo, "10000000007"));
        payments.recordPaid(trade.tradeNo(), "P" + outTradeNo, Money.cny(amount), "10000000007", PayMethod.BALANCE, null, NOW);
        return finder.get(TradeByNoQry.internal(trade.tradeNo()));
    }

    private static CreateTradeCmd cmd(String outTradeNo, long amount, TradeType type) {
        return new CreateTradeCmd(MERCHANT, outTradeNo, type, Money.cny(amount), "Hotel deposit", "10000000007",
                "https://merchant.example/notify", null, null, null);
    }

    private TradeStatus status(TradeDTO trade) {
        return finder.get(TradeByNoQry.internal(trade.tradeNo())).status();
    }

    private List<String> eventTypes() {
        synchronized (published) {
            return published.stream().map(TradeEventDraft::eventType).toList();
        }
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
