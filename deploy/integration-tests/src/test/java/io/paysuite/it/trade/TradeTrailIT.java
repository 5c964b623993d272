package io.paysuite.it.trade;

import io.paysuite.it.MerchantSink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paysuite.api.common.Result;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.ledger.PostingCmd;
import io.paysuite.api.ledger.PostingLine;
import io.paysuite.api.member.BuyerDTO;
import io.paysuite.api.member.MemberService;
import io.paysuite.api.member.RegisterBuyerCmd;
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
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradePaymentDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.api.trail.TrailEventDTO;
import io.paysuite.it.SuiteHarness;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * A trade's payment methods, how it was paid, and its trail as trade-core, pay-core and the ledger
 * each tell it, over Dubbo: create with [BALANCE], pay from the wallet, refund part of it.
 */
class TradeTrailIT {

    static final String PAY_PASSWORD = "135790";

    private final TradeService trades = SuiteHarness.reference(TradeService.class, null);
    private final PayService pay = SuiteHarness.reference(PayService.class, null);
    private final RefundService refunds = SuiteHarness.reference(RefundService.class, null);
    private final MemberService members = SuiteHarness.reference(MemberService.class, null);
    private final LedgerService ledger = SuiteHarness.reference(LedgerService.class, null);
    private final String merchant = "M_TRAIL_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();

    @Test
    void aPaidAndPartlyRefundedTradeShowsHowItWasPaidAndEveryServicesTrail() {
        String buyer = buyerWith(5_000);
        String outTradeNo = "TRAIL-" + UUID.randomUUID().toString().substring(0, 20);
        CreateTradeCmd create = new CreateTradeCmd(merchant, outTradeNo, TradeType.INSTANT, Money.cny(2_000), "trail it",
                buyer, MerchantSink.notifyUrl(), null, null, null, List.of(PayMethod.BALANCE));

        Result<TradeDTO> created = trades.create(create);
        assertThat(created.success()).as(created.code() + " " + created.message()).isTrue();
        String tradeNo = created.data().tradeNo();
        assertThat(created.data().paymentMethods()).containsExactly(PayMethod.BALANCE);
        assertThat(created.data().payments()).isEmpty();

        Result<PayOrderDTO> paid = pay.pay(new PayCmd(tradeNo, buyer, PayMethod.BALANCE, PAY_PASSWORD, "REQ-" + UUID.randomUUID()));
        assertThat(paid.success()).as(paid.code() + " " + paid.message()).isTrue();
        assertThat(paid.data().status()).isEqualTo(PayOrderStatus.SUCCESS);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> get(tradeNo).status() == TradeStatus.SUCCESS);

        TradeDTO trade = get(tradeNo);
        assertThat(trade.paymentMethods()).containsExactly(PayMethod.BALANCE);
        assertThat(trade.payments()).containsExactly(
                new TradePaymentDTO(PayMethod.BALANCE, Money.cny(2_000), TradePaymentDTO.WALLET_CHANNEL));
        assertThat(trade.payerId()).isEqualTo(buyer);

        Result<RefundDTO> refunded = refunds.refund(new CreateRefundCmd(merchant, tradeNo, null, "RF-TRAIL-1", Money.cny(500), "it"));
        assertThat(refunded.success()).as(refunded.code() + " " + refunded.message()).isTrue();
        assertThat(refunded.data().status()).isEqualTo(RefundStatus.SUCCESS);

        List<TrailEventDTO> tradeTrail = ok(trades.trail(tradeNo));
        assertThat(tradeTrail).extracting(TrailEventDTO::type).containsExactly(
                "TRADE_CREATED", "TRADE_PAYING", "TRADE_SUCCEEDED", "REFUND_ACCEPTED", "REFUND_SUCCEEDED");
        assertThat(tradeTrail).extracting(TrailEventDTO::source).containsOnly("trade-core");
        assertThat(tradeTrail).extracting(TrailEventDTO::at).isSorted();
        assertThat(tradeTrail.get(2).detail()).contains("payment BALANCE 2000 CNY PAYSUITE").doesNotContain("merchant.example");

        List<TrailEventDTO> payTrail = ok(pay.trail(tradeNo));
        assertThat(payTrail).extracting(TrailEventDTO::type).containsExactly("PAY_ORDER_OPENED", "PAY_ORDER_SUCCESS");
        assertThat(payTrail).extracting(TrailEventDTO::reference).containsOnly(paid.data().payOrderNo());

        List<TrailEventDTO> ledgerTrail = ok(ledger.trail(tradeNo));
        assertThat(ledgerTrail).extracting(TrailEventDTO::type).containsExactly("JOURNAL_PAYMENT", "JOURNAL_REFUND");
        assertThat(ledgerTrail.get(0).detail()).startsWith("D buyer wallet " + buyer + " 2000 / C merchant pending " + merchant);
        assertThat(ledgerTrail.get(1).detail()).endsWith("C buyer wallet " + buyer + " 500");

        assertThat(ok(trades.create(create)).tradeNo()).as("a repeat answers the first trade").isEqualTo(tradeNo);
        CreateTradeCmd otherMethods = new CreateTradeCmd(merchant, outTradeNo, TradeType.INSTANT, Money.cny(2_000), "trail it",
                buyer, MerchantSink.notifyUrl(), null, null, null, List.of(PayMethod.BALANCE, PayMethod.WECHAT_QR));
        assertThat(trades.create(otherMethods).code()).isEqualTo("OUT_TRADE_NO_USED");
    }

    @Test
    void aMethodTheMerchantDidNotAllowIsRefusedAndNothingIsCharged() {
        String buyer = buyerWith(5_000);
        CreateTradeCmd qrOnly = new CreateTradeCmd(merchant, "QRONLY-" + UUID.randomUUID().toString().substring(0, 20),
                TradeType.INSTANT, Money.cny(1_000), "qr only", buyer, MerchantSink.notifyUrl(), null, null, null,
                List.of(PayMethod.WECHAT_QR));
        String tradeNo = ok(trades.create(qrOnly)).tradeNo();
        var refused = pay.pay(new PayCmd(tradeNo, buyer, PayMethod.BALANCE, PAY_PASSWORD, "REQ-" + UUID.randomUUID()));
        assertThat(refused.code()).isEqualTo("PARAM_ERROR");
        assertThat(refused.message()).contains("not allowed");
        assertThat(get(tradeNo).status()).isEqualTo(TradeStatus.WAIT_PAY);
        assertThat(ok(ledger.balance(new AccountRef(AccountType.BUYER_WALLET, buyer, "CNY"))).balance()).isEqualTo(5_000);
        assertThat(ok(pay.trail(tradeNo))).isEmpty();
    }

    @Test
    void theTrailOfAnUnknownTradeIsNotFoundWhileThePayAndLedgerTrailsAreEmpty() {
        assertThat(trades.trail("T2026010100000000000000001").code()).isEqualTo("TRADE_NOT_FOUND");
        assertThat(ok(pay.trail("T2026010100000000000000001"))).isEmpty();
        assertThat(ok(ledger.trail("T2026010100000000000000001"))).isEmpty();
    }

    private TradeDTO get(String tradeNo) {
        return ok(trades.get(TradeByNoQry.internal(tradeNo)));
    }

    private static <T> T ok(Result<T> result) {
        assertThat(result.success()).as(result.code() + " " + result.message()).isTrue();
        return result.data();
    }

    /** A registered buyer whose wallet the platform funded with {@code minor}. */
    private String buyerWith(long minor) {
        String phone = "138" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String buyerId = ok(members.registerBuyer(new RegisterBuyerCmd(phone, "Passw0rd-it", PAY_PASSWORD, "trail buyer"))).buyerId();
        ok(ledger.post(new PostingCmd("FUND-" + UUID.randomUUID(), "FUNDING", buyerId, "CNY", List.of(
                new PostingLine(new AccountRef(AccountType.PLATFORM_FUNDING, AccountRef.PLATFORM, "CNY"), AccountType.Side.DEBIT, minor),
                new PostingLine(new AccountRef(AccountType.BUYER_WALLET, buyerId, "CNY"), AccountType.Side.CREDIT, minor)),
                "it funding")));
        return buyerId;
    }
}
