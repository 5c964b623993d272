package io.paysuite.it.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelOrderDTO;
import io.paysuite.api.channel.ChannelService;
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
import io.paysuite.it.openapi.Buyers;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * A bound bank card charged through UnionPay's ACP token payment (the sandbox decides by the
 * token: …0000 settles, …1111 is declined for funds): the consume is accepted, not paid, and the
 * result arrives by UnionPay's signed notification or the query; the Paysuite payment password
 * guards it, and a wrong one sends nothing.
 */
class BankCardIT {

    private final TradeService trades = SuiteHarness.reference(TradeService.class, null);
    private final PayService pay = SuiteHarness.reference(PayService.class, null);
    private final ChannelService channels = SuiteHarness.reference(ChannelService.class, null);
    private final ReconciliationService reconciliations = SuiteHarness.reference(ReconciliationService.class, null);
    private final LedgerService ledger = SuiteHarness.reference(LedgerService.class, null);
    private final String merchant = "M_CARD_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();

    @Test
    void aBoundCardPaysOnceUnionPaySettlesAndADeclinedCardGivesTheTradeBack() {
        String buyer = Buyers.funded(1).buyerId();
        long clearingBefore = clearing();
        TradeDTO trade = newTrade(6_600);

        Result<PayOrderDTO> wrongPassword = pay.pay(new PayCmd(trade.tradeNo(), buyer, PayMethod.BANK_CARD, "000000",
                "REQ-" + UUID.randomUUID(), "TOKEN6200000000000000"));
        assertThat(wrongPassword.code()).isEqualTo("PAY_PASSWORD_WRONG");

        PayOrderDTO started = ok(pay.pay(new PayCmd(trade.tradeNo(), buyer, PayMethod.BANK_CARD, Buyers.PAY_PASSWORD,
                "REQ-" + UUID.randomUUID(), "TOKEN6200000000000000")));
        assertThat(started.status()).as("accepted by UnionPay is not paid yet").isIn(PayOrderStatus.PROCESSING, PayOrderStatus.SUCCESS);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> trades.get(TradeByNoQry.internal(trade.tradeNo())).data().status() == TradeStatus.SUCCESS);
        ChannelOrderDTO card = ok(channels.get(started.payOrderNo()));
        // either acquirer may rank first (fees and live failure rates decide); the payment is booked where it was taken
        assertThat(card.channel()).isIn(ChannelCode.UNIONPAY, ChannelCode.UNIONPAY_B);
        assertThat(trades.get(TradeByNoQry.internal(trade.tradeNo())).data().payments())
                .containsExactly(new TradePaymentDTO(PayMethod.BANK_CARD, Money.cny(6_600), card.channel().name()));
        assertThat(clearing() - clearingBefore).isEqualTo(6_600);

        // part of it back to the card: accepted by UnionPay first, settled later, found by the refund saga's retries
        RefundService refunds = SuiteHarness.reference(RefundService.class, null);
        RefundDTO refund = ok(refunds.refund(new CreateRefundCmd(merchant, trade.tradeNo(), null, "CR-" + UUID.randomUUID(),
                Money.cny(1_600), "returned to the card")));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                .until(() -> ok(refunds.get(new RefundByNoQry(refund.refundNo(), merchant))).status() == RefundStatus.SUCCESS);
        assertThat(clearing() - clearingBefore).as("UnionPay keeps what was not refunded").isEqualTo(5_000);

        TradeDTO declined = newTrade(700);
        PayOrderDTO refused = ok(pay.pay(new PayCmd(declined.tradeNo(), buyer, PayMethod.BANK_CARD, Buyers.PAY_PASSWORD,
                "REQ-" + UUID.randomUUID(), "TOKEN6200000000001111")));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> ok(pay.get(refused.payOrderNo())).status() == PayOrderStatus.FAILED);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> trades.get(TradeByNoQry.internal(declined.tradeNo())).data().status() == TradeStatus.WAIT_PAY);
        assertThat(clearing() - clearingBefore).as("nothing posted for the declined card").isEqualTo(5_000);

        // UnionPay's file of the day lists the card payment as we hold it (orders of earlier local runs aside)
        LocalDate day = LocalDate.ofInstant(card.finishedAt() != null ? card.finishedAt()
                : ok(channels.get(started.payOrderNo())).finishedAt(), ZoneId.of("Asia/Shanghai"));
        ReconciliationDTO reconciled = ok(reconciliations.run(card.channel(), day));
        List<DifferenceDTO> differences = ok(reconciliations.differences(reconciled.reconciliationId()));
        String ours = ok(channels.get(started.payOrderNo())).channelOrderNo();
        assertThat(reconciled.billPayments()).isPositive();
        // nothing about our payment; what is still open (orders of earlier local runs) is only ours, never the channel's
        assertThat(differences).noneMatch(d -> ours.equals(d.ourNo()) || ours.equals(d.channelNo()));
        assertThat(differences).filteredOn(d -> d.status() != DifferenceStatus.RESOLVED)
                .allMatch(d -> d.type() == DifferenceType.PLATFORM_ONLY);
    }

    private TradeDTO newTrade(long amount) {
        return ok(trades.create(new CreateTradeCmd(merchant, "CARD-" + UUID.randomUUID().toString().substring(0, 20),
                TradeType.INSTANT, Money.cny(amount), "bank card it", null, MerchantSink.notifyUrl(), null, null,
                Instant.now().plus(Duration.ofMinutes(30)), List.of(PayMethod.BANK_CARD))));
    }

    /** What the card acquirers owe us together. */
    private long clearing() {
        long owed = 0;
        for (ChannelCode acquirer : List.of(ChannelCode.UNIONPAY, ChannelCode.UNIONPAY_B)) {
            var balance = ledger.balance(new AccountRef(AccountType.CHANNEL_CLEARING, acquirer.name(), "CNY"));
            owed += balance.success() ? balance.data().balance() : 0;
        }
        return owed;
    }

    private static <T> T ok(Result<T> result) {
        assertThat(result.success()).as(result.code() + " " + result.message()).isTrue();
        return result.data();
    }
}
