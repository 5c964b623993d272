package io.paysuite.it.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.common.Result;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.ledger.PostingCmd;
import io.paysuite.api.ledger.PostingLine;
import io.paysuite.api.member.BuyerDTO;
import io.paysuite.api.member.MemberService;
import io.paysuite.api.member.RegisterBuyerCmd;
import io.paysuite.api.pay.PayCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayService;
import io.paysuite.it.SuiteHarness;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Funded buyers and balance payments over Dubbo, as the cashier would make them. */
public final class Buyers {

    public static final String PASSWORD = "Passw0rd-it";
    public static final String PAY_PASSWORD = "135790";

    private Buyers() {
    }

    public record Buyer(String buyerId, String phone) {
    }

    public static Buyer funded(long minor) {
        String phone = "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        Result<BuyerDTO> buyer = SuiteHarness.reference(MemberService.class, null)
                .registerBuyer(new RegisterBuyerCmd(phone, PASSWORD, PAY_PASSWORD, "it buyer"));
        assertThat(buyer.success()).as(buyer.message()).isTrue();
        String buyerId = buyer.data().buyerId();
        var posted = SuiteHarness.reference(LedgerService.class, null).post(new PostingCmd("FUND-" + UUID.randomUUID(), "FUNDING",
                buyerId, "CNY", List.of(
                new PostingLine(new AccountRef(AccountType.PLATFORM_FUNDING, AccountRef.PLATFORM, "CNY"), AccountType.Side.DEBIT, minor),
                new PostingLine(wallet(buyerId), AccountType.Side.CREDIT, minor)), "it funding"));
        assertThat(posted.success()).as(posted.message()).isTrue();
        return new Buyer(buyerId, phone);
    }

    public static AccountRef wallet(String buyerId) {
        return new AccountRef(AccountType.BUYER_WALLET, buyerId, "CNY");
    }

    public static long balance(String buyerId) {
        var balance = SuiteHarness.reference(LedgerService.class, null).balance(wallet(buyerId));
        return balance.success() ? balance.data().balance() : 0;
    }

    public static Result<PayOrderDTO> pay(String tradeNo, String buyerId) {
        return SuiteHarness.reference(PayService.class, null)
                .pay(new PayCmd(tradeNo, buyerId, PayMethod.BALANCE, PAY_PASSWORD, "REQ-" + UUID.randomUUID()));
    }
}
