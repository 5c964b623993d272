package io.paysuite.it.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.api.common.Result;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.money.Money;
import io.paysuite.api.refund.CreateRefundCmd;
import io.paysuite.api.refund.RefundByNoQry;
import io.paysuite.api.refund.RefundDTO;
import io.paysuite.api.refund.RefundService;
import io.paysuite.api.refund.RefundStatus;
import io.paysuite.api.settlement.SettlementDTO;
import io.paysuite.api.settlement.SettlementQry;
import io.paysuite.api.settlement.SettlementService;
import io.paysuite.api.settlement.SettlementStatus;
import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.it.SuiteHarness;
import io.paysuite.deploy.launcher.ServiceId;
import io.paysuite.it.cashier.NotificationReceiver;
import io.paysuite.it.killed.HeldRow;
import io.paysuite.it.killed.ServiceKills;
import io.paysuite.it.openapi.Buyers;
import io.paysuite.it.openapi.MerchantClient;
import io.paysuite.it.openapi.Merchants;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Profit sharing through the open API, two merchants onboarded as operators do it: a trade of 100.00
 * paid to the sharer at the default 0.60 % leaves it 99.40, the most it can share. The ledger is read
 * through {@code LedgerService}; notifications arrive at the trade's notify URL.
 */
class ProfitSharingIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final long PAID = 10_000;
    private static final long NET = 9_940;

    private final TradeService trades = SuiteHarness.reference(TradeService.class, null);
    private final RefundService refunds = SuiteHarness.reference(RefundService.class, null);
    private final LedgerService ledger = SuiteHarness.reference(LedgerService.class, null);
    private final SettlementService settlements = SuiteHarness.reference(SettlementService.class, null);

    @Test
    void aSharedTradeMovesTheSharesOnceHoldsTheRestUntilUnfreezeAndTheSettlementPaysTheReceiver() throws Exception {
        try (NotificationReceiver notifications = new NotificationReceiver((id, n) -> 200)) {
            Merchants.TestMerchant sharer = Merchants.onboard("Sharing IT sharer");
            Merchants.TestMerchant receiver = onboardWithTerms("Sharing IT receiver");
            MerchantClient client = sharer.client();
            TradeDTO trade = paidTrade(sharer, notifications.url());

            MerchantClient.Answer first = client.post("/api/v1/profit-sharing/orders", order(trade, "share-1", receiver, 3_000, false));
            assertThat(first.status()).as(first.toString()).isEqualTo(201);
            assertThat(first.signatureValid()).isTrue();
            JsonNode order = first.json();
            assertThat(order.path("status").asText()).isEqualTo("FINISHED");
            assertThat(order.path("trade_no").asText()).isEqualTo(trade.tradeNo());
            assertThat(order.path("out_order_no").asText()).isEqualTo("share-1");
            assertThat(order.path("receivers").get(0).path("merchant_id").asText()).isEqualTo(receiver.merchantId());
            assertThat(order.path("receivers").get(0).path("amount").asLong()).isEqualTo(3_000);
            assertThat(order.path("receivers").get(0).path("result").asText()).isEqualTo("SUCCESS");
            assertMoney(sharer, 0, NET - 3_000);
            assertThat(balance(AccountType.MERCHANT_PENDING, receiver.merchantId())).isEqualTo(3_000);
            assertThat(ledger.trialBalance("CNY").data().balanced()).isTrue();

            MerchantClient.Answer repeat = client.post("/api/v1/profit-sharing/orders", order(trade, "share-1", receiver, 3_000, false));
            assertThat(repeat.status()).as(repeat.toString()).isEqualTo(200);
            assertThat(repeat.json().path("order_no").asText()).isEqualTo(order.path("order_no").asText());
            MerchantClient.Answer read = client.get("/api/v1/profit-sharing/orders/" + order.path("order_no").asText());
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.json().path("status").asText()).isEqualTo("FINISHED");

            MerchantClient.Answer over = client.post("/api/v1/profit-sharing/orders",
                    order(trade, "share-over", receiver, NET - 3_000 + 1, false));
            assertThat(over.status()).as(over.toString()).isEqualTo(409);
            assertThat(over.code()).isEqualTo("PROFIT_SHARING_AMOUNT_EXCEEDED");
            assertMoney(sharer, 0, NET - 3_000);
            assertThat(balance(AccountType.MERCHANT_PENDING, receiver.merchantId())).isEqualTo(3_000);

            ExecutorService pool = Executors.newFixedThreadPool(10);
            List<MerchantClient.Answer> parallel;
            try {
                parallel = IntStream.range(0, 10).mapToObj(i -> CompletableFuture.supplyAsync(() -> client.post(
                        "/api/v1/profit-sharing/orders", order(trade, "share-par", receiver, 1_000, false)), pool)).toList()
                        .stream().map(CompletableFuture::join).toList();
            } finally {
                pool.shutdown();
            }
            assertThat(parallel).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isIn(200, 201));
            assertThat(parallel.stream().map(a -> a.json().path("order_no").asText()).distinct()).hasSize(1);
            assertThat(parallel.stream().filter(a -> a.status() == 201)).hasSize(1);
            assertThat(balance(AccountType.MERCHANT_PENDING, receiver.merchantId())).isEqualTo(4_000);
            assertMoney(sharer, 0, NET - 4_000);

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> notifications.of(trade.tradeNo(), "PROFIT_SHARING.FINISHED").size() >= 2);
            assertThat(notifications.of(trade.tradeNo(), "PROFIT_SHARING.FINISHED"))
                    .anySatisfy(n -> assertThat(n.json().path("resource").path("order_no").asText())
                            .isEqualTo(order.path("order_no").asText()));

            MerchantClient.Answer unfreeze = client.post("/api/v1/profit-sharing/unfreeze",
                    Map.of("trade_no", trade.tradeNo(), "out_order_no", "unfreeze-1"));
            assertThat(unfreeze.status()).as(unfreeze.toString()).isEqualTo(201);
            assertThat(unfreeze.json().path("status").asText()).isEqualTo("FINISHED");
            assertMoney(sharer, NET - 4_000, 0);
            MerchantClient.Answer after = client.post("/api/v1/profit-sharing/orders", order(trade, "share-late", receiver, 1, false));
            assertThat(after.status()).as(after.toString()).isEqualTo(409);
            assertThat(after.code()).isEqualTo("PROFIT_SHARING_NOT_ALLOWED");

            // the settlement of the receiver's T+1 cycle pays it its shares, and never the sharer the shared part
            LocalDate date = LocalDate.now(ZONE).plusDays(1);
            HttpResponse<String> run = Merchants.ops(Merchants.base(), "POST", "/ops/api/v1/settlements/runs",
                    JSON.writeValueAsString(Map.of("date", date.toString(), "operator", "sharing-it")));
            assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> settledOf(receiver, date)
                    .stream().anyMatch(s -> s.status() == SettlementStatus.PAID));
            assertThat(settledOf(receiver, date)).singleElement().satisfies(s -> assertThat(s.net()).isEqualTo(4_000));
            assertThat(balance(AccountType.MERCHANT_PENDING, receiver.merchantId())).isZero();
            assertThat(ledger.trialBalance("CNY").data().balanced()).isTrue();
        }
    }

    @Test
    void aRefundAfterSharingTakesTheSharersPartFirstAndTheRestBackFromTheReceiver() throws Exception {
        Merchants.TestMerchant sharer = Merchants.onboard("Sharing IT refund sharer");
        Merchants.TestMerchant receiver = Merchants.onboard("Sharing IT refund receiver");
        TradeDTO trade = paidTrade(sharer, null);
        MerchantClient.Answer shared = sharer.client().post("/api/v1/profit-sharing/orders",
                order(trade, "share-r", receiver, 3_000, false));
        assertThat(shared.status()).as(shared.toString()).isEqualTo(201);

        Result<RefundDTO> refund = refunds.refund(new CreateRefundCmd(sharer.merchantId(), trade.tradeNo(), null,
                "RF-" + UUID.randomUUID().toString().substring(0, 20), Money.cny(8_000), "sharing it"));
        assertThat(refund.success()).as(refund.code() + " " + refund.message()).isTrue();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> refunds.get(
                new RefundByNoQry(refund.data().refundNo(), sharer.merchantId())).data().status() == RefundStatus.SUCCESS);

        // 8000 back less its fee of 48: 6940 held by the sharer first, the other 1012 from the receiver's 3000
        assertMoney(sharer, 0, 0);
        assertThat(balance(AccountType.MERCHANT_PENDING, receiver.merchantId())).isEqualTo(1_988);
        assertThat(ledger.trialBalance("CNY").data().balanced()).isTrue();

        MerchantClient.Answer giveBack = sharer.client().post("/api/v1/profit-sharing/returns", Map.of("order_no",
                shared.json().path("order_no").asText(), "out_return_no", "ret-1", "merchant_id", receiver.merchantId(), "amount", 988));
        assertThat(giveBack.status()).as(giveBack.toString()).isEqualTo(201);
        assertThat(balance(AccountType.MERCHANT_PENDING, receiver.merchantId())).isEqualTo(1_000);
        assertThat(balance(AccountType.MERCHANT_PENDING, sharer.merchantId())).isEqualTo(988);
    }

    @Test
    void badRequestsAnswerAClearCodeAndChangeNothing() throws Exception {
        Merchants.TestMerchant sharer = Merchants.onboard("Sharing IT bad input");
        Merchants.TestMerchant other = Merchants.onboard("Sharing IT other");
        TradeDTO trade = paidTrade(sharer, null);
        MerchantClient client = sharer.client();

        MerchantClient.Answer unknown = client.post("/api/v1/profit-sharing/orders", Map.of("trade_no", trade.tradeNo(),
                "out_order_no", "bad-1", "receivers", List.of(Map.of("merchant_id", "M-NO-SUCH", "amount", 100, "description", "x"))));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("PARAM_ERROR");
        assertThat(unknown.json().path("message").asText()).contains("receivers[0].merchant_id");

        MerchantClient.Answer notMine = other.client().post("/api/v1/profit-sharing/orders", order(trade, "bad-2", sharer, 100, false));
        assertThat(notMine.status()).as(notMine.toString()).isEqualTo(404);
        assertThat(notMine.code()).isEqualTo("TRADE_NOT_FOUND");

        assertThat(client.get("/api/v1/profit-sharing/orders/PS0000000000000000000000000000").code())
                .isEqualTo("PROFIT_SHARING_NOT_FOUND");

        assertThat(client.post("/api/v1/profit-sharing/orders", order(trade, "bad-3", other, 100, false)).status()).isEqualTo(201);
        MerchantClient.Answer reused = client.post("/api/v1/profit-sharing/orders", order(trade, "bad-3", other, 101, false));
        assertThat(reused.status()).as(reused.toString()).isEqualTo(409);
        assertThat(reused.code()).isEqualTo("OUT_ORDER_NO_USED");
        assertThat(balance(AccountType.MERCHANT_PENDING, other.merchantId())).isEqualTo(100);
        assertMoney(sharer, 0, NET - 100);
    }

    /**
     * Issue 15's kill: the order is written {@code PROCESSING} and its entry waits for the trade's lock in the ledger
     * when accounting-service is killed with SIGKILL. Nothing moved; after the restart the merchant's repeat of the same
     * {@code out_order_no} finishes that order, once (a further repeat answers it again), and the unfreeze releases
     * exactly the unshared rest to the sharer.
     */
    @Test
    void aShareOrderWhoseLedgerIsKilledWhilePostingFinishesOnceWhenRepeatedAndTheUnfreezeReleasesTheRest() throws Exception {
        Merchants.TestMerchant sharer = Merchants.onboard("Sharing IT killed sharer");
        Merchants.TestMerchant receiver = Merchants.onboard("Sharing IT killed receiver");
        TradeDTO trade = paidTrade(sharer, null);
        MerchantClient client = sharer.client();
        Map<String, Object> share = order(trade, "share-kill", receiver, 3_000, false);
        ExecutorService one = Executors.newSingleThreadExecutor();
        try (HeldRow tradeLock = HeldRow.tradeLock(trade.tradeNo())) {
            one.submit(() -> client.post("/api/v1/profit-sharing/orders", share));
            tradeLock.awaitWaiter(); // the order is PROCESSING; its entry waits for the trade's lock
            ServiceKills.kill(ServiceId.ACCOUNTING_SERVICE);
        } finally {
            one.shutdownNow();
            ServiceKills.running(ServiceId.ACCOUNTING_SERVICE);
        }
        // nothing moved at the kill; by the time the restart is reached from everywhere, the sharing sweep may already
        // have finished the order — once, never twice
        assertThat(balance(AccountType.MERCHANT_PENDING, receiver.merchantId())).as("nothing moved, or moved once").isIn(0L, 3_000L);

        MerchantClient.Answer repeated = client.post("/api/v1/profit-sharing/orders", share);
        assertThat(repeated.status()).as(repeated.toString()).isIn(200, 201);
        assertThat(repeated.json().path("status").asText()).isEqualTo("FINISHED");
        MerchantClient.Answer again = client.post("/api/v1/profit-sharing/orders", share);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().path("order_no").asText()).isEqualTo(repeated.json().path("order_no").asText());
        assertThat(balance(AccountType.MERCHANT_PENDING, receiver.merchantId())).as("shared once").isEqualTo(3_000);
        assertMoney(sharer, 0, NET - 3_000);

        MerchantClient.Answer unfreeze = client.post("/api/v1/profit-sharing/unfreeze",
                Map.of("trade_no", trade.tradeNo(), "out_order_no", "unfreeze-kill"));
        assertThat(unfreeze.status()).as(unfreeze.toString()).isEqualTo(201);
        assertMoney(sharer, NET - 3_000, 0);
        assertThat(ledger.trialBalance("CNY").data().balanced()).isTrue();
    }

    private static Map<String, Object> order(TradeDTO trade, String outOrderNo, Merchants.TestMerchant receiver, long amount,
                                             boolean unfreezeUnsplit) {
        return Map.of("trade_no", trade.tradeNo(), "out_order_no", outOrderNo, "unfreeze_unsplit", unfreezeUnsplit,
                "receivers", List.of(Map.of("merchant_id", receiver.merchantId(), "amount", amount, "description", "commission")));
    }

    /** The sharer's pending and profit-sharing hold on the ledger, and {@code held} of its open-API balance. */
    private void assertMoney(Merchants.TestMerchant sharer, long pending, long held) {
        assertThat(balance(AccountType.MERCHANT_PENDING, sharer.merchantId())).as("sharer pending").isEqualTo(pending);
        assertThat(balance(AccountType.PROFIT_SHARING_HELD, sharer.merchantId())).as("sharer held").isEqualTo(held);
        MerchantClient.Answer balance = sharer.client().get("/api/v1/balance");
        assertThat(balance.status()).as(balance.toString()).isEqualTo(200);
        assertThat(balance.json().path("held").asLong()).isEqualTo(held);
        assertThat(balance.json().path("pending").asLong()).isEqualTo(pending);
    }

    private TradeDTO paidTrade(Merchants.TestMerchant merchant, String notifyUrl) {
        Buyers.Buyer buyer = Buyers.funded(PAID);
        Result<TradeDTO> created = trades.create(new CreateTradeCmd(merchant.merchantId(),
                "PS-" + UUID.randomUUID().toString().substring(0, 24), TradeType.INSTANT, Money.cny(PAID), "profit sharing it",
                buyer.buyerId(), notifyUrl == null ? io.paysuite.it.MerchantSink.notifyUrl() : notifyUrl, null, null, null, null));
        assertThat(created.success()).as(created.code() + " " + created.message()).isTrue();
        var paid = Buyers.pay(created.data().tradeNo(), buyer.buyerId());
        assertThat(paid.success()).as(paid.code() + " " + paid.message()).isTrue();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> trades.get(TradeByNoQry.internal(created.data().tradeNo())).data().status() == TradeStatus.SUCCESS);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> balance(AccountType.MERCHANT_PENDING, merchant.merchantId()) == NET);
        return trades.get(TradeByNoQry.internal(created.data().tradeNo())).data();
    }

    private Merchants.TestMerchant onboardWithTerms(String name) throws Exception {
        Merchants.TestMerchant merchant = Merchants.onboard(name);
        Map<String, Object> terms = new HashMap<>(Map.of("cycle_days", 1, "account_no", "6222020000000006001",
                "account_name", name, "bank_name", "IT Bank", "operator", "sharing-it"));
        HttpResponse<String> set = Merchants.ops(Merchants.base(), "PUT",
                "/ops/api/v1/merchants/" + merchant.merchantId() + "/settlement-terms", JSON.writeValueAsString(terms));
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        return merchant;
    }

    private List<SettlementDTO> settledOf(Merchants.TestMerchant merchant, LocalDate date) {
        return settlements.list(new SettlementQry(merchant.merchantId(), date, date)).data();
    }

    private long balance(AccountType type, String owner) {
        var balance = ledger.balance(new AccountRef(type, owner, "CNY"));
        return balance.success() ? balance.data().balance() : 0;
    }
}
