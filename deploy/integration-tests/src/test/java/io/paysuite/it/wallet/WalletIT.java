package io.paysuite.it.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.common.Result;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.member.BindCardCmd;
import io.paysuite.api.member.BoundCardDTO;
import io.paysuite.api.member.CardType;
import io.paysuite.api.member.MemberService;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.payout.PayoutStatus;
import io.paysuite.api.refund.CreateRefundCmd;
import io.paysuite.api.refund.RefundByNoQry;
import io.paysuite.api.refund.RefundDTO;
import io.paysuite.api.refund.RefundService;
import io.paysuite.api.refund.RefundStatus;
import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.api.wallet.WalletMovementDTO;
import io.paysuite.api.wallet.WalletMovementKind;
import io.paysuite.api.wallet.WalletService;
import io.paysuite.api.wallet.WalletTransferCmd;
import io.paysuite.api.wallet.WalletTransferDTO;
import io.paysuite.api.wallet.WalletWithdrawCmd;
import io.paysuite.api.wallet.WalletWithdrawalDTO;
import io.paysuite.deploy.launcher.ServiceId;
import io.paysuite.it.SuiteHarness;
import io.paysuite.it.channel.SandboxControl;
import io.paysuite.it.killed.HeldRow;
import io.paysuite.it.killed.ServiceKills;
import io.paysuite.it.openapi.Buyers;
import io.paysuite.it.openapi.Buyers.Buyer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The buyer's wallet against the real suite (issue 15 items 1 and 2, issue 13's withdrawal): a top-up is a
 * {@code TOPUP} trade of the platform paid by WeChat QR, credited only once the buyer scanned, refundable
 * only while the balance allows; transfers once under parallel duplicates, the daily limit under parallel
 * transfers, refusals that change nothing; a withdrawal that reaches the payout channel once; a top-up and a
 * transfer whose ledger is killed with SIGKILL in the middle of their posting end once. Every test
 * ends with the trial balance balanced. The daily limit is the default {@code paysuite.wallet.transfer-daily-limit}
 * (¥5,000.00); each test has its own buyers.
 */
class WalletIT {

    static final String PLATFORM = "PLATFORM";
    static final long DAILY_LIMIT = 500_000;

    private final WalletService wallets = SuiteHarness.reference(WalletService.class, null);
    private final TradeService trades = SuiteHarness.reference(TradeService.class, null);
    private final PayService pay = SuiteHarness.reference(PayService.class, null);
    private final ChannelService channels = SuiteHarness.reference(ChannelService.class, null);
    private final LedgerService ledger = SuiteHarness.reference(LedgerService.class, null);
    private final ExecutorService pool = Executors.newFixedThreadPool(10);

    @AfterEach
    void balanced() {
        pool.shutdownNow();
        assertThat(ledger.trialBalance("CNY").data().balanced()).as("trial balance").isTrue();
    }

    @Test
    void aWechatTopUpIsCreditedOnlyAfterTheScanAndRefundedOnlyWhileTheBalanceAllows() throws Exception {
        Buyer buyer = Buyers.funded(1);
        TradeDTO topUp = ok(trades.create(new CreateTradeCmd(PLATFORM, "TU" + UUID.randomUUID().toString().replace("-", ""),
                TradeType.TOPUP, Money.cny(5_000), "Wallet top-up", buyer.buyerId(), null, null, null,
                Instant.now().plus(Duration.ofMinutes(15)), List.of(PayMethod.WECHAT_QR))));
        // the wallet cannot top itself up
        assertThat(pay.pay(new PayCmd(topUp.tradeNo(), buyer.buyerId(), PayMethod.BALANCE, Buyers.PAY_PASSWORD, "REQ-"
                + UUID.randomUUID())).code()).isEqualTo("PARAM_ERROR");

        PayOrderDTO started = ok(pay.pay(new PayCmd(topUp.tradeNo(), buyer.buyerId(), PayMethod.WECHAT_QR, null, "REQ-"
                + UUID.randomUUID())));
        String codeUrl = ok(channels.get(started.payOrderNo())).codeUrl();
        assertThat(Buyers.balance(buyer.buyerId())).as("nothing credited before the scan").isEqualTo(1);

        SandboxControl.call("POST", "/sandbox/v1/scan", "{\"code_url\":\"" + codeUrl + "\",\"outcome\":\"SUCCESS\"}");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> trade(topUp.tradeNo()).status() == TradeStatus.SUCCESS);
        assertThat(Buyers.balance(buyer.buyerId())).isEqualTo(5_001);
        assertThat(ok(wallets.movements(buyer.buyerId(), 10)).get(0).kind()).isEqualTo(WalletMovementKind.TOPUP);

        // 3,000 of it leaves the wallet: a refund of the whole top-up would take it below zero
        ok(wallets.transfer(new WalletTransferCmd(buyer.buyerId(), Buyers.funded(1).phone(), Money.cny(3_000), "SPEND-"
                + UUID.randomUUID(), Buyers.PAY_PASSWORD)));
        RefundService refunds = SuiteHarness.reference(RefundService.class, null);
        RefundDTO tooMuch = ok(refunds.refund(new CreateRefundCmd(PLATFORM, topUp.tradeNo(), null, "TR-" + UUID.randomUUID(),
                Money.cny(5_000), "top-up back")));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> ok(refunds.get(new RefundByNoQry(tooMuch.refundNo(), PLATFORM))).status() == RefundStatus.FAILED);
        assertThat(Buyers.balance(buyer.buyerId())).as("nothing changed").isEqualTo(2_001);
        assertThat(SandboxControl.call("GET", "/sandbox/v1/orders/WECHAT/" + ok(channels.get(started.payOrderNo())).channelOrderNo(), null)
                .path("refunded_fen").asLong()).isZero();

        RefundDTO fits = ok(refunds.refund(new CreateRefundCmd(PLATFORM, topUp.tradeNo(), null, "TR-" + UUID.randomUUID(),
                Money.cny(2_000), "top-up back")));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> ok(refunds.get(new RefundByNoQry(fits.refundNo(), PLATFORM))).status() == RefundStatus.SUCCESS);
        assertThat(Buyers.balance(buyer.buyerId())).isEqualTo(1);
    }

    @Test
    void tenParallelDuplicatesOfATransferTransferOnce() throws Exception {
        Buyer sender = Buyers.funded(10_000);
        Buyer receiver = Buyers.funded(1);
        WalletTransferCmd cmd = new WalletTransferCmd(sender.buyerId(), receiver.phone(), Money.cny(1_000), "DUP-" + UUID.randomUUID(),
                Buyers.PAY_PASSWORD);
        List<Result<WalletTransferDTO>> answers = inParallel(IntStream.range(0, 10).mapToObj(i ->
                (Callable<Result<WalletTransferDTO>>) () -> wallets.transfer(cmd)).toList());

        assertThat(answers).allSatisfy(a -> assertThat(a.success()).as(a.code() + " " + a.message()).isTrue());
        assertThat(answers.stream().map(a -> a.data().transferNo()).distinct()).hasSize(1);
        assertThat(Buyers.balance(sender.buyerId())).isEqualTo(9_000);
        assertThat(Buyers.balance(receiver.buyerId())).isEqualTo(1_001);
        List<WalletMovementDTO> in = ok(wallets.movements(receiver.buyerId(), 10));
        assertThat(in.get(0).kind()).isEqualTo(WalletMovementKind.TRANSFER_IN);
    }

    @Test
    void theDailyLimitHoldsUnderParallelDifferentTransfers() throws Exception {
        Buyer sender = Buyers.funded(2 * DAILY_LIMIT);
        Buyer receiver = Buyers.funded(1);
        long each = DAILY_LIMIT / 5;
        List<Result<WalletTransferDTO>> answers = inParallel(IntStream.range(0, 10).mapToObj(i ->
                (Callable<Result<WalletTransferDTO>>) () -> wallets.transfer(new WalletTransferCmd(sender.buyerId(), receiver.phone(),
                        Money.cny(each), "LIM-" + i + "-" + UUID.randomUUID(), Buyers.PAY_PASSWORD))).toList());

        assertThat(answers.stream().filter(Result::success)).hasSize(5);
        assertThat(answers.stream().filter(a -> !a.success()).map(Result::code)).containsOnly("TRANSFER_LIMIT_EXCEEDED");
        assertThat(Buyers.balance(sender.buyerId())).isEqualTo(DAILY_LIMIT);
        assertThat(Buyers.balance(receiver.buyerId())).isEqualTo(1 + DAILY_LIMIT);
    }

    @Test
    void badInputAnswersAClearCodeAndChangesNothing() {
        Buyer sender = Buyers.funded(5_000);
        Buyer receiver = Buyers.funded(1);
        assertThat(transfer(sender, receiver.phone(), 0, Buyers.PAY_PASSWORD)).isEqualTo("PARAM_ERROR");
        assertThat(transfer(sender, "1" + String.format("%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L)), 100,
                Buyers.PAY_PASSWORD)).isIn("BUYER_NOT_FOUND");
        assertThat(transfer(sender, receiver.phone(), 100, "000000")).isEqualTo("PAY_PASSWORD_WRONG");
        assertThat(transfer(sender, receiver.phone(), 5_001, Buyers.PAY_PASSWORD)).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(transfer(sender, sender.phone(), 100, Buyers.PAY_PASSWORD)).isEqualTo("PARAM_ERROR");
        assertThat(wallets.withdraw(new WalletWithdrawCmd(sender.buyerId(), "C99999999", Money.cny(100), "WD-" + UUID.randomUUID(),
                Buyers.PAY_PASSWORD)).code()).isEqualTo("CARD_NOT_FOUND");
        assertThat(Buyers.balance(sender.buyerId())).isEqualTo(5_000);
        assertThat(Buyers.balance(receiver.buyerId())).isEqualTo(1);
    }

    @Test
    void aWithdrawalReachesTheSandboxOnceAndDebitsTheWalletOnce() throws Exception {
        Buyer buyer = Buyers.funded(8_000);
        BoundCardDTO card = ok(SuiteHarness.reference(MemberService.class, null).bindCard(new BindCardCmd(buyer.buyerId(),
                "Tok" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36), "6222 **** **** 5678", "ICBC",
                CardType.DEBIT)));
        WalletWithdrawCmd cmd = new WalletWithdrawCmd(buyer.buyerId(), card.cardId(), Money.cny(3_000), "WD-" + UUID.randomUUID(),
                Buyers.PAY_PASSWORD);
        List<Result<WalletWithdrawalDTO>> answers = inParallel(IntStream.range(0, 5).mapToObj(i ->
                (Callable<Result<WalletWithdrawalDTO>>) () -> wallets.withdraw(cmd)).toList());
        assertThat(answers).allSatisfy(a -> assertThat(a.success()).as(a.code() + " " + a.message()).isTrue());
        String payoutNo = answers.get(0).data().payoutNo();
        assertThat(answers.stream().map(a -> a.data().withdrawalNo()).distinct()).hasSize(1);
        assertThat(Buyers.balance(buyer.buyerId())).isEqualTo(5_000);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                ok(wallets.withdrawal(buyer.buyerId(), cmd.requestNo())).status() == PayoutStatus.SUCCESS);
        List<JsonNode> transfers = StreamSupport.stream(SandboxControl.call("GET", "/sandbox/v1/orders/ALIPAY_PAYOUT", null)
                .spliterator(), false).filter(t -> payoutNo.equals(t.get("out_trade_no").asText())).toList();
        assertThat(transfers).as("one transfer at the channel").hasSize(1);
        assertThat(ok(wallets.withdrawal(buyer.buyerId(), cmd.requestNo())).bankAccount()).isEqualTo("****5678");
        assertThat(Buyers.balance(buyer.buyerId())).as("debited once").isEqualTo(5_000);
        assertThat(ok(wallets.movements(buyer.buyerId(), 10)).get(0).kind()).isEqualTo(WalletMovementKind.WITHDRAWAL);
    }

    // ---- issue 15: the ledger killed with SIGKILL in the middle of a wallet flow ----

    /**
     * The top-up's credit is in flight — the buyer scanned, the channel said paid, and the ledger's entry waits for the
     * wallet's row — when accounting-service is killed. The wallet is not credited and the trade not successful while
     * the credit is not committed; after the restart the payment's check posts it again under its key: credited once.
     */
    @Test
    void aTopUpWhoseLedgerIsKilledWhileCreditingIsCreditedOnceAfterTheRestart() throws Exception {
        Buyer buyer = Buyers.funded(1);
        TradeDTO topUp = ok(trades.create(new CreateTradeCmd(PLATFORM, "KT" + UUID.randomUUID().toString().replace("-", ""),
                TradeType.TOPUP, Money.cny(5_000), "Wallet top-up", buyer.buyerId(), null, null, null,
                Instant.now().plus(Duration.ofMinutes(15)), List.of(PayMethod.WECHAT_QR))));
        PayOrderDTO started = ok(pay.pay(new PayCmd(topUp.tradeNo(), buyer.buyerId(), PayMethod.WECHAT_QR, null, "REQ-"
                + UUID.randomUUID())));
        String codeUrl = ok(channels.get(started.payOrderNo())).codeUrl();
        try (HeldRow wallet = HeldRow.account(Buyers.wallet(buyer.buyerId()))) {
            SandboxControl.call("POST", "/sandbox/v1/scan", "{\"code_url\":\"" + codeUrl + "\",\"outcome\":\"SUCCESS\"}");
            wallet.awaitWaiter(); // paid at the channel; the credit's entry is written, the wallet's balance is next
            assertThat(trade(topUp.tradeNo()).status()).as("not successful before its credit").isNotEqualTo(TradeStatus.SUCCESS);
            ServiceKills.kill(ServiceId.ACCOUNTING_SERVICE);
        } finally {
            ServiceKills.running(ServiceId.ACCOUNTING_SERVICE);
        }
        await("the top-up final after the ledger's restart").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions().until(() -> trade(topUp.tradeNo()).status() == TradeStatus.SUCCESS);
        assertThat(Buyers.balance(buyer.buyerId())).as("credited once").isEqualTo(5_001);
        assertThat(ok(wallets.movements(buyer.buyerId(), 10)).stream().filter(m -> m.kind() == WalletMovementKind.TOPUP))
                .as("one top-up movement").hasSize(1);
    }

    /**
     * A transfer's entry and record are written but not committed — its transaction waits for the receiver's wallet
     * row — when accounting-service is killed: nothing moved. The client's repeat under the same request number after
     * the restart transfers once, and a further repeat answers that same transfer.
     */
    @Test
    void aTransferWhoseLedgerIsKilledMidTransactionTransfersOnceWhenRepeatedUnderItsRequestNumber() throws Exception {
        Buyer sender = Buyers.funded(10_000);
        Buyer receiver = Buyers.funded(1);
        WalletTransferCmd cmd = new WalletTransferCmd(sender.buyerId(), receiver.phone(), Money.cny(1_000), "KILL-" + UUID.randomUUID(),
                Buyers.PAY_PASSWORD);
        Future<Result<WalletTransferDTO>> inFlight;
        try (HeldRow wallet = HeldRow.account(Buyers.wallet(receiver.buyerId()))) {
            inFlight = pool.submit(() -> wallets.transfer(cmd));
            wallet.awaitWaiter();
            ServiceKills.kill(ServiceId.ACCOUNTING_SERVICE);
        } finally {
            ServiceKills.running(ServiceId.ACCOUNTING_SERVICE);
        }
        assertThat(answered(inFlight)).as("the killed ledger answered no success").isFalse();
        assertThat(Buyers.balance(sender.buyerId())).as("nothing moved").isEqualTo(10_000);
        assertThat(Buyers.balance(receiver.buyerId())).isEqualTo(1);

        WalletTransferDTO done = ok(wallets.transfer(cmd));
        assertThat(ok(wallets.transfer(cmd)).transferNo()).as("the repeat answers the same transfer").isEqualTo(done.transferNo());
        assertThat(ledger.entryByKey(done.postingKey()).success()).isTrue();
        assertThat(Buyers.balance(sender.buyerId())).as("debited once").isEqualTo(9_000);
        assertThat(Buyers.balance(receiver.buyerId())).as("credited once").isEqualTo(1_001);
    }

    /** Whether a call to a service killed under it answered a success (a transport error is none). */
    private static boolean answered(Future<? extends Result<?>> call) throws InterruptedException {
        try {
            return call.get(30, TimeUnit.SECONDS).success();
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    private String transfer(Buyer from, String toPhone, long amount, String payPassword) {
        Result<WalletTransferDTO> r = wallets.transfer(new WalletTransferCmd(from.buyerId(), toPhone, Money.cny(amount), "BAD-"
                + UUID.randomUUID(), payPassword));
        assertThat(r.success()).as("refused").isFalse();
        return r.code();
    }

    private <T> List<T> inParallel(List<Callable<T>> calls) throws Exception {
        List<Future<T>> futures = pool.invokeAll(calls);
        java.util.ArrayList<T> answers = new java.util.ArrayList<>();
        for (Future<T> f : futures) {
            answers.add(f.get());
        }
        return answers;
    }

    private TradeDTO trade(String tradeNo) {
        return ok(trades.get(new TradeByNoQry(tradeNo, PLATFORM)));
    }

    private static <T> T ok(Result<T> result) {
        assertThat(result.success()).as(result.code() + " " + result.message()).isTrue();
        return result.data();
    }
}
