package io.paysuite.it.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelOrderDTO;
import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.channel.ChargeChannelCmd;
import io.paysuite.api.common.Result;
import io.paysuite.api.recon.DifferenceDTO;
import io.paysuite.api.recon.DifferenceStatus;
import io.paysuite.api.recon.DifferenceType;
import io.paysuite.api.recon.ReconciliationDTO;
import io.paysuite.api.recon.ReconciliationService;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.refund.CreateRefundCmd;
import io.paysuite.api.refund.RefundByNoQry;
import io.paysuite.api.refund.RefundDTO;
import io.paysuite.api.refund.RefundService;
import io.paysuite.api.refund.RefundStatus;
import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradePaymentDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.it.MerchantSink;
import io.paysuite.it.SuiteHarness;
import io.paysuite.it.config.SuiteRules;
import io.paysuite.it.openapi.Buyers;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bank cards have two channels: UnionPay through our first acquirer ({@code UNIONPAY}) and through a second
 * ({@code UNIONPAY_B}, its own merchant number and keys at the sandbox's other ACP front). The routing rules (config
 * center) make the first cheaper, so it is always tried first. A charge the first acquirer definitely refuses for a
 * reason of its own (ACP 31, merchant state) before accepting it is rerouted and paid at the second — once, however many
 * callers repeat it — and booked, refunded and reconciled there. A declined card and a timeout are never rerouted.
 */
class ChannelRerouteIT {

    private static final String RULES = "channel-gateway/routing-rules";

    private final TradeService trades = SuiteHarness.reference(TradeService.class, null);
    private final PayService pay = SuiteHarness.reference(PayService.class, null);
    private final ChannelService channels = SuiteHarness.reference(ChannelService.class, null);
    private final ReconciliationService reconciliations = SuiteHarness.reference(ReconciliationService.class, null);
    private final LedgerService ledger = SuiteHarness.reference(LedgerService.class, null);
    private final String merchant = "M_RR_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
    /** A merchant both rules deny: its refusal shows the rules are in force. */
    private final String probe = "M_RRP_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
    private String buyer;

    @BeforeEach
    void cheaperFirstAcquirer() throws Exception {
        buyer = Buyers.funded(1).buyerId();
        String rules = "[{\"channel\":\"UNIONPAY\",\"method\":\"BANK_CARD\",\"fee_bps\":20,\"merchants_deny\":[\"" + probe + "\"]},"
                + "{\"channel\":\"UNIONPAY_B\",\"method\":\"BANK_CARD\",\"fee_bps\":20,\"fee_fixed_minor\":5000,"
                + "\"merchants_deny\":[\"" + probe + "\"]},"
                + "{\"channel\":\"ALIPAY\",\"method\":\"ALIPAY_QR\"},{\"channel\":\"ALIPAY\",\"method\":\"ALIPAY_CODE\"},"
                + "{\"channel\":\"WECHAT\",\"method\":\"WECHAT_QR\"},{\"channel\":\"WECHAT\",\"method\":\"WECHAT_CODE\"}]";
        SuiteRules.center().publish(RULES, rules);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> "SERVICE_DEGRADED".equals(payByCard(trade(probe, 100), "TOKEN6200000000000000").code()));
    }

    @AfterEach
    void restore() throws Exception {
        try {
            SandboxControl.clearFaults();
        } finally {
            SuiteRules.center().remove(RULES);
        }
    }

    @Test
    void anAcquirersRefusalReroutesToTheOtherAcquirerWhichIsPaidOnceBookedRefundedAndReconciled() throws Exception {
        long firstBefore = clearing(ChannelCode.UNIONPAY);
        long secondBefore = clearing(ChannelCode.UNIONPAY_B);
        SandboxControl.fault("UNIONPAY", "charge", "ERROR", 1.0, "31"); // 商户状态不正确: this acquirer refuses our merchant

        TradeDTO trade = trade(merchant, 8_800);
        PayOrderDTO started = ok(payByCard(trade, "TOKEN6200000000000000"));
        assertThat(started.status()).as("the refusal is not the payment's answer").isNotEqualTo(PayOrderStatus.FAILED);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> current(trade).status() == TradeStatus.SUCCESS);

        ChannelOrderDTO paid = ok(channels.get(started.payOrderNo()));
        String refusedNo = "C" + started.payOrderNo().substring(1);
        assertThat(paid.channel()).isEqualTo(ChannelCode.UNIONPAY_B);
        assertThat(paid.status()).isEqualTo(ChannelOrderStatus.SUCCESS);
        assertThat(paid.channelOrderNo()).isEqualTo(refusedNo + "A1");
        assertThat(SandboxControl.order("UNIONPAY", refusedNo)).as("the first acquirer never accepted it").isNull();
        assertThat(SandboxControl.order("UNIONPAY_B", paid.channelOrderNo()).path("status").asText()).isEqualTo("SUCCESS");
        assertThat(current(trade).payments()).containsExactly(new TradePaymentDTO(PayMethod.BANK_CARD, Money.cny(8_800), "UNIONPAY_B"));
        assertThat(clearing(ChannelCode.UNIONPAY_B) - secondBefore).as("booked where the money is").isEqualTo(8_800);
        assertThat(clearing(ChannelCode.UNIONPAY) - firstBefore).isZero();

        // callers repeating the charge in parallel (pay-core's checks, the result listener) change nothing
        ChargeChannelCmd repeat = new ChargeChannelCmd(started.payOrderNo(), trade.tradeNo(), merchant, PayMethod.BANK_CARD,
                Money.cny(8_800), trade.subject(), trade.timeExpire(), "TOKEN6200000000000000", buyer);
        ExecutorService callers = Executors.newFixedThreadPool(6);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Result<ChannelOrderDTO>>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(callers.submit(() -> {
                    go.await();
                    return channels.charge(repeat);
                }));
            }
            go.countDown();
            for (Future<Result<ChannelOrderDTO>> answer : answers) {
                ChannelOrderDTO same = ok(answer.get(30, TimeUnit.SECONDS));
                assertThat(same.channelOrderNo()).isEqualTo(paid.channelOrderNo());
                assertThat(same.status()).isEqualTo(ChannelOrderStatus.SUCCESS);
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(sandboxOrdersOf("UNIONPAY_B", refusedNo)).as("one charge at the second acquirer").isEqualTo(1);
        assertThat(sandboxOrdersOf("UNIONPAY", refusedNo)).isZero();

        // the refund goes back through the acquirer that took the money
        RefundService refunds = SuiteHarness.reference(RefundService.class, null);
        RefundDTO refund = ok(refunds.refund(new CreateRefundCmd(merchant, trade.tradeNo(), null, "RR-" + UUID.randomUUID(),
                Money.cny(800), "rerouted card refund")));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                .until(() -> ok(refunds.get(new RefundByNoQry(refund.refundNo(), merchant))).status() == RefundStatus.SUCCESS);
        assertThat(SandboxControl.order("UNIONPAY_B", paid.channelOrderNo()).path("refunded_fen").asLong()).isEqualTo(800);
        assertThat(clearing(ChannelCode.UNIONPAY_B) - secondBefore).isEqualTo(8_000);
        assertThat(clearing(ChannelCode.UNIONPAY) - firstBefore).isZero();

        // the second acquirer's own file lists it as we hold it
        LocalDate day = LocalDate.ofInstant(paid.finishedAt(), ZoneId.of("Asia/Shanghai"));
        ReconciliationDTO reconciled = ok(reconciliations.run(ChannelCode.UNIONPAY_B, day));
        List<DifferenceDTO> differences = ok(reconciliations.differences(reconciled.reconciliationId()));
        assertThat(reconciled.billPayments()).isPositive();
        assertThat(differences).noneMatch(d -> paid.channelOrderNo().equals(d.ourNo()) || paid.channelOrderNo().equals(d.channelNo()));
        // this class's rules price UNIONPAY_B at 20 bps + 50.00 a payment to steer the router, which the sandbox's bill
        // does not charge: the day's fee differs from the agreed one, and is flagged as such (one FEE_MISMATCH)
        assertThat(differences).filteredOn(d -> d.status() != DifferenceStatus.RESOLVED)
                .allMatch(d -> d.type() == DifferenceType.PLATFORM_ONLY || d.type() == DifferenceType.FEE_MISMATCH);
    }

    @Test
    void aDeclinedCardIsTheAnswerAndIsNotTriedAtTheOtherAcquirer() throws Exception {
        TradeDTO trade = trade(merchant, 700);
        PayOrderDTO started = ok(payByCard(trade, "TOKEN6200000000001111"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> ok(pay.get(started.payOrderNo())).status() == PayOrderStatus.FAILED);

        ChannelOrderDTO declined = ok(channels.get(started.payOrderNo()));
        String firstNo = "C" + started.payOrderNo().substring(1);
        assertThat(declined.channel()).isEqualTo(ChannelCode.UNIONPAY);
        assertThat(declined.channelOrderNo()).isEqualTo(firstNo);
        assertThat(declined.status()).isEqualTo(ChannelOrderStatus.FAILED);
        assertThat(sandboxOrdersOf("UNIONPAY_B", firstNo)).as("a card's refusal is not retried elsewhere").isZero();
    }

    @Test
    void aTimedOutChargeIsNeverReroutedAndTheFirstAcquirersAnswerFinishesIt() throws Exception {
        long secondBefore = clearing(ChannelCode.UNIONPAY_B);
        SandboxControl.fault("UNIONPAY", "charge", "TIMEOUT", 1.0, null); // applied at UnionPay, the answer held past our timeout
        TradeDTO trade = trade(merchant, 1_200);
        PayOrderDTO started = ok(payByCard(trade, "TOKEN6200000000000000"));
        SandboxControl.clearFaults();
        // PROCESSING — or already SUCCESS: UnionPay settles 2 s after accepting and its notification may finish the
        // order while our charge call still waits for the held answer
        assertThat(started.status()).as("a timeout is not a failure").isIn(PayOrderStatus.PROCESSING, PayOrderStatus.SUCCESS);

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                .until(() -> current(trade).status() == TradeStatus.SUCCESS);
        ChannelOrderDTO paid = ok(channels.get(started.payOrderNo()));
        String firstNo = "C" + started.payOrderNo().substring(1);
        assertThat(paid.channel()).isEqualTo(ChannelCode.UNIONPAY);
        assertThat(paid.channelOrderNo()).isEqualTo(firstNo);
        assertThat(sandboxOrdersOf("UNIONPAY", firstNo)).isEqualTo(1);
        assertThat(sandboxOrdersOf("UNIONPAY_B", firstNo)).as("never charged twice").isZero();
        assertThat(clearing(ChannelCode.UNIONPAY_B) - secondBefore).isZero();
    }

    private Result<PayOrderDTO> payByCard(TradeDTO trade, String token) {
        return pay.pay(new PayCmd(trade.tradeNo(), buyer, PayMethod.BANK_CARD, Buyers.PAY_PASSWORD, "REQ-" + UUID.randomUUID(), token));
    }

    private TradeDTO trade(String merchantId, long amount) {
        return ok(trades.create(new CreateTradeCmd(merchantId, "RR-" + UUID.randomUUID().toString().substring(0, 20),
                TradeType.INSTANT, Money.cny(amount), "reroute it", null, MerchantSink.notifyUrl(), null, null,
                Instant.now().plus(Duration.ofMinutes(30)), List.of(PayMethod.BANK_CARD))));
    }

    private TradeDTO current(TradeDTO trade) {
        return trades.get(TradeByNoQry.internal(trade.tradeNo())).data();
    }

    /** How many orders of the pay order (any attempt) the sandbox's channel holds. */
    private static long sandboxOrdersOf(String channel, String firstNo) throws Exception {
        JsonNode all = SandboxControl.call("GET", "/sandbox/v1/orders/" + channel, null);
        JsonNode list = all.isArray() ? all : all.path("orders");
        return StreamSupport.stream(list.spliterator(), false)
                .filter(o -> o.path("out_trade_no").asText().startsWith(firstNo)).count();
    }

    private long clearing(ChannelCode channel) {
        var balance = ledger.balance(new AccountRef(AccountType.CHANNEL_CLEARING, channel.name(), "CNY"));
        return balance.success() ? balance.data().balance() : 0;
    }

    private static <T> T ok(Result<T> result) {
        assertThat(result.success()).as(result.code() + " " + result.message()).isTrue();
        return result.data();
    }
}
