package io.paysuite.it.money;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.common.Result;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.api.trade.CloseTradeCmd;
import io.paysuite.api.trade.ConfirmTradeCmd;
import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Balance payments across trade-core, pay-core, member-service and accounting-service. */
class BalancePaymentIT {

    private final MoneyPath path = new MoneyPath();
    private final String merchant = MoneyPath.merchant("M_PAY_");

    @Test
    void aBalancePaymentPostsOneEntryAndTheTradeFollowsToSuccess() {
        String buyer = path.buyerWith(10_000);
        TradeDTO trade = path.trade(merchant, buyer, 1_000, TradeType.INSTANT);

        Result<PayOrderDTO> paid = path.payWithBalance(trade.tradeNo(), buyer);

        assertThat(paid.success()).as(paid.code() + " " + paid.message()).isTrue();
        assertThat(paid.data().status()).isEqualTo(PayOrderStatus.SUCCESS);
        TradeDTO after = path.awaitStatus(trade.tradeNo(), TradeStatus.SUCCESS);
        assertThat(after.paidAmount()).isEqualTo(Money.cny(1_000));
        assertThat(after.paidAt()).isNotNull();
        assertThat(path.balance(MoneyPath.wallet(buyer))).isEqualTo(9_000);
        assertThat(path.ledger.entryByKey(paid.data().payOrderNo()).success()).isTrue();
        // fee at the default 60 bps: 6 of 1000 to the platform, 994 pending for the merchant
        assertThat(path.balance(new AccountRef(AccountType.MERCHANT_PENDING, merchant, "CNY"))).isEqualTo(994);
        assertThat(path.ledger.trialBalance("CNY").data().balanced()).isTrue();
    }

    @Test
    void hundredConcurrentPayAttemptsOnOneTradeSucceedExactlyOnce() throws Exception {
        String buyer = path.buyerWith(1_000_000);
        TradeDTO trade = path.trade(merchant, buyer, 2_500, TradeType.INSTANT);
        int attempts = 100;
        CountDownLatch start = new CountDownLatch(1);
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        List<PayOrderDTO> succeeded = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<Result<PayOrderDTO>>> results = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return path.payWithBalance(trade.tradeNo(), buyer);
                }));
            }
            start.countDown();
            for (Future<Result<PayOrderDTO>> f : results) {
                Result<PayOrderDTO> r = f.get();
                String key = r.success() ? r.data().status().name() : r.code();
                outcomes.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                if (r.success() && r.data().status() == PayOrderStatus.SUCCESS) {
                    succeeded.add(r.data());
                }
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(succeeded).as("outcomes %s", outcomes).hasSize(1);
        assertThat(outcomes.keySet()).as("every other attempt is refused as paying or paid").allMatch(
                k -> k.equals("SUCCESS") || k.equals("TRADE_PAYING") || k.equals("TRADE_PAID"));
        path.awaitStatus(trade.tradeNo(), TradeStatus.SUCCESS);
        assertThat(path.balance(MoneyPath.wallet(buyer))).as("the wallet is debited once").isEqualTo(1_000_000 - 2_500);
        assertThat(path.ledger.entryByKey(succeeded.get(0).payOrderNo()).success()).isTrue();
    }

    @Test
    void insufficientBalanceFailsThePayOrderAndTheTradeWaitsForPaymentAgain() {
        String buyer = path.buyerWith(500);
        TradeDTO trade = path.trade(merchant, buyer, 800, TradeType.INSTANT);

        Result<PayOrderDTO> refused = path.payWithBalance(trade.tradeNo(), buyer);

        assertThat(refused.code()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(path.get(trade.tradeNo()).status()).isEqualTo(TradeStatus.WAIT_PAY);
        assertThat(path.balance(MoneyPath.wallet(buyer))).isEqualTo(500);

        path.fund(buyer, 300);
        Result<PayOrderDTO> second = path.payWithBalance(trade.tradeNo(), buyer);
        assertThat(second.data().status()).isEqualTo(PayOrderStatus.SUCCESS);
        path.awaitStatus(trade.tradeNo(), TradeStatus.SUCCESS);
        assertThat(path.balance(MoneyPath.wallet(buyer))).isZero();
    }

    @Test
    void refusedPaymentsReturnTheirCodeAndChangeNothing() {
        String buyer = path.buyerWith(10_000);
        String other = path.buyerWith(10_000);
        TradeDTO trade = path.trade(merchant, buyer, 1_000, TradeType.INSTANT);

        assertThat(path.pay.pay(new PayCmd(trade.tradeNo(), buyer, PayMethod.BALANCE, "000000", "REQ-wrong-pwd")).code())
                .isEqualTo("PAY_PASSWORD_WRONG");
        assertThat(path.payWithBalance(trade.tradeNo(), "U999999999").code()).isIn("BUYER_NOT_FOUND", "BUYER_MISMATCH");
        assertThat(path.payWithBalance(trade.tradeNo(), other).code()).isEqualTo("BUYER_MISMATCH");
        assertThat(path.payWithBalance("T0000000000000000000000000", buyer).code()).isEqualTo("TRADE_NOT_FOUND");
        assertThat(path.pay.pay(new PayCmd(trade.tradeNo(), buyer, PayMethod.BALANCE, MoneyPath.PAY_PASSWORD, "x")).code())
                .isEqualTo("PARAM_ERROR");
        assertThat(path.get(trade.tradeNo()).status()).isEqualTo(TradeStatus.WAIT_PAY);

        assertThat(path.trades.close(new CloseTradeCmd(trade.tradeNo(), merchant)).success()).isTrue();
        assertThat(path.payWithBalance(trade.tradeNo(), buyer).code()).isEqualTo("TRADE_CLOSED");
        assertThat(path.balance(MoneyPath.wallet(buyer))).isEqualTo(10_000);
        assertThat(path.balance(MoneyPath.wallet(other))).isEqualTo(10_000);
    }

    @Test
    void badAmountsAndCurrenciesAreRefusedAtCreationAndWriteNothing() {
        for (long amount : new long[] {0, -1, Long.MIN_VALUE}) {
            var created = path.trades.create(new CreateTradeCmd(merchant, "BAD-AMOUNT-" + (amount == 0 ? "Z" : "N" + Math.abs(amount % 7)),
                    TradeType.INSTANT, Money.cny(amount), "bad", null, "https://merchant.example/n", null, null, null));
            assertThat(created.code()).as("amount %d", amount).isEqualTo("PARAM_ERROR");
        }
        var usd = path.trades.create(new CreateTradeCmd(merchant, "BAD-CURRENCY", TradeType.INSTANT, Money.of(100, "USD"),
                "bad", null, "https://merchant.example/n", null, null, null));
        assertThat(usd.success()).isFalse();
        assertThat(usd.code()).isIn("PARAM_ERROR", "CURRENCY_NOT_SUPPORTED");
        assertThat(path.trades.getByOutTradeNo(new io.paysuite.api.trade.TradeByOutTradeNoQry(merchant, "BAD-CURRENCY")).code())
                .isEqualTo("TRADE_NOT_FOUND");
    }

    @Test
    void hundredConcurrentCreatesWithOneOutTradeNoMakeOneTrade() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Result<TradeDTO>>> results = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                Callable<Result<TradeDTO>> create = () -> {
                    start.await();
                    return path.trades.create(new CreateTradeCmd(merchant, "SAME-ORDER-1", TradeType.INSTANT, Money.cny(4_200),
                            "one order", null, "https://merchant.example/n", null, null, null));
                };
                results.add(pool.submit(create));
            }
            start.countDown();
            java.util.Set<String> tradeNos = new java.util.HashSet<>();
            for (Future<Result<TradeDTO>> f : results) {
                Result<TradeDTO> r = f.get();
                assertThat(r.success()).as(r.code() + " " + r.message()).isTrue();
                tradeNos.add(r.data().tradeNo());
            }
            assertThat(tradeNos).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        var different = path.trades.create(new CreateTradeCmd(merchant, "SAME-ORDER-1", TradeType.INSTANT, Money.cny(4_201),
                "one order", null, "https://merchant.example/n", null, null, null));
        assertThat(different.code()).isEqualTo("OUT_TRADE_NO_USED");
    }

    @Test
    void aGuaranteeTradeHoldsTheMoneyInEscrowUntilConfirmReleasesItLessTheFee() {
        String buyer = path.buyerWith(20_000);
        TradeDTO trade = path.trade(merchant, buyer, 10_000, TradeType.GUARANTEE);
        AccountRef escrow = new AccountRef(AccountType.ESCROW, merchant, "CNY");
        AccountRef pending = new AccountRef(AccountType.MERCHANT_PENDING, merchant, "CNY");

        assertThat(path.trades.confirm(new ConfirmTradeCmd(trade.tradeNo(), merchant)).code()).isEqualTo("TRADE_NOT_CONFIRMABLE");
        assertThat(path.payWithBalance(trade.tradeNo(), buyer).data().status()).isEqualTo(PayOrderStatus.SUCCESS);
        path.awaitStatus(trade.tradeNo(), TradeStatus.SUCCESS);
        assertThat(path.balance(escrow)).isEqualTo(10_000);
        assertThat(path.balance(pending)).isZero();

        Result<TradeDTO> confirmed = path.trades.confirm(new ConfirmTradeCmd(trade.tradeNo(), merchant));
        assertThat(confirmed.success()).as(confirmed.code() + " " + confirmed.message()).isTrue();
        assertThat(confirmed.data().status()).isEqualTo(TradeStatus.FINISHED);
        assertThat(path.trades.confirm(new ConfirmTradeCmd(trade.tradeNo(), merchant)).data().status())
                .as("confirm is idempotent").isEqualTo(TradeStatus.FINISHED);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> path.balance(pending) == 9_940);
        assertThat(path.balance(escrow)).isZero();
        assertThat(path.trades.confirm(new ConfirmTradeCmd(path.trade(merchant, buyer, 100, TradeType.INSTANT).tradeNo(),
                merchant)).code()).isEqualTo("TRADE_NOT_CONFIRMABLE");
    }
}
