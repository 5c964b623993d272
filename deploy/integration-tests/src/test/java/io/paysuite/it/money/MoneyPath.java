package io.paysuite.it.money;

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
import io.paysuite.api.pay.PayService;
import io.paysuite.api.refund.RefundService;
import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.it.SuiteHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The money path as an internal consumer sees it over Dubbo, with helpers the money ITs share. */
final class MoneyPath {

    static final String PASSWORD = "Passw0rd-it";
    static final String PAY_PASSWORD = "135790";

    final TradeService trades = SuiteHarness.reference(TradeService.class, null);
    final PayService pay = SuiteHarness.reference(PayService.class, null);
    final RefundService refunds = SuiteHarness.reference(RefundService.class, null);
    final MemberService members = SuiteHarness.reference(MemberService.class, null);
    final LedgerService ledger = SuiteHarness.reference(LedgerService.class, null);

    /** A fresh merchant id: the tests share one database per run. */
    static String merchant(String prefix) {
        return prefix + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
    }

    /** A registered buyer whose wallet holds {@code walletMinor}, funded by the platform. */
    String buyerWith(long walletMinor) {
        String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        Result<BuyerDTO> buyer = members.registerBuyer(new RegisterBuyerCmd(phone, PASSWORD, PAY_PASSWORD, "it buyer"));
        assertThat(buyer.success()).as(buyer.message()).isTrue();
        String buyerId = buyer.data().buyerId();
        if (walletMinor > 0) {
            fund(buyerId, walletMinor);
        }
        return buyerId;
    }

    void fund(String buyerId, long minor) {
        var posted = ledger.post(new PostingCmd("FUND-" + UUID.randomUUID(), "FUNDING", buyerId, "CNY", List.of(
                new PostingLine(new AccountRef(AccountType.PLATFORM_FUNDING, AccountRef.PLATFORM, "CNY"), AccountType.Side.DEBIT, minor),
                new PostingLine(wallet(buyerId), AccountType.Side.CREDIT, minor)), "it funding"));
        assertThat(posted.success()).as(posted.message()).isTrue();
    }

    static AccountRef wallet(String buyerId) {
        return new AccountRef(AccountType.BUYER_WALLET, buyerId, "CNY");
    }

    /** An account's balance on its normal side; 0 for an account never posted to. */
    long balance(AccountRef account) {
        var balance = ledger.balance(account);
        if (!balance.success()) {
            assertThat(balance.code()).isEqualTo("ACCOUNT_NOT_FOUND");
            return 0;
        }
        return balance.data().balance();
    }

    TradeDTO trade(String merchantId, String buyerId, long minor, TradeType type) {
        return trade(merchantId, "IT-" + UUID.randomUUID().toString().substring(0, 20), buyerId, minor, type, null);
    }

    TradeDTO trade(String merchantId, String outTradeNo, String buyerId, long minor, TradeType type, Instant expire) {
        Result<TradeDTO> created = trades.create(new CreateTradeCmd(merchantId, outTradeNo, type, Money.cny(minor),
                "money path it", buyerId, MerchantSink.notifyUrl(), null, null, expire));
        assertThat(created.success()).as(created.code() + " " + created.message()).isTrue();
        return created.data();
    }

    Result<PayOrderDTO> payWithBalance(String tradeNo, String buyerId) {
        return pay.pay(new PayCmd(tradeNo, buyerId, PayMethod.BALANCE, PAY_PASSWORD, "REQ-" + UUID.randomUUID()));
    }

    TradeDTO get(String tradeNo) {
        return trades.get(TradeByNoQry.internal(tradeNo)).data();
    }

    /** Waits (polling, with a deadline) for the trade to reach {@code status}: it follows PAY_SUCCEEDED asynchronously. */
    TradeDTO awaitStatus(String tradeNo, TradeStatus status) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> get(tradeNo).status() == status);
        return get(tradeNo);
    }
}
