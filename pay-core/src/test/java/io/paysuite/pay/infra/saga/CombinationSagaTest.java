package io.paysuite.pay.infra.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelOrderDTO;
import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.channel.ChargeChannelCmd;
import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ids.OrderNo;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.ledger.PaymentPostingCmd;
import io.paysuite.api.ledger.PromotionPart;
import io.paysuite.api.member.MemberService;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.api.promotion.CouponService;
import io.paysuite.api.promotion.CouponUseCmd;
import io.paysuite.api.promotion.CouponUseDTO;
import io.paysuite.api.promotion.FundedBy;
import io.paysuite.api.promotion.HoldStatus;
import io.paysuite.api.promotion.PointsService;
import io.paysuite.api.promotion.PointsUseCmd;
import io.paysuite.api.promotion.PointsUseDTO;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradePaymentService;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.pay.combination.CombinationPayment;
import io.paysuite.pay.combination.CombinationRefund;
import io.paysuite.pay.combination.GiveBackSteps;
import io.paysuite.pay.combination.CombinationSteps;
import io.paysuite.pay.infra.event.InProcessPaySuccess;
import io.paysuite.pay.order.InMemoryPayOrders;
import io.paysuite.pay.order.PayOrchestrator;
import io.paysuite.pay.order.PayOrder;
import io.paysuite.pay.order.PayOrderOpener;
import io.paysuite.pay.order.tool.BalanceTool;
import io.paysuite.pay.order.tool.ChannelTool;
import io.paysuite.pay.order.tool.PaymentTools;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import io.seata.saga.engine.impl.DefaultStateMachineConfig;
import io.seata.saga.engine.impl.ProcessCtrlStateMachineEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The combination Saga's real state language (statelang/combination-pay.json) on Seata's real engine,
 * in memory (no log, no coordinator), with pay-core's real steps and orchestrator over fakes of
 * member-service, the ledger and the gateway: which steps run, which are compensated and in what order,
 * and what the pay order ends as.
 */
class CombinationSagaTest {

    static final String TRADE_NO = "T2026112210000003000000519";
    static final String BUYER = "10000000007";
    static final String COUPON = "CP0001";

    final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    final InMemoryPayOrders orders = new InMemoryPayOrders();
    final InProcessPaySuccess events = new InProcessPaySuccess(orders, clock);
    final ChannelService channels = mock(ChannelService.class);
    final LedgerService ledger = mock(LedgerService.class);
    final TradeService tradeService = mock(TradeService.class);
    final TradePaymentService tradePayments = mock(TradePaymentService.class);
    final MemberService members = mock(MemberService.class);
    final CouponService coupons = mock(CouponService.class);
    final PointsService points = mock(PointsService.class);
    final PaymentTools tools = new PaymentTools(List.of(new BalanceTool(ledger), new ChannelTool(PayMethod.WECHAT_QR, channels, ledger),
            new ChannelTool(PayMethod.BANK_CARD, channels, ledger)));
    final AtomicReference<ChannelOrderStatus> channelAnswer = new AtomicReference<>(ChannelOrderStatus.SUCCESS);
    final List<String> releases = new java.util.concurrent.CopyOnWriteArrayList<>();
    PayOrchestrator orchestrator;
    PayOrchestrator restarted;
    CombinationRefund refunds;

    @BeforeEach
    void aTradeOf100YuanAndAnEngineOverTheRealStateLanguage() throws Exception {
        TradeDTO trade = new TradeDTO(TRADE_NO, "M100001", "order-1", TradeType.INSTANT, TradeStatus.WAIT_PAY, Money.cny(10_000),
                Money.cny(0), Money.cny(0), "subject", BUYER, null, null, null, null, clock.instant(), null, null);
        when(tradeService.get(any())).thenReturn(Result.ok(trade));
        when(tradePayments.beginPay(any())).thenReturn(Result.ok(trade));
        when(tradePayments.abandonPay(any())).thenReturn(Result.ok(trade));
        when(members.getBuyer(any())).thenReturn(Result.ok(null));
        when(members.verifyPayPassword(any())).thenReturn(Result.ok(null));
        when(ledger.postPayment(any())).thenReturn(Result.ok(null));
        when(coupons.freeze(any())).thenAnswer(call -> {
            CouponUseCmd cmd = call.getArgument(0);
            return Result.ok(new CouponUseDTO(cmd.couponId(), cmd.useKey(), cmd.tradeNo(), "10 off", Money.cny(1_000),
                    FundedBy.PLATFORM, null, HoldStatus.FROZEN));
        });
        when(points.freeze(any())).thenAnswer(call -> {
            PointsUseCmd cmd = call.getArgument(0);
            return Result.ok(new PointsUseDTO(cmd.buyerId(), cmd.useKey(), cmd.tradeNo(), 500, Money.cny(500), HoldStatus.FROZEN));
        });
        when(coupons.confirm(anyString(), anyString())).thenReturn(Result.ok(null));
        when(coupons.release(anyString(), anyString())).thenAnswer(call -> {
            releases.add("coupon");
            return Result.ok(null);
        });
        when(points.confirm(anyString())).thenReturn(Result.ok(null));
        when(points.release(anyString())).thenAnswer(call -> {
            releases.add("points");
            return Result.ok(null);
        });
        when(channels.charge(any())).thenAnswer(call -> {
            ChargeChannelCmd cmd = call.getArgument(0);
            ChannelOrderStatus status = channelAnswer.get();
            return Result.ok(new ChannelOrderDTO("C" + cmd.payOrderNo().substring(1), cmd.payOrderNo(), cmd.tradeNo(),
                    ChannelCode.WECHAT, cmd.method(), cmd.amount(), status, null, null, status.name(), clock.instant(),
                    status.isFinal() ? clock.instant() : null));
        });

        CombinationSteps steps = new CombinationSteps(orders, orders, coupons, points, tools, tradeService);
        GenericApplicationContext beans = new GenericApplicationContext();
        beans.registerBean(CombinationSteps.BEAN, CombinationSteps.class, () -> steps);
        beans.registerBean(GiveBackSteps.BEAN, GiveBackSteps.class, () -> new GiveBackSteps(orders, coupons, points));
        beans.refresh();
        DefaultStateMachineConfig config = new DefaultStateMachineConfig();
        config.setApplicationContext(beans);
        config.setResources(new String[] {SagaEngineConfig.STATE_LANGUAGE});
        config.setSagaJsonParser("jackson");
        config.afterPropertiesSet();
        ProcessCtrlStateMachineEngine engine = new ProcessCtrlStateMachineEngine();
        engine.setStateMachineConfig(config);
        orchestrator = instance(engine);
        restarted = instance(engine);
        refunds = new CombinationRefund(orders, new SeataGiveBackSaga(engine));
    }

    /**
     * A pay-core instance over the same stores and services: the tests that kill a run check it from {@code restarted}, as
     * the restarted (or another) process does; the killed process's memory of its own charges is not there.
     */
    private PayOrchestrator instance(ProcessCtrlStateMachineEngine engine) {
        return new PayOrchestrator(orders, new PayOrderOpener(orders, new OrderNo(clock, 3), clock), tools, events,
                payOrderNo -> { }, tradeService, tradePayments, members, clock,
                new CombinationPayment(orders, new SeataCombinationSaga(engine), coupons, points), io.paysuite.pay.risk.RiskFakes.allowAll(clock));
    }

    @Test
    void couponPointsAndBalancePostOneEntryWithTheirPartsAndConfirmBoth() {
        PayOrderDTO paid = orchestrator.pay(cmd(PayMethod.BALANCE, COUPON, true));

        assertThat(paid.status()).isEqualTo(PayOrderStatus.SUCCESS);
        ArgumentCaptor<PaymentPostingCmd> posted = ArgumentCaptor.forClass(PaymentPostingCmd.class);
        verify(ledger).postPayment(posted.capture());
        assertThat(posted.getValue().amount()).isEqualTo(Money.cny(10_000));
        assertThat(posted.getValue().cashMinor()).isEqualTo(8_500);
        assertThat(posted.getValue().parts()).containsExactly(
                new PromotionPart(PromotionPart.Kind.COUPON, COUPON, Money.cny(1_000), FundedBy.PLATFORM),
                new PromotionPart(PromotionPart.Kind.POINTS, paid.payOrderNo(), Money.cny(500), FundedBy.PLATFORM));
        verify(coupons).confirm(COUPON, paid.payOrderNo());
        verify(points).confirm(paid.payOrderNo());
        verify(coupons, never()).release(anyString(), anyString());
        PayOrder stored = orders.find(paid.payOrderNo()).orElseThrow();
        assertThat(stored.parts().couponMinor()).isEqualTo(1_000);
        assertThat(stored.cashAmount()).isEqualTo(Money.cny(8_500));
        String event = InProcessPaySuccess.body(events.delivered().get(0)).toString();
        assertThat(event).as("PAY_SUCCEEDED carries the parts for the trade").contains("COUPON", "POINTS", "10 off", "PLATFORM");
    }

    /**
     * A combination goes through the same success port: a send that fails after the commit answers SUCCESS, and the
     * check that settles its coupon and points sends its announcement, with the parts, from the row; a later check
     * settles only; a restarted process's check resends it while the row is not marked announced, and marks it.
     */
    @Test
    void aCombinationWhoseAnnouncementWasNotStoredIsAnnouncedByItsCheckWithItsParts() {
        events.brokerDown(true);
        PayOrderDTO paid = orchestrator.pay(cmd(PayMethod.WECHAT_QR, COUPON, true));
        assertThat(paid.status()).isEqualTo(PayOrderStatus.SUCCESS);
        assertThat(events.delivered()).isEmpty();
        events.brokerDown(false);
        orders.marksFail(true); // the resend's mark is lost too (a crash before its flush)

        assertThat(orchestrator.recover(paid.payOrderNo())).isTrue();

        orders.marksFail(false);
        assertThat(events.delivered()).hasSize(1);
        String event = InProcessPaySuccess.body(events.delivered().get(0)).toString();
        assertThat(event).contains("COUPON", "POINTS", "10 off", "PLATFORM", "WECHAT");
        int sends = events.sendsTried();
        assertThat(orchestrator.recover(paid.payOrderNo())).isTrue();
        assertThat(events.sendsTried()).as("announced from here: the next check settles, sends nothing").isEqualTo(sends);
        assertThat(restarted.recover(paid.payOrderNo())).isTrue();
        assertThat(events.delivered()).as("a restarted process's check sends it again, the same message").hasSize(2);
        assertThat(new String(events.delivered().get(1).getBody())).isEqualTo(new String(events.delivered().get(0).getBody()));
        assertThat(orders.markedAnnounced(paid.payOrderNo())).as("and marks it").isTrue();
    }

    /**
     * The coupon leaves 90.00 and the buyer's points are worth more: the points pay all of it (docs/adr/0008
     * Decision 10). No channel is asked for 0.00; the one ledger entry is the coupon's and the points' lines; the
     * trade's parts are the coupon and the points alone, and both are confirmed.
     */
    @Test
    void aCouponAndPointsThatPayTheWholePriceChargeNoChannelAndPostOneEntryOfTheirParts() {
        org.mockito.Mockito.doAnswer(call -> {
            PointsUseCmd cmd = call.getArgument(0);
            return Result.ok(new PointsUseDTO(cmd.buyerId(), cmd.useKey(), cmd.tradeNo(), cmd.maxValue().minor(), cmd.maxValue(),
                    HoldStatus.FROZEN));
        }).when(points).freeze(any());

        PayOrderDTO paid = orchestrator.pay(cmd(PayMethod.WECHAT_QR, COUPON, true));

        assertThat(paid.status()).isEqualTo(PayOrderStatus.SUCCESS);
        ArgumentCaptor<PointsUseCmd> asked = ArgumentCaptor.forClass(PointsUseCmd.class);
        verify(points).freeze(asked.capture());
        assertThat(asked.getValue().maxValue()).as("all the coupon leaves").isEqualTo(Money.cny(9_000));
        verify(channels, never()).charge(any());
        ArgumentCaptor<PaymentPostingCmd> posted = ArgumentCaptor.forClass(PaymentPostingCmd.class);
        verify(ledger).postPayment(posted.capture());
        assertThat(posted.getValue().cashMinor()).isZero();
        assertThat(posted.getValue().channel()).isNull();
        verify(coupons).confirm(COUPON, paid.payOrderNo());
        verify(points).confirm(paid.payOrderNo());
        PayOrder stored = orders.find(paid.payOrderNo()).orElseThrow();
        assertThat(stored.parts().tradePayments(PayMethod.WECHAT_QR, stored.amount(), null))
                .extracting(io.paysuite.api.trade.TradePaymentDTO::method).containsExactly(PayMethod.COUPON, PayMethod.POINTS);
    }

    @Test
    void theChannelIsChargedOnlyWhatTheCouponAndPointsLeave() {
        PayOrderDTO paid = orchestrator.pay(cmd(PayMethod.WECHAT_QR, COUPON, true));

        ArgumentCaptor<ChargeChannelCmd> charged = ArgumentCaptor.forClass(ChargeChannelCmd.class);
        verify(channels).charge(charged.capture());
        assertThat(charged.getValue().amount()).isEqualTo(Money.cny(8_500));
        assertThat(paid.status()).isEqualTo(PayOrderStatus.SUCCESS);
        assertThat(paid.channel()).isEqualTo("WECHAT");
    }

    @Test
    void aDeclinedChannelReleasesThePointsThenTheCouponAndFailsThePayOrder() {
        channelAnswer.set(ChannelOrderStatus.FAILED);

        assertThatThrownBy(() -> orchestrator.pay(cmd(PayMethod.BANK_CARD, COUPON, true)))
                .isInstanceOf(BizException.class).hasMessageContaining("refused");

        PayOrder failed = orders.findByTrade(TRADE_NO).get(0);
        assertThat(failed.status()).isEqualTo(PayOrderStatus.FAILED);
        assertThat(failed.failCode()).isEqualTo("CHANNEL_DECLINED");
        // the Saga's compensation in reverse; the failed pay order's settlement repeats them (idempotent)
        assertThat(releases).startsWith("points", "coupon");
        verify(points, atLeastOnce()).release(failed.payOrderNo());
        verify(coupons, atLeastOnce()).release(COUPON, failed.payOrderNo());
        verify(coupons, never()).confirm(anyString(), anyString());
        verify(tradePayments).abandonPay(any());
    }

    @Test
    void anUnusableCouponStopsBeforeThePointsAndNothingIsCharged() {
        doReturn(Result.fail(ErrorCode.COUPON_NOT_USABLE, "used")).when(coupons).freeze(any());

        assertThatThrownBy(() -> orchestrator.pay(cmd(PayMethod.BALANCE, COUPON, true))).isInstanceOf(BizException.class);

        PayOrder failed = orders.findByTrade(TRADE_NO).get(0);
        assertThat(failed.failCode()).isEqualTo(ErrorCode.COUPON_NOT_USABLE.code());
        verify(points, never()).freeze(any());
        verify(ledger, never()).postPayment(any());
        verify(coupons, atLeastOnce()).release(COUPON, failed.payOrderNo()); // idempotent, and refuses a freeze arriving late
    }

    @Test
    void aLostAnswerOfThePointsFreezeIsReleasedBeforeAnythingIsCharged() {
        doThrow(new RuntimeException("timeout")).when(points).freeze(any());

        assertThatThrownBy(() -> orchestrator.pay(cmd(PayMethod.BALANCE, COUPON, true))).isInstanceOf(BizException.class);

        PayOrder failed = orders.findByTrade(TRADE_NO).get(0);
        assertThat(failed.status()).isEqualTo(PayOrderStatus.FAILED);
        assertThat(failed.failCode()).isEqualTo(ErrorCode.SERVICE_DEGRADED.code());
        verify(points, atLeastOnce()).release(failed.payOrderNo());
        verify(coupons, atLeastOnce()).release(COUPON, failed.payOrderNo());
        verify(ledger, never()).postPayment(any());
    }

    @Test
    void anUnknownChargeIsNeverCompensatedAndTheCheckFinishesIt() {
        doThrow(new RuntimeException("read timed out")).when(channels).charge(any());

        PayOrderDTO waiting = orchestrator.pay(cmd(PayMethod.BANK_CARD, COUPON, true));

        assertThat(waiting.status()).isEqualTo(PayOrderStatus.PROCESSING);
        verify(coupons, never()).release(anyString(), anyString());
        verify(points, never()).release(anyString());

        channelAnswer.set(ChannelOrderStatus.SUCCESS);
        doAnswer(call -> {
            ChargeChannelCmd cmd = call.getArgument(0);
            return Result.ok(new ChannelOrderDTO("C1", cmd.payOrderNo(), cmd.tradeNo(), ChannelCode.UNIONPAY, cmd.method(),
                    cmd.amount(), ChannelOrderStatus.SUCCESS, null, null, "00", clock.instant(), clock.instant()));
        }).when(channels).charge(any());
        assertThat(orchestrator.recover(waiting.payOrderNo())).isTrue();

        assertThat(orders.find(waiting.payOrderNo()).orElseThrow().status()).isEqualTo(PayOrderStatus.SUCCESS);
        verify(coupons).confirm(COUPON, waiting.payOrderNo());
        verify(points).confirm(waiting.payOrderNo());
        verify(coupons, never()).release(anyString(), anyString());
    }

    /**
     * A pay-core killed inside the points freeze, as the check on the restarted (or another) instance sees it: the
     * first run never returns (here it waits until the end), the check runs the Saga anew under the same keys and
     * charges once; the first run, should it ever go on, finds the pay order paid and changes nothing.
     */
    @Test
    void aRunStuckInThePointsFreezeIsFinishedByTheCheckWhichChargesOnceAndTheStuckRunChangesNothingLater() throws Exception {
        FirstCallStuck freeze = new FirstCallStuck();
        doAnswer(call -> {
            PointsUseCmd cmd = call.getArgument(0);
            freeze.enter();
            return Result.ok(new PointsUseDTO(cmd.buyerId(), cmd.useKey(), cmd.tradeNo(), 500, Money.cny(500), HoldStatus.FROZEN));
        }).when(points).freeze(any());
        ExecutorService killed = Executors.newSingleThreadExecutor();
        try {
            Future<PayOrderDTO> firstRun = killed.submit(() -> orchestrator.pay(cmd(PayMethod.BALANCE, COUPON, true)));
            freeze.awaitReached();
            String payOrderNo = orders.findByTrade(TRADE_NO).get(0).payOrderNo();

            assertThat(restarted.recover(payOrderNo)).as("the check finishes it").isTrue();

            assertThat(orders.find(payOrderNo).orElseThrow().status()).isEqualTo(PayOrderStatus.SUCCESS);
            verify(coupons).confirm(COUPON, payOrderNo);
            verify(points).confirm(payOrderNo);
            freeze.goOn();
            assertThat(firstRun.get(10, TimeUnit.SECONDS).status()).isEqualTo(PayOrderStatus.SUCCESS);
            verify(ledger, times(1)).postPayment(any());
            assertThat(events.delivered()).as("one PAY_SUCCEEDED").hasSize(1);
            assertThat(releases).as("nothing released").isEmpty();
        } finally {
            freeze.goOn();
            killed.shutdownNow();
        }
    }

    /**
     * A pay-core killed while the channel holds its answer: the check's new run asks the gateway again under the same
     * pay order; while that answer is still unknown nothing is released and the order stays PROCESSING, and the
     * channel's late SUCCESS confirms the coupon and points that stayed frozen.
     */
    @Test
    void aRunStuckInTheChargeLeavesCouponAndPointsFrozenUntilTheChannelAnswers() throws Exception {
        FirstCallStuck charge = new FirstCallStuck();
        doAnswer(call -> {
            ChargeChannelCmd cmd = call.getArgument(0);
            if (charge.enter() == 1) {
                throw new RuntimeException("read timed out"); // the gateway does not know yet either
            }
            return Result.ok(new ChannelOrderDTO("C1", cmd.payOrderNo(), cmd.tradeNo(), ChannelCode.UNIONPAY, cmd.method(),
                    cmd.amount(), ChannelOrderStatus.SUCCESS, null, null, "00", clock.instant(), clock.instant()));
        }).when(channels).charge(any());
        ExecutorService killed = Executors.newSingleThreadExecutor();
        try {
            killed.submit(() -> orchestrator.pay(cmd(PayMethod.BANK_CARD, COUPON, true)));
            charge.awaitReached();
            String payOrderNo = orders.findByTrade(TRADE_NO).get(0).payOrderNo();

            assertThat(restarted.recover(payOrderNo)).as("unknown: not final yet").isFalse();
            assertThat(orders.find(payOrderNo).orElseThrow().status()).isEqualTo(PayOrderStatus.PROCESSING);
            assertThat(releases).as("never released while the charge is unknown").isEmpty();

            assertThat(restarted.recover(payOrderNo)).as("the next check hears the channel's SUCCESS").isTrue();
            assertThat(orders.find(payOrderNo).orElseThrow().status()).isEqualTo(PayOrderStatus.SUCCESS);
            verify(coupons).confirm(COUPON, payOrderNo);
            verify(points).confirm(payOrderNo);
            assertThat(releases).isEmpty();
        } finally {
            charge.goOn();
            killed.shutdownNow();
        }
    }

    /** A step whose first call never answers while its pay-core is "dead" (until {@link #goOn}); later calls go through. */
    static final class FirstCallStuck {

        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch goOn = new CountDownLatch(1);
        private final AtomicInteger calls = new AtomicInteger();

        /** @return which call this is, from 0 */
        int enter() throws InterruptedException {
            int call = calls.getAndIncrement();
            if (call == 0) {
                reached.countDown();
                goOn.await();
            }
            return call;
        }

        void awaitReached() throws InterruptedException {
            assertThat(reached.await(10, TimeUnit.SECONDS)).as("the first run reached the step").isTrue();
        }

        void goOn() {
            goOn.countDown();
        }
    }

    @Test
    void aQrWaitingForItsScanKeepsCouponAndPointsFrozen() {
        channelAnswer.set(ChannelOrderStatus.PROCESSING);

        PayOrderDTO waiting = orchestrator.pay(cmd(PayMethod.WECHAT_QR, COUPON, true));

        assertThat(waiting.status()).isEqualTo(PayOrderStatus.PROCESSING);
        verify(coupons, never()).release(anyString(), anyString());
        verify(coupons, never()).confirm(anyString(), anyString());
    }

    @Test
    void aPaymentWithOneToolTakesTheShortPathWithoutTheSaga() {
        PayOrderDTO paid = orchestrator.pay(new PayCmd(TRADE_NO, BUYER, PayMethod.BALANCE, "123456", "REQ-000001"));

        assertThat(paid.status()).isEqualTo(PayOrderStatus.SUCCESS);
        verify(coupons, never()).freeze(any());
        ArgumentCaptor<PaymentPostingCmd> posted = ArgumentCaptor.forClass(PaymentPostingCmd.class);
        verify(ledger).postPayment(posted.capture());
        assertThat(posted.getValue().parts()).isEmpty();
    }

    @Test
    void theWholeRefundGivesBackThePointsThenTheCouponUnderThePayOrdersUseKey() {
        PayOrderDTO paid = orchestrator.pay(cmd(PayMethod.BALANCE, COUPON, true));
        List<String> givenBack = new java.util.concurrent.CopyOnWriteArrayList<>();
        when(points.giveBack(anyString())).thenAnswer(call -> {
            givenBack.add("points " + call.getArgument(0));
            return Result.ok(null);
        });
        when(coupons.giveBack(anyString(), anyString())).thenAnswer(call -> {
            givenBack.add("coupon " + call.getArgument(0) + " " + call.getArgument(1));
            return Result.ok(null);
        });

        PayOrderDTO answered = refunds.giveBack(paid.payOrderNo(), "R1");

        assertThat(answered.payOrderNo()).isEqualTo(paid.payOrderNo());
        assertThat(answered.payments()).as("the pay order carries its parts").hasSize(3);
        assertThat(givenBack).containsExactly("points " + paid.payOrderNo(), "coupon " + COUPON + " " + paid.payOrderNo());
    }

    @Test
    void aGiveBackWhoseAnswerIsLostStopsTheSagaAndIsUnknownSoTheRefundAsksAgain() {
        PayOrderDTO paid = orchestrator.pay(cmd(PayMethod.BALANCE, COUPON, true));
        when(points.giveBack(anyString())).thenReturn(Result.fail(ErrorCode.SYSTEM_ERROR, "timeout"));

        assertThatThrownBy(() -> refunds.giveBack(paid.payOrderNo(), "R1")).isInstanceOf(BizException.class)
                .extracting(e -> ((BizException) e).code()).isEqualTo(ErrorCode.SERVICE_DEGRADED);
        verify(coupons, never()).giveBack(anyString(), anyString());

        when(points.giveBack(anyString())).thenReturn(Result.ok(null));
        when(coupons.giveBack(anyString(), anyString())).thenReturn(Result.ok(null));
        assertThat(refunds.giveBack(paid.payOrderNo(), "R1").status()).isEqualTo(PayOrderStatus.SUCCESS);
        verify(coupons).giveBack(COUPON, paid.payOrderNo());
    }

    @Test
    void aUseStillFrozenIsConfirmedBeforeItIsGivenBack() {
        PayOrderDTO paid = orchestrator.pay(cmd(PayMethod.BALANCE, COUPON, false));
        when(coupons.giveBack(anyString(), anyString())).thenReturn(Result.fail(ErrorCode.COUPON_NOT_USABLE, "frozen"),
                Result.ok(null));

        refunds.giveBack(paid.payOrderNo(), "R1");

        verify(coupons, org.mockito.Mockito.times(2)).giveBack(COUPON, paid.payOrderNo());
        verify(points, never()).giveBack(anyString());
    }

    private static PayCmd cmd(PayMethod method, String couponId, boolean usePoints) {
        return new PayCmd(TRADE_NO, BUYER, method, "123456", "REQ-000001", method == PayMethod.BANK_CARD ? "CARDTOKEN0001" : null,
                couponId, usePoints);
    }
}
