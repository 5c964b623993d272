package io.paysuite.it.killed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.common.Result;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.HoldSettlementCmd;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.api.wallet.WalletService;
import io.paysuite.api.wallet.WalletTransferCmd;
import io.paysuite.deploy.launcher.ServiceId;
import io.paysuite.deploy.launcher.Suite;
import io.paysuite.it.MerchantSink;
import io.paysuite.it.SuiteHarness;
import io.paysuite.it.channel.SandboxControl;
import io.paysuite.it.openapi.Buyers;
import io.paysuite.it.openapi.Buyers.Buyer;
import io.paysuite.it.openapi.MerchantClient.Answer;
import io.paysuite.it.openapi.Merchants;
import io.paysuite.it.openapi.Merchants.TestMerchant;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's "a service killed mid-flow" for the wallet trade types at once: a small mixed batch —
 * top-ups by WeChat QR (the scan arrives), wallet transfers, profit-sharing orders and captures of
 * balance pre-authorisations — runs while accounting-service, which every one of them posts to, is
 * killed with SIGKILL and started again. Each operation is driven as a careful client would: repeated
 * under the same business number until it has a definite answer (a transport error or a 5xx is not
 * one). Afterwards every operation is final and happened exactly once: each wallet, each merchant's
 * pending, the sharer's hold and the pre-auth hold hold exactly what one of each leaves, and the trial
 * balance balances. One kill and one restart in the whole class (the suite's CI time); the figures are
 * awaited (postings a killed ledger missed come back through pay-core's checks and trade-core's
 * follow-ups, on the broker's retry schedule), never timed.
 */
class LedgerKilledMidFlowIT {

    static final int EACH = 3;
    static final String PLATFORM = "PLATFORM";
    static final long TOP_UP = 5_000;
    static final long TRANSFER = 1_000;
    static final long SHARE = 1_000;
    static final long PAID = 10_000;
    /** {@code PAID} less the default 0.60 % fee: what the sharer received and may share. */
    static final long NET = 9_940;
    static final long AUTHORISED = 10_000;
    static final long CAPTURE = 5_000;
    static final long CAPTURE_FEE = 30;
    /** Long enough for a ledger restart and the broker's second or third retry of a missed posting. */
    static final Duration FINAL = Duration.ofMinutes(3);

    private final Suite suite = SuiteHarness.suite();
    private final TradeService trades = SuiteHarness.reference(TradeService.class, null);
    private final PayService pay = SuiteHarness.reference(PayService.class, null);
    private final ChannelService channels = SuiteHarness.reference(ChannelService.class, null);
    private final WalletService wallets = SuiteHarness.reference(WalletService.class, null);
    private final LedgerService ledger = SuiteHarness.reference(LedgerService.class, null);

    @Test
    void topUpsTransfersSharesAndCapturesEndFinalAndOnceWhenTheLedgerIsKilledMidFlow() throws Exception {
        // ---- before: everything the batch acts on, with the ledger up ----
        List<Buyer> toppedUp = new ArrayList<>();
        List<String> codeUrls = new ArrayList<>();
        List<String> topUpTrades = new ArrayList<>();
        for (int i = 0; i < EACH; i++) {
            Buyer buyer = Buyers.funded(1);
            TradeDTO topUp = ok(trades.create(new CreateTradeCmd(PLATFORM, "KTU" + UUID.randomUUID().toString().replace("-", ""),
                    TradeType.TOPUP, Money.cny(TOP_UP), "Wallet top-up", buyer.buyerId(), null, null, null,
                    Instant.now().plus(Duration.ofMinutes(15)), List.of(PayMethod.WECHAT_QR))));
            var started = ok(pay.pay(new PayCmd(topUp.tradeNo(), buyer.buyerId(), PayMethod.WECHAT_QR, null, "REQ-" + UUID.randomUUID())));
            toppedUp.add(buyer);
            topUpTrades.add(topUp.tradeNo());
            codeUrls.add(ok(channels.get(started.payOrderNo())).codeUrl());
        }
        List<Buyer> senders = new ArrayList<>();
        List<Buyer> receivers = new ArrayList<>();
        for (int i = 0; i < EACH; i++) {
            senders.add(Buyers.funded(10_000));
            receivers.add(Buyers.funded(1));
        }
        TestMerchant sharer = Merchants.onboard("killed-ledger sharer");
        TestMerchant shareReceiver = Merchants.onboard("killed-ledger share receiver");
        String sharedTrade = paidTrade(sharer);
        TestMerchant shop = Merchants.onboard("killed-ledger pre-auth shop");
        List<Buyer> holders = new ArrayList<>();
        List<String> authorisations = new ArrayList<>();
        for (int i = 0; i < EACH; i++) {
            Buyer buyer = Buyers.funded(20_000);
            holders.add(buyer);
            authorisations.add(authorised(shop, buyer));
        }

        // ---- the batch, with the ledger killed under it ----
        List<Callable<Void>> batch = new ArrayList<>();
        for (int i = 0; i < EACH; i++) {
            String codeUrl = codeUrls.get(i);
            String topUpTrade = topUpTrades.get(i);
            batch.add(() -> {
                SandboxControl.call("POST", "/sandbox/v1/scan", "{\"code_url\":\"" + codeUrl + "\",\"outcome\":\"SUCCESS\"}");
                untilDefinite(() -> tradeStatus(topUpTrade) == TradeStatus.SUCCESS);
                return null;
            });
            WalletTransferCmd transfer = new WalletTransferCmd(senders.get(i).buyerId(), receivers.get(i).phone(), Money.cny(TRANSFER),
                    "KILL-" + UUID.randomUUID(), Buyers.PAY_PASSWORD);
            batch.add(() -> {
                untilDefinite(() -> wallets.transfer(transfer).success()); // the same request number every time
                return null;
            });
            Map<String, Object> share = Map.of("trade_no", sharedTrade, "out_order_no", "kill-share-" + i, "unfreeze_unsplit", false,
                    "receivers", List.of(Map.of("merchant_id", shareReceiver.merchantId(), "amount", SHARE, "description", "commission")));
            batch.add(() -> {
                untilDefinite(() -> {
                    Answer answer = sharer.client().post("/api/v1/profit-sharing/orders", share);
                    return (answer.status() == 200 || answer.status() == 201) && "FINISHED".equals(answer.json().path("status").asText());
                });
                return null;
            });
            String authorisation = authorisations.get(i);
            batch.add(() -> {
                untilDefinite(() -> {
                    Answer answer = shop.client().post("/api/v1/trades/" + authorisation + "/capture",
                            Map.of("amount", Map.of("capture", CAPTURE, "currency", "CNY")));
                    return answer.status() == 200 && "CAPTURED".equals(answer.json().path("status").asText());
                });
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(batch.size());
        try {
            List<Future<Void>> running = batch.stream().map(pool::submit).toList();
            suite.kill(ServiceId.ACCOUNTING_SERVICE);
            ServiceKills.running(ServiceId.ACCOUNTING_SERVICE);
            for (Future<Void> operation : running) {
                operation.get(FINAL.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        // ---- after: every operation final, and once ----
        for (int i = 0; i < EACH; i++) {
            String buyer = toppedUp.get(i).buyerId();
            awaitBalance(Buyers.wallet(buyer), 1 + TOP_UP, "top-up credited once to " + buyer);
            assertThat(Buyers.balance(senders.get(i).buyerId())).as("sender debited once").isEqualTo(10_000 - TRANSFER);
            assertThat(Buyers.balance(receivers.get(i).buyerId())).as("receiver credited once").isEqualTo(1 + TRANSFER);
            String authorisation = authorisations.get(i);
            await().atMost(FINAL).pollInterval(Duration.ofMillis(500))
                    .until(() -> ledger.entryByKey(HoldSettlementCmd.captureKey(authorisation)).success());
            awaitBalance(Buyers.wallet(holders.get(i).buyerId()), 20_000 - CAPTURE, "the uncaptured rest back once");
        }
        awaitBalance(new AccountRef(AccountType.MERCHANT_PENDING, shareReceiver.merchantId(), "CNY"), EACH * SHARE, "shares moved once");
        awaitBalance(new AccountRef(AccountType.PROFIT_SHARING_HELD, sharer.merchantId(), "CNY"), NET - EACH * SHARE, "the sharer's hold");
        awaitBalance(new AccountRef(AccountType.MERCHANT_PENDING, shop.merchantId(), "CNY"), EACH * (CAPTURE - CAPTURE_FEE),
                "captures paid once");
        awaitBalance(new AccountRef(AccountType.PREAUTH_HOLD, shop.merchantId(), "CNY"), 0, "no authorisation still held");
        for (String tradeNo : authorisations) {
            assertThat(tradeStatus(tradeNo)).isEqualTo(TradeStatus.CAPTURED);
        }
        assertThat(ledger.trialBalance("CNY").data().balanced()).as("trial balance").isTrue();
    }

    /** Repeats an operation under its business number until it answers definitely; a dead ledger's errors are not definite. */
    private static void untilDefinite(BooleanSupplier attempt) {
        await().atMost(FINAL).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(attempt::getAsBoolean);
    }

    private void awaitBalance(AccountRef account, long expected, String what) {
        await(what).atMost(FINAL).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> ledger.balance(account).data().balance() == expected);
    }

    private TradeStatus tradeStatus(String tradeNo) {
        return ok(trades.get(TradeByNoQry.internal(tradeNo))).status();
    }

    /** An INSTANT trade of {@code PAID} paid from a wallet, its net on the merchant's pending. */
    private String paidTrade(TestMerchant merchant) {
        Buyer buyer = Buyers.funded(PAID);
        TradeDTO trade = ok(trades.create(new CreateTradeCmd(merchant.merchantId(), "KPS-" + UUID.randomUUID().toString().substring(0, 24),
                TradeType.INSTANT, Money.cny(PAID), "killed-ledger sharing", buyer.buyerId(), MerchantSink.notifyUrl(), null, null, null,
                null)));
        ok(Buyers.pay(trade.tradeNo(), buyer.buyerId()));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> tradeStatus(trade.tradeNo()) == TradeStatus.SUCCESS);
        awaitBalance(new AccountRef(AccountType.MERCHANT_PENDING, merchant.merchantId(), "CNY"), NET, "the sharer paid");
        return trade.tradeNo();
    }

    /** A PREAUTH trade of {@code AUTHORISED} paid from the buyer's wallet, AUTHORIZED. */
    private String authorised(TestMerchant merchant, Buyer buyer) {
        TradeDTO trade = ok(trades.create(new CreateTradeCmd(merchant.merchantId(), "KPA-" + UUID.randomUUID().toString().substring(0, 24),
                TradeType.PREAUTH, Money.cny(AUTHORISED), "killed-ledger pre-auth", buyer.buyerId(), MerchantSink.notifyUrl(), null,
                null, null, null)));
        ok(Buyers.pay(trade.tradeNo(), buyer.buyerId()));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> tradeStatus(trade.tradeNo()) == TradeStatus.AUTHORIZED);
        return trade.tradeNo();
    }

    private static <T> T ok(Result<T> result) {
        assertThat(result.success()).as(result.code() + " " + result.message()).isTrue();
        return result.data();
    }
}
