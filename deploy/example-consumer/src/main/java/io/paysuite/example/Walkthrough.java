package io.paysuite.example;

import io.paysuite.api.ledger.AccountBalanceDTO;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.ledger.MerchantStatementQry;
import io.paysuite.api.ledger.StatementLineDTO;
import io.paysuite.api.member.BuyerDTO;
import io.paysuite.api.member.BuyerLoginCmd;
import io.paysuite.api.member.MemberService;
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
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The money path as an internal system drives it over Dubbo, one step after the other, each printed:
 * log the buyer in, create a trade, pay it from the buyer's balance, refund part of it, and read the
 * merchant's ledger statement and the buyer's wallet. These are the calls the cashier makes for a
 * balance payment and the open API makes for a refund; read it top to bottom.
 *
 * <p>Every write carries its own idempotency key (the merchant's {@code outTradeNo}, the pay
 * attempt's {@code requestNo}, the merchant's {@code outRefundNo}), so an answer that leaves the
 * outcome unknown is followed by the same call again, never by a new attempt ({@link Answers}).
 * Every service used here is open to any internal consumer; none of the money-moving methods kept
 * for the suite's own services (ledger postings, channel charges) is needed.
 */
public final class Walkthrough {

    private final TradeService trades;
    private final PayService pay;
    private final RefundService refunds;
    private final MemberService members;
    private final LedgerService ledger;
    private final PrintStream out;
    private final Answers answers;

    public Walkthrough(TradeService trades, PayService pay, RefundService refunds, MemberService members, LedgerService ledger,
                       PrintStream out, Duration finalWithin, Duration askEvery) {
        this.trades = trades;
        this.pay = pay;
        this.refunds = refunds;
        this.members = members;
        this.ledger = ledger;
        this.out = out;
        this.answers = new Answers(out, finalWithin, askEvery);
    }

    /**
     * @param outTradeNo the merchant order number: the trade's idempotency key, and the root of the
     *                   pay attempt's and the refund's keys, so that running again with it repeats
     *                   nothing
     */
    public WalkthroughResult run(DemoData demo, String outTradeNo, long amount, long refundAmount, String notifyUrl) {
        if (refundAmount <= 0 || refundAmount >= amount) {
            throw new IllegalArgumentException("the refund must be a part of the amount: 0 < " + refundAmount + " < " + amount);
        }
        Instant started = Instant.now();
        String merchantId = demo.merchantId();

        step(1, "log the buyer in (MemberService.login)");
        BuyerDTO buyer = answers.definite("login",
                () -> members.login(new BuyerLoginCmd(demo.buyer().phone(), demo.buyer().password())));
        out.printf("      buyer %s (%s)%n", buyer.buyerId(), buyer.phoneMasked());

        AccountRef wallet = new AccountRef(AccountType.BUYER_WALLET, buyer.buyerId(), "CNY");
        long walletBefore = walletBalance(wallet);
        out.printf("      wallet %s holds %s%n", wallet.code(), Money.cny(walletBefore));

        step(2, "create a trade (TradeService.create, idempotent on merchant + out_trade_no)");
        TradeDTO created = answers.definite("create trade", () -> trades.create(new CreateTradeCmd(merchantId, outTradeNo,
                TradeType.INSTANT, Money.cny(amount), "Example consumer walkthrough", buyer.buyerId(), notifyUrl, null, null,
                null, List.of(PayMethod.BALANCE))));
        String tradeNo = created.tradeNo();
        out.printf("      trade %s for %s: %s%n", tradeNo, created.amount(), created.status());

        step(3, "pay it from the buyer's balance (PayService.pay, idempotent on trade_no + request_no)");
        String requestNo = outTradeNo + "-pay"; // one attempt, one request number: resent unchanged if unknown
        // the payment password goes to pay-core, which checks it at member-service (and counts wrong ones
        // towards the lock-out): a consumer never checks it first on its own
        PayOrderDTO answered = answers.definite("pay", () -> pay.pay(new PayCmd(tradeNo, buyer.buyerId(), PayMethod.BALANCE,
                demo.buyer().payPassword(), requestNo)));
        out.printf("      pay order %s: %s%n", answered.payOrderNo(), answered.status());
        PayOrderDTO paid = answered.status() == PayOrderStatus.PROCESSING || answered.status() == PayOrderStatus.CREATED
                ? answers.until("pay order " + answered.payOrderNo(), () -> pay.get(answered.payOrderNo()),
                        order -> order.status() == PayOrderStatus.SUCCESS || order.status() == PayOrderStatus.FAILED)
                : answered;
        if (paid.status() == PayOrderStatus.FAILED) {
            throw new Refused("pay", "PAY_FAILED", "pay order " + paid.payOrderNo() + " failed; the trade waits for payment");
        }

        step(4, "wait for the trade to follow its pay order (TradeService.get until SUCCESS)");
        // trade-core marks the trade paid when PAY_SUCCEEDED reaches it: asynchronously, so ask
        TradeDTO paidTrade = answers.until("trade " + tradeNo, () -> trades.get(TradeByNoQry.internal(tradeNo)),
                trade -> trade.status() != TradeStatus.WAIT_PAY && trade.status() != TradeStatus.PAYING);
        out.printf("      trade %s: %s, paid %s%n", tradeNo, paidTrade.status(), paidTrade.paidAmount());
        if (paidTrade.status() != TradeStatus.SUCCESS) {
            throw new Refused("trade " + tradeNo, paidTrade.status().name(), "the trade did not end paid");
        }

        step(5, "refund part of it (RefundService.refund, idempotent on merchant + out_refund_no)");
        String outRefundNo = outTradeNo + "-r1";
        RefundDTO accepted = answers.definite("refund", () -> refunds.refund(new CreateRefundCmd(merchantId, tradeNo, null,
                outRefundNo, Money.cny(refundAmount), "example partial refund")));
        out.printf("      refund %s of %s: %s%n", accepted.refundNo(), accepted.amount(), accepted.status());

        step(6, "wait for the refund's final state (RefundService.get until SUCCESS or FAILED)");
        RefundDTO refund = answers.until("refund " + accepted.refundNo(),
                () -> refunds.get(new RefundByNoQry(accepted.refundNo(), merchantId)),
                r -> r.status() != RefundStatus.PROCESSING);
        out.printf("      refund %s: %s%n", refund.refundNo(), refund.status());
        if (refund.status() != RefundStatus.SUCCESS) {
            throw new Refused("refund " + refund.refundNo(), refund.failCode(), "the refund failed; the money stays paid");
        }

        step(7, "read the merchant's ledger statement (LedgerService.merchantStatement)");
        List<StatementLineDTO> lines = answers.until("statement of " + merchantId,
                () -> ledger.merchantStatement(new MerchantStatementQry(merchantId, "CNY", started.minus(Duration.ofMinutes(1)),
                        Instant.now().plus(Duration.ofMinutes(1)))),
                all -> linesOf(all, tradeNo).size() >= 2);
        List<StatementLineDTO> ours = linesOf(lines, tradeNo);
        for (StatementLineDTO line : ours) {
            out.printf("      %-8s %s  gross %8d  fee %5d  net %8d  held %5d  (entry %s, ref %s)%n", line.bizType(),
                    line.postedAt(), line.gross(), line.fee(), line.net(), line.held(), line.entryNo(), line.reference());
        }

        step(8, "read the buyer's wallet (LedgerService.balance)");
        long walletAfter = walletBalance(wallet);
        out.printf("      wallet %s holds %s: %s, paid %s less refunded %s%n", wallet.code(), Money.cny(walletAfter),
                Money.cny(walletAfter - walletBefore), Money.cny(amount), Money.cny(refundAmount));

        TradeDTO trade = answers.definite("trade " + tradeNo, () -> trades.get(TradeByNoQry.internal(tradeNo)));
        out.printf("done: trade %s %s, paid %s, refunded %s%n", tradeNo, trade.status(), trade.paidAmount(), trade.refundedAmount());
        return new WalkthroughResult(trade, paid.payOrderNo(), refund, ours, walletBefore, walletAfter);
    }

    private long walletBalance(AccountRef wallet) {
        AccountBalanceDTO balance = answers.definite("balance of " + wallet.code(), () -> ledger.balance(wallet));
        return balance.balance();
    }

    private static List<StatementLineDTO> linesOf(List<StatementLineDTO> lines, String tradeNo) {
        return lines.stream().filter(line -> tradeNo.equals(line.bizNo())).toList();
    }

    private void step(int n, String what) {
        out.printf("%n%d. %s%n", n, what);
    }
}
