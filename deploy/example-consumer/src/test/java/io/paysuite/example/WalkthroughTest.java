package io.paysuite.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.paysuite.api.common.Result;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ledger.AccountBalanceDTO;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.ledger.StatementLineDTO;
import io.paysuite.api.member.BuyerDTO;
import io.paysuite.api.member.MemberService;
import io.paysuite.api.member.RealNameStatus;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.refund.CreateRefundCmd;
import io.paysuite.api.refund.RefundDTO;
import io.paysuite.api.refund.RefundService;
import io.paysuite.api.refund.RefundStatus;
import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.dubbo.rpc.RpcException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class WalkthroughTest {

    private static final String MERCHANT = "M100000001";
    private static final String BUYER = "U1001";
    private static final String TRADE = "T0000000000000000000001001";
    private static final String PAY_ORDER = "P0000000000000000000001001";
    private static final String REFUND = "R0000000000000000000001001";
    private static final DemoData DEMO = new DemoData(MERCHANT, new DemoData.DemoBuyer("13800000001", "demo-pass-1", "111111"));

    private final TradeService trades = mock(TradeService.class);
    private final PayService pay = mock(PayService.class);
    private final RefundService refunds = mock(RefundService.class);
    private final MemberService members = mock(MemberService.class);
    private final LedgerService ledger = mock(LedgerService.class);
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private Walkthrough walkthrough;

    @BeforeEach
    void aSuiteThatAnswersEveryStepAtOnce() {
        walkthrough = new Walkthrough(trades, pay, refunds, members, ledger, new PrintStream(printed, true, StandardCharsets.UTF_8),
                Duration.ofMillis(300), Duration.ofMillis(1));
        when(members.login(any())).thenReturn(Result.ok(new BuyerDTO(BUYER, "138****0001", "demo", RealNameStatus.UNVERIFIED, Instant.now())));
        when(ledger.balance(any())).thenReturn(balance(1_000_000), balance(1_000_000 - 1280 + 480));
        when(trades.create(any())).thenReturn(Result.ok(trade(TradeStatus.WAIT_PAY, 0)));
        when(pay.pay(any())).thenReturn(Result.ok(payOrder(PayOrderStatus.SUCCESS)));
        when(trades.get(any())).thenReturn(Result.ok(trade(TradeStatus.SUCCESS, 0)), Result.ok(trade(TradeStatus.SUCCESS, 480)));
        when(refunds.refund(any())).thenReturn(Result.ok(refund(RefundStatus.SUCCESS)));
        when(refunds.get(any())).thenReturn(Result.ok(refund(RefundStatus.SUCCESS)));
        when(ledger.merchantStatement(any())).thenReturn(Result.ok(List.of(
                new StatementLineDTO(Instant.now(), "PAYMENT", TRADE, PAY_ORDER, "E1", 1280, 8, 1272, 0),
                new StatementLineDTO(Instant.now(), "PAYMENT", "T-another-trade", "P2", "E2", 999, 6, 993, 0),
                new StatementLineDTO(Instant.now(), "REFUND", TRADE, REFUND, "E3", -480, -3, -477, 0))));
    }

    @Test
    void itPaysTheTradeRefundsPartOfItAndReadsTheTradesStatementLines() {
        WalkthroughResult result = walkthrough.run(DEMO, "example-1", 1280, 480, "http://127.0.0.1:9999/notify");

        assertThat(result.trade().status()).isEqualTo(TradeStatus.SUCCESS);
        assertThat(result.refund().status()).isEqualTo(RefundStatus.SUCCESS);
        assertThat(result.payOrderNo()).isEqualTo(PAY_ORDER);
        assertThat(result.statement()).extracting(StatementLineDTO::bizType).containsExactly("PAYMENT", "REFUND");
        assertThat(result.walletBefore() - result.walletAfter()).isEqualTo(1280 - 480);
        ArgumentCaptor<CreateTradeCmd> created = ArgumentCaptor.forClass(CreateTradeCmd.class);
        verify(trades).create(created.capture());
        assertThat(created.getValue().outTradeNo()).isEqualTo("example-1");
        assertThat(created.getValue().paymentMethods()).containsExactly(PayMethod.BALANCE);
        ArgumentCaptor<CreateRefundCmd> refunded = ArgumentCaptor.forClass(CreateRefundCmd.class);
        verify(refunds).refund(refunded.capture());
        assertThat(refunded.getValue().refund()).isEqualTo(Money.cny(480));
        assertThat(printed()).contains("1. log the buyer in", "3. pay it", "6. wait for the refund's final state", "8. read the buyer's wallet");
    }

    @Test
    void aPayWhoseOutcomeIsUnknownIsAskedAgainUnderTheSameRequestNumber() {
        when(pay.pay(any()))
                .thenThrow(new RpcException(RpcException.TIMEOUT_EXCEPTION, "timed out"))
                .thenReturn(Result.fail(ErrorCode.SYSTEM_ERROR, "boom"))
                .thenReturn(Result.ok(payOrder(PayOrderStatus.SUCCESS)));

        walkthrough.run(DEMO, "example-2", 1280, 480, "http://127.0.0.1:9999/notify");

        ArgumentCaptor<PayCmd> attempts = ArgumentCaptor.forClass(PayCmd.class);
        verify(pay, times(3)).pay(attempts.capture());
        assertThat(attempts.getAllValues()).extracting(PayCmd::requestNo).containsOnly("example-2-pay");
        assertThat(printed()).contains("outcome unknown (no answer)", "outcome unknown (SYSTEM_ERROR)");
    }

    @Test
    void aPayOrderStillProcessingIsFollowedUntilItIsFinal() {
        when(pay.pay(any())).thenReturn(Result.ok(payOrder(PayOrderStatus.PROCESSING)));
        when(pay.get(PAY_ORDER)).thenReturn(Result.ok(payOrder(PayOrderStatus.PROCESSING)), Result.ok(payOrder(PayOrderStatus.SUCCESS)));

        WalkthroughResult result = walkthrough.run(DEMO, "example-3", 1280, 480, "http://127.0.0.1:9999/notify");

        assertThat(result.payOrderNo()).isEqualTo(PAY_ORDER);
        verify(pay, times(2)).get(PAY_ORDER);
        verify(pay, times(1)).pay(any());
    }

    @Test
    void aRefundStillProcessingIsQueriedUntilItIsFinal() {
        when(refunds.refund(any())).thenReturn(Result.ok(refund(RefundStatus.PROCESSING)));
        when(refunds.get(any())).thenReturn(Result.ok(refund(RefundStatus.PROCESSING)), Result.ok(refund(RefundStatus.PROCESSING)),
                Result.ok(refund(RefundStatus.SUCCESS)));

        WalkthroughResult result = walkthrough.run(DEMO, "example-4", 1280, 480, "http://127.0.0.1:9999/notify");

        assertThat(result.refund().status()).isEqualTo(RefundStatus.SUCCESS);
        verify(refunds, times(3)).get(any());
        verify(refunds, times(1)).refund(any());
    }

    @Test
    void aDefiniteRefusalStopsTheWalkthroughWithItsCodeAndNothingAfterItRuns() {
        when(pay.pay(any())).thenReturn(Result.fail(ErrorCode.INSUFFICIENT_BALANCE, "wallet too small"));

        assertThatThrownBy(() -> walkthrough.run(DEMO, "example-5", 1280, 480, "http://127.0.0.1:9999/notify"))
                .isInstanceOf(Refused.class)
                .satisfies(e -> assertThat(((Refused) e).code()).isEqualTo("INSUFFICIENT_BALANCE"));
        verify(pay, times(1)).pay(any());
        verify(refunds, never()).refund(any());
    }

    @Test
    void anAnswerThatStaysUnknownEndsInStillUnknownNeverInARefusalOrANewAttempt() {
        when(refunds.refund(any())).thenReturn(Result.fail(ErrorCode.SERVICE_DEGRADED, "later"));

        assertThatThrownBy(() -> walkthrough.run(DEMO, "example-6", 1280, 480, "http://127.0.0.1:9999/notify"))
                .isInstanceOf(StillUnknown.class);
        ArgumentCaptor<CreateRefundCmd> attempts = ArgumentCaptor.forClass(CreateRefundCmd.class);
        verify(refunds, org.mockito.Mockito.atLeast(2)).refund(attempts.capture());
        assertThat(attempts.getAllValues()).extracting(CreateRefundCmd::outRefundNo).containsOnly("example-6-r1");
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static Result<AccountBalanceDTO> balance(long minor) {
        return Result.ok(new AccountBalanceDTO("BUYER_WALLET:" + BUYER + ":CNY", AccountType.BUYER_WALLET, 0, minor, minor, 0));
    }

    private static TradeDTO trade(TradeStatus status, long refunded) {
        return new TradeDTO(TRADE, MERCHANT, "example", TradeType.INSTANT, status, Money.cny(1280),
                Money.cny(status == TradeStatus.WAIT_PAY ? 0 : 1280), Money.cny(refunded), "Example consumer walkthrough", BUYER,
                null, "http://127.0.0.1:9999/notify", null, null, Instant.now(), null, null);
    }

    private static PayOrderDTO payOrder(PayOrderStatus status) {
        return new PayOrderDTO(PAY_ORDER, TRADE, "example-pay", BUYER, MERCHANT, PayMethod.BALANCE, status, Money.cny(1280),
                Instant.now(), null);
    }

    private static RefundDTO refund(RefundStatus status) {
        return new RefundDTO(REFUND, "example-r1", TRADE, MERCHANT, status, Money.cny(480), "example partial refund", null,
                Instant.now(), null);
    }
}
