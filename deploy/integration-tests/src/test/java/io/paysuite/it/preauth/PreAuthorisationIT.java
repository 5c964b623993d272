package io.paysuite.it.preauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelOrderDTO;
import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.FeeRateCmd;
import io.paysuite.api.ledger.HoldSettlementCmd;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.pay.PayCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayService;
import io.paysuite.deploy.launcher.ServiceId;
import io.paysuite.it.SuiteHarness;
import io.paysuite.it.channel.SandboxControl;
import io.paysuite.it.cashier.NotificationReceiver;
import io.paysuite.it.cashier.NotificationReceiver.Received;
import io.paysuite.it.killed.HeldRow;
import io.paysuite.it.killed.ServiceKills;
import io.paysuite.it.openapi.Buyers;
import io.paysuite.it.openapi.MerchantClient.Answer;
import io.paysuite.it.openapi.Merchants;
import io.paysuite.it.openapi.Merchants.TestMerchant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pre-authorisation end to end through the open API, against the running suite: paying a
 * {@code PREAUTH} trade from the wallet freezes the money (the buyer's wallet down, nothing to the
 * merchant), a partial capture moves the captured part to the merchant less the fee and gives the
 * rest back, a void gives everything back, a second capture, a capture after a void and an
 * over-capture are refused with their codes and change nothing, ten concurrent captures capture
 * once, the merchant is told {@code TRADE.CAPTURED} / {@code TRADE.VOIDED}, and the trial balance
 * balances. A bound card's authorisation is UnionPay's own pre-auth, and its partial capture UnionPay's
 * completion of the captured part only, which is what a refund of the captured money names. Each method has its own
 * merchant (a merchant's pending is a hot account, applied in batches, so its figures are awaited from zero); one notify_url serves them all.
 */
class PreAuthorisationIT {

    static final int FEE_BPS = 60;
    static final Duration WAIT = Duration.ofSeconds(60);

    static NotificationReceiver receiver;
    static final LedgerService ledger = SuiteHarness.reference(LedgerService.class, null);
    static final ChannelService channels = SuiteHarness.reference(ChannelService.class, null);

    final TestMerchant shop = aMerchantWithAKnownFee();

    @BeforeAll
    static void aNotifyUrl() throws Exception {
        receiver = new NotificationReceiver((id, nth) -> 200);
    }

    static TestMerchant aMerchantWithAKnownFee() {
        TestMerchant merchant = Merchants.onboard("pre-auth shop");
        var rate = ledger.setFeeRate(new FeeRateCmd(merchant.merchantId(), FEE_BPS));
        assertThat(rate.success()).as(rate.message()).isTrue();
        return merchant;
    }

    @AfterAll
    static void stopReceiving() {
        receiver.close();
    }

    @Test
    void aPartialCaptureMovesTheCapturedPartLessFeeToTheMerchantAndTheRestBackToTheBuyerOnce() {
        Buyers.Buyer buyer = Buyers.funded(20_000);
        String tradeNo = authorised(buyer, 10_000);

        assertThat(Buyers.balance(buyer.buyerId())).as("frozen from the wallet").isEqualTo(10_000);
        assertThat(balance().path("pending").asLong()).as("nothing is the merchant's before capture").isZero();
        assertThat(balance().path("held").asLong()).as("held counts pre-auth holds").isEqualTo(10_000);

        Answer captured = capture(tradeNo, 5_000);
        assertThat(captured.status()).as(captured.toString()).isEqualTo(200);
        assertThat(captured.json().path("status").asText()).isEqualTo("CAPTURED");
        assertThat(captured.json().path("authorized_amount").asLong()).isEqualTo(10_000);
        assertThat(captured.json().path("captured_amount").asLong()).isEqualTo(5_000);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> ledger.entryByKey(HoldSettlementCmd.captureKey(tradeNo)).success());
        assertThat(Buyers.balance(buyer.buyerId())).as("the rest released").isEqualTo(15_000);
        awaitPending(5_000 - 30);
        assertThat(balance().path("held").asLong()).isZero();

        assertThat(capture(tradeNo, 5_000).json().path("status").asText()).as("the same capture again").isEqualTo("CAPTURED");
        assertThat(capture(tradeNo, 6_000).code()).isEqualTo("TRADE_CAPTURED");
        Answer voidAfter = shop.client().post("/api/v1/trades/" + tradeNo + "/void", "");
        assertThat(voidAfter.status()).isEqualTo(409);
        assertThat(voidAfter.code()).isEqualTo("TRADE_CAPTURED");
        assertThat(Buyers.balance(buyer.buyerId())).isEqualTo(15_000);
        assertThat(balance().path("pending").asLong()).isEqualTo(5_000 - 30);

        JsonNode notified = awaitOne(tradeNo, "TRADE.CAPTURED");
        assertThat(notified).isEqualTo(shop.client().get("/api/v1/trades/" + tradeNo).json());
        assertThat(ledger.trialBalance("CNY").data().balanced()).isTrue();
    }

    @Test
    void aVoidGivesEverythingBackAndOverCapturesCapturesAfterItAndUnauthorisedTradesAreRefused() {
        Buyers.Buyer buyer = Buyers.funded(5_000);
        String tradeNo = authorised(buyer, 3_000);

        Answer over = capture(tradeNo, 3_001);
        assertThat(over.status()).isEqualTo(409);
        assertThat(over.code()).isEqualTo("CAPTURE_AMOUNT_EXCEEDED");
        assertThat(status(tradeNo)).isEqualTo("AUTHORIZED");

        Answer voided = shop.client().post("/api/v1/trades/" + tradeNo + "/void", "");
        assertThat(voided.status()).as(voided.toString()).isEqualTo(200);
        assertThat(voided.json().path("status").asText()).isEqualTo("VOIDED");
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> Buyers.balance(buyer.buyerId()) == 5_000);
        assertThat(capture(tradeNo, 1_000).code()).isEqualTo("TRADE_VOIDED");
        assertThat(shop.client().post("/api/v1/trades/" + tradeNo + "/void", "").json().path("status").asText())
                .as("a void again").isEqualTo("VOIDED");
        assertThat(balance().path("pending").asLong()).isZero();
        assertThat(balance().path("held").asLong()).isZero();
        assertThat(Buyers.balance(buyer.buyerId())).isEqualTo(5_000);

        String waiting = created("PREAUTH", buyer, 1_000);
        assertThat(capture(waiting, 500).code()).as("not paid yet").isEqualTo("TRADE_NOT_AUTHORIZED");
        String instant = created("INSTANT", buyer, 1_000);
        assertThat(capture(instant, 500).code()).as("not a pre-authorisation").isEqualTo("TRADE_NOT_AUTHORIZED");

        assertThat(awaitOne(tradeNo, "TRADE.VOIDED").path("status").asText()).isEqualTo("VOIDED");
        assertThat(receiver.of(tradeNo, "TRADE.SUCCESS")).as("an authorisation is not a payment to the merchant").isEmpty();
        assertThat(ledger.trialBalance("CNY").data().balanced()).isTrue();
    }

    @Test
    void tenConcurrentCapturesOfOneAuthorisationCaptureOnce() throws Exception {
        Buyers.Buyer buyer = Buyers.funded(4_000);
        String tradeNo = authorised(buyer, 4_000);

        int captures = 10;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(captures);
        List<Future<Answer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < captures; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return capture(tradeNo, 2_000);
                }));
            }
            start.countDown();
            for (Future<Answer> answer : answers) {
                Answer got = answer.get();
                assertThat(got.status()).as(got.toString()).isEqualTo(200);
                assertThat(got.json().path("captured_amount").asLong()).isEqualTo(2_000);
            }
        } finally {
            pool.shutdownNow();
        }
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> Buyers.balance(buyer.buyerId()) == 2_000);
        awaitPending(2_000 - 12);
        awaitOne(tradeNo, "TRADE.CAPTURED");
        assertThat(ledger.trialBalance("CNY").data().balanced()).isTrue();
    }

    @Test
    void aCardAuthorisationIsUnionPaysPreAuthAndAPartialCaptureCompletesOnlyTheCapturedPart() throws Exception {
        Buyers.Buyer buyer = Buyers.funded(1);
        ChannelOrderDTO card = cardAuthorised(buyer, 10_000);
        String tradeNo = card.tradeNo();
        long clearingBefore = clearing(card.channel());

        JsonNode preAuth = SandboxControl.call("GET", "/sandbox/v1/orders/" + card.channel() + "/" + card.channelOrderNo(), null);
        assertThat(preAuth.path("txn_type").asText()).as("UnionPay's pre-auth, not a consume").isEqualTo("02");
        assertThat(Buyers.balance(buyer.buyerId())).as("the wallet never moves").isEqualTo(1);
        assertThat(balance().path("pending").asLong()).as("nothing is the merchant's before capture").isZero();
        assertThat(balance().path("held").asLong()).isEqualTo(10_000);

        Answer captured = capture(tradeNo, 6_000);
        assertThat(captured.status()).as(captured.toString()).isEqualTo(200);
        assertThat(captured.json().path("captured_amount").asLong()).isEqualTo(6_000);
        // posted only once UnionPay's completion settled (asked again until then)
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250))
                .until(() -> ledger.entryByKey(HoldSettlementCmd.captureKey(tradeNo)).success());
        JsonNode completion = SandboxControl.call("GET", "/sandbox/v1/orders/" + card.channel() + "/K" + tradeNo.substring(1), null);
        assertThat(completion.path("txn_type").asText()).isEqualTo("03");
        assertThat(completion.path("amount_fen").asLong()).as("only the captured part is taken").isEqualTo(6_000);
        assertThat(completion.path("status").asText()).isEqualTo("SUCCESS");
        awaitPending(6_000 - 36);
        assertThat(balance().path("held").asLong()).isZero();
        assertThat(clearing(card.channel()) - clearingBefore).as("the channel owes only what it completed, the rest released")
                .isEqualTo(6_000 - 10_000);
        assertThat(capture(tradeNo, 7_000).code()).isEqualTo("TRADE_CAPTURED");
        assertThat(status(tradeNo)).isEqualTo("CAPTURED");
        assertThat(ledger.trialBalance("CNY").data().balanced()).isTrue();
    }

    @Test
    void aCapturedCardAuthorisationIsRefundedThroughItsCompletion() throws Exception {
        ChannelOrderDTO card = cardAuthorised(Buyers.funded(1), 10_000);
        String tradeNo = card.tradeNo();
        assertThat(capture(tradeNo, 6_000).status()).isEqualTo(200);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250))
                .until(() -> ledger.entryByKey(HoldSettlementCmd.captureKey(tradeNo)).success());

        Answer refund = shop.client().post("/api/v1/refunds", Map.of("trade_no", tradeNo, "out_refund_no",
                "PAR-" + UUID.randomUUID().toString().substring(0, 18), "amount", Map.of("refund", 2_500, "currency", "CNY"),
                "reason", "one night less"));
        assertThat(refund.status()).as(refund.toString()).isEqualTo(201);
        String refundNo = refund.json().path("refund_no").asText();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() ->
                "SUCCESS".equals(shop.client().get("/api/v1/refunds/" + refundNo).json().path("status").asText()));

        JsonNode completion = SandboxControl.call("GET", "/sandbox/v1/orders/" + card.channel() + "/K" + tradeNo.substring(1), null);
        assertThat(completion.path("refunded_fen").asLong()).as("UnionPay refunded the completion, which took the money")
                .isEqualTo(2_500);
        assertThat(ledger.trialBalance("CNY").data().balanced()).isTrue();
    }

    /**
     * Issue 15's kill: trade-core has committed {@code CAPTURED} with its event, and its posting of the hold waits in
     * the ledger for the hold's row, when trade-core is killed with SIGKILL. After the restart the capture is posted
     * once (the in-flight posting and the event's consumer share one key), the merchant's repeat of the capture answers
     * the same capture, and the rest goes back to the buyer once.
     */
    @Test
    void aCaptureWhoseTradeCoreIsKilledWhilePostingIsPostedOnceAndAnsweredTheSameWhenRepeated() throws Exception {
        Buyers.Buyer buyer = Buyers.funded(20_000);
        String tradeNo = authorised(buyer, 10_000);
        ExecutorService one = Executors.newSingleThreadExecutor();
        try (HeldRow hold = HeldRow.account(new AccountRef(AccountType.PREAUTH_HOLD, shop.merchantId(), "CNY"))) {
            one.submit(() -> capture(tradeNo, 5_000));
            hold.awaitWaiter(); // the trade's end is committed; the ledger's entry waits for the hold's row
            ServiceKills.kill(ServiceId.TRADE_CORE);
        } finally {
            one.shutdownNow();
            ServiceKills.running(ServiceId.TRADE_CORE);
        }
        Answer repeated = capture(tradeNo, 5_000);
        assertThat(repeated.status()).as(repeated.toString()).isEqualTo(200);
        assertThat(repeated.json().path("status").asText()).isEqualTo("CAPTURED");
        assertThat(repeated.json().path("captured_amount").asLong()).isEqualTo(5_000);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> ledger.entryByKey(HoldSettlementCmd.captureKey(tradeNo)).success());
        assertThat(Buyers.balance(buyer.buyerId())).as("the rest released once").isEqualTo(15_000);
        awaitPending(5_000 - 30);
        assertThat(balance().path("held").asLong()).as("no hold left").isZero();
        assertThat(capture(tradeNo, 6_000).code()).isEqualTo("TRADE_CAPTURED");
        assertThat(ledger.trialBalance("CNY").data().balanced()).isTrue();
    }

    /** A PREAUTH trade paid with a bound card (UnionPay's pre-auth), once trade-core says AUTHORIZED: its channel order. */
    private ChannelOrderDTO cardAuthorised(Buyers.Buyer buyer, long total) {
        String tradeNo = created("PREAUTH", buyer, total);
        var paid = SuiteHarness.reference(PayService.class, null).pay(new PayCmd(tradeNo, buyer.buyerId(), PayMethod.BANK_CARD,
                Buyers.PAY_PASSWORD, "REQ-" + UUID.randomUUID(), "TOKEN6200000000000000"));
        assertThat(paid.success()).as(paid.code() + " " + paid.message()).isTrue();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> "AUTHORIZED".equals(status(tradeNo)));
        return channels.get(paid.data().payOrderNo()).data();
    }

    private long clearing(ChannelCode channel) {
        var balance = ledger.balance(new AccountRef(AccountType.CHANNEL_CLEARING, channel.name(), "CNY"));
        return balance.success() ? balance.data().balance() : 0;
    }

    /** A PREAUTH trade paid from the buyer's wallet, as the cashier pays it, once trade-core says AUTHORIZED. */
    private String authorised(Buyers.Buyer buyer, long total) {
        String tradeNo = created("PREAUTH", buyer, total);
        var paid = Buyers.pay(tradeNo, buyer.buyerId());
        assertThat(paid.success()).as(paid.code() + " " + paid.message()).isTrue();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> "AUTHORIZED".equals(status(tradeNo)));
        JsonNode trade = shop.client().get("/api/v1/trades/" + tradeNo).json();
        assertThat(trade.path("authorized_amount").asLong()).isEqualTo(total);
        assertThat(trade.path("captured_amount").asLong()).isZero();
        return tradeNo;
    }

    private String created(String type, Buyers.Buyer buyer, long total) {
        Map<String, Object> trade = Map.of("out_trade_no", "PA-" + UUID.randomUUID().toString().substring(0, 18),
                "trade_type", type, "amount", Map.of("total", total, "currency", "CNY"), "subject", "pre-auth it",
                "buyer_id", buyer.buyerId(), "notify_url", receiver.url());
        Answer created = shop.client().post("/api/v1/trades", trade);
        for (int repeat = 0; created.status() >= 500 && repeat < 3; repeat++) {
            created = shop.client().post("/api/v1/trades", trade); // unknown outcome: the same create again is safe
        }
        assertThat(created.status()).as(created.toString()).isIn(200, 201);
        return created.json().path("trade_no").asText();
    }

    private Answer capture(String tradeNo, long amount) {
        return shop.client().post("/api/v1/trades/" + tradeNo + "/capture",
                Map.of("amount", Map.of("capture", amount, "currency", "CNY")));
    }

    private String status(String tradeNo) {
        return shop.client().get("/api/v1/trades/" + tradeNo).json().path("status").asText();
    }

    private JsonNode balance() {
        Answer answer = shop.client().get("/api/v1/balance");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    /** The merchant's pending reaches {@code expected} (a hot account: its balance follows its lines in batches). */
    private void awaitPending(long expected) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> balance().path("pending").asLong() == expected);
    }

    /** The one notification of this type for the trade, its resource. */
    private JsonNode awaitOne(String tradeNo, String eventType) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> !receiver.of(tradeNo, eventType).isEmpty());
        List<Received> got = receiver.of(tradeNo, eventType);
        assertThat(got).as(eventType + " of " + tradeNo).hasSize(1);
        return got.get(0).json().path("resource");
    }
}
