package io.paysuite.it.money;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.common.Result;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.money.Money;
import io.paysuite.api.refund.CreateRefundCmd;
import io.paysuite.api.refund.RefundByNoQry;
import io.paysuite.api.refund.RefundByOutRefundNoQry;
import io.paysuite.api.refund.RefundDTO;
import io.paysuite.api.refund.RefundStatus;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Refunds of balance payments: partial, full, idempotent, never past the paid amount. */
class RefundIT {

    private final MoneyPath path = new MoneyPath();
    private final String merchant = MoneyPath.merchant("M_REFUND_");

    private TradeDTO paidTrade(String buyer, long amount, TradeType type) {
        TradeDTO trade = path.trade(merchant, buyer, amount, type);
        assertThat(path.payWithBalance(trade.tradeNo(), buyer).success()).isTrue();
        return path.awaitStatus(trade.tradeNo(), TradeStatus.SUCCESS);
    }

    private Result<RefundDTO> refund(TradeDTO trade, String outRefundNo, long minor) {
        return path.refunds.refund(new CreateRefundCmd(merchant, trade.tradeNo(), null, outRefundNo, Money.cny(minor), "it"));
    }

    @Test
    void partialThenFullRefundReturnsTheMoneyAndTheFeeProRata() {
        String buyer = path.buyerWith(10_000);
        TradeDTO trade = paidTrade(buyer, 10_000, TradeType.INSTANT);
        AccountRef fees = new AccountRef(AccountType.PLATFORM_FEE_INCOME, AccountRef.PLATFORM, "CNY");
        AccountRef pending = new AccountRef(AccountType.MERCHANT_PENDING, merchant, "CNY");
        assertThat(path.balance(pending)).isEqualTo(9_940);

        Result<RefundDTO> first = refund(trade, "RF-PART-1", 3_333);
        assertThat(first.success()).as(first.code() + " " + first.message()).isTrue();
        assertThat(first.data().status()).isEqualTo(RefundStatus.SUCCESS);
        assertThat(path.balance(MoneyPath.wallet(buyer))).isEqualTo(3_333);
        // fee refund = floor(60 * 3333 / 10000) = 19
        assertThat(path.balance(pending)).isEqualTo(9_940 - (3_333 - 19));

        Result<RefundDTO> rest = refund(trade, "RF-PART-2", 6_667);
        assertThat(rest.data().status()).isEqualTo(RefundStatus.SUCCESS);
        assertThat(path.balance(MoneyPath.wallet(buyer))).isEqualTo(10_000);
        assertThat(path.balance(pending)).as("a full refund returns exactly the fee charged").isZero();
        assertThat(path.get(trade.tradeNo()).refundedAmount()).isEqualTo(Money.cny(10_000));
        assertThat(refund(trade, "RF-PART-3", 1).code()).isEqualTo("REFUND_AMOUNT_EXCEEDED");
        assertThat(path.ledger.trialBalance("CNY").data().balanced()).isTrue();
        assertThat(fees).isNotNull();
    }

    @Test
    void aRepeatAnswersTheFirstRefundAndOtherContentIsRefused() {
        String buyer = path.buyerWith(5_000);
        TradeDTO trade = paidTrade(buyer, 5_000, TradeType.INSTANT);

        RefundDTO first = refund(trade, "RF-REPEAT-1", 1_000).data();
        RefundDTO again = refund(trade, "RF-REPEAT-1", 1_000).data();

        assertThat(again.refundNo()).isEqualTo(first.refundNo());
        assertThat(refund(trade, "RF-REPEAT-1", 1_001).code()).isEqualTo("OUT_REFUND_NO_USED");
        assertThat(path.balance(MoneyPath.wallet(buyer))).isEqualTo(1_000);
        assertThat(path.refunds.get(new RefundByNoQry(first.refundNo(), merchant)).data().status()).isEqualTo(RefundStatus.SUCCESS);
        assertThat(path.refunds.get(new RefundByNoQry(first.refundNo(), "M_SOMEONE_ELSE")).code()).isEqualTo("REFUND_NOT_FOUND");
        assertThat(path.refunds.getByOutRefundNo(new RefundByOutRefundNoQry(merchant, "RF-REPEAT-1")).data().refundNo())
                .isEqualTo(first.refundNo());
    }

    @Test
    void concurrentRefundsRacingPastThePaidAmountNeverExceedIt() throws Exception {
        String buyer = path.buyerWith(1_000);
        TradeDTO trade = paidTrade(buyer, 1_000, TradeType.INSTANT);
        int racers = 25; // 25 x 100 asked, 1000 paid: exactly 10 may succeed
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(25);
        List<Result<RefundDTO>> results = new ArrayList<>();
        try {
            List<Future<Result<RefundDTO>>> futures = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                String outRefundNo = "RF-RACE-" + i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return refund(trade, outRefundNo, 100);
                }));
            }
            start.countDown();
            for (Future<Result<RefundDTO>> f : futures) {
                results.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }

        long succeeded = results.stream().filter(r -> r.success() && r.data().status() == RefundStatus.SUCCESS).count();
        assertThat(succeeded).isEqualTo(10);
        assertThat(results.stream().filter(r -> !r.success()).map(Result::code)).containsOnly("REFUND_AMOUNT_EXCEEDED");
        assertThat(path.get(trade.tradeNo()).refundedAmount()).isEqualTo(Money.cny(1_000));
        assertThat(path.balance(MoneyPath.wallet(buyer))).isEqualTo(1_000);
    }

    @Test
    void badRefundsReturnTheirCodeAndChangeNothing() {
        String buyer = path.buyerWith(2_000);
        TradeDTO trade = paidTrade(buyer, 2_000, TradeType.INSTANT);
        TradeDTO unpaid = path.trade(merchant, buyer, 2_000, TradeType.INSTANT);

        assertThat(refund(trade, "RF-BAD-0", 0).code()).isEqualTo("PARAM_ERROR");
        assertThat(refund(trade, "RF-BAD-1", -1).code()).isEqualTo("PARAM_ERROR");
        assertThat(refund(trade, "RF-BAD-2", 2_001).code()).isEqualTo("REFUND_AMOUNT_EXCEEDED");
        assertThat(refund(trade, "RF-BAD-3", Long.MAX_VALUE).code()).isEqualTo("REFUND_AMOUNT_EXCEEDED");
        assertThat(path.refunds.refund(new CreateRefundCmd(merchant, trade.tradeNo(), null, "RF-BAD-4", Money.of(100, "USD"), null))
                .code()).isEqualTo("CURRENCY_NOT_SUPPORTED");
        assertThat(path.refunds.refund(new CreateRefundCmd("M_OTHER_MERCHANT", trade.tradeNo(), null, "RF-BAD-5", Money.cny(1), null))
                .code()).isEqualTo("TRADE_NOT_FOUND");
        assertThat(refund(unpaid, "RF-BAD-6", 1).code()).isEqualTo("REFUND_AMOUNT_EXCEEDED");
        assertThat(refund(trade, "bad", 1).code()).isEqualTo("PARAM_ERROR");

        assertThat(path.get(trade.tradeNo()).refundedAmount()).isEqualTo(Money.cny(0));
        assertThat(path.balance(MoneyPath.wallet(buyer))).isZero();
    }

    @Test
    void aRefundBeforeConfirmComesOutOfEscrowAndConfirmReleasesOnlyTheRest() {
        String buyer = path.buyerWith(10_000);
        TradeDTO trade = paidTrade(buyer, 10_000, TradeType.GUARANTEE);
        AccountRef escrow = new AccountRef(AccountType.ESCROW, merchant, "CNY");
        AccountRef pending = new AccountRef(AccountType.MERCHANT_PENDING, merchant, "CNY");

        assertThat(refund(trade, "RF-ESCROW-1", 4_000).data().status()).isEqualTo(RefundStatus.SUCCESS);
        assertThat(path.balance(escrow)).isEqualTo(6_000);
        var confirmed = path.trades.confirm(new io.paysuite.api.trade.ConfirmTradeCmd(trade.tradeNo(), merchant));
        assertThat(confirmed.success()).isTrue();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> path.balance(escrow) == 0);
        assertThat(path.balance(pending)).isEqualTo(6_000 - 36); // 60 bps of 6000
        assertThat(path.balance(MoneyPath.wallet(buyer))).isEqualTo(4_000);

        // the rest, after the release, comes from the merchant with exactly the fee taken at release
        assertThat(refund(trade, "RF-ESCROW-2", 6_000).data().status()).isEqualTo(RefundStatus.SUCCESS);
        assertThat(path.balance(pending)).isZero();
        assertThat(path.balance(MoneyPath.wallet(buyer))).isEqualTo(10_000);
    }
}
