package io.paysuite.cashier.page.wallet;

import io.paysuite.api.common.Outcome;
import io.paysuite.api.common.Result;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeType;
import io.paysuite.api.wallet.WalletService;
import io.paysuite.api.wallet.WalletTransferCmd;
import io.paysuite.api.wallet.WalletTransferDTO;
import io.paysuite.api.wallet.WalletWithdrawCmd;
import io.paysuite.api.wallet.WalletWithdrawalDTO;
import io.paysuite.cashier.page.AmountText;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wallet page's three actions, each read by {@link Outcome} (uncertain is not failed: an unknown answer
 * says "in progress, check your balance", never "failed", and the form's request number makes a resubmit
 * the same action).
 *
 * <p><b>Top-up</b> is a {@code TOPUP} trade of the platform ({@link WalletPageProperties#platformMerchantId})
 * for the buyer, created with the form's request number as merchant order number (a resubmit is the same
 * trade) and only the chosen method allowed, then paid through {@code PayService.pay} like any cashier
 * payment; the wallet is credited by the ledger only when the channel's payment is final.
 * <b>Transfer</b> and <b>withdraw</b> are {@code WalletService} calls (accounting-service), which check the
 * payment password themselves.
 */
public final class WalletActions {

    private static final Logger log = LoggerFactory.getLogger(WalletActions.class);

    /** Where a top-up stands after the form: its trade and pay order to follow, or a result to show now. */
    public record TopUp(String tradeNo, String payOrderNo, WalletResult result) {
    }

    private final TradeService trades;
    private final PayService pay;
    private final WalletService wallets;
    private final String platform;
    private final Duration expiry;
    private final Clock clock;

    public WalletActions(TradeService trades, PayService pay, WalletService wallets, WalletPageProperties properties, Clock clock) {
        this.trades = trades;
        this.pay = pay;
        this.wallets = wallets;
        this.platform = properties.platformMerchantId();
        this.expiry = properties.topUpExpiry();
        this.clock = clock;
    }

    public TopUp topUp(String buyerId, Money amount, PayMethod method, String requestNo, String payPassword, String cardToken) {
        Result<TradeDTO> created = call(() -> trades.create(new CreateTradeCmd(platform, "TU" + requestNo, TradeType.TOPUP, amount,
                "Wallet top-up", buyerId, null, null, null, clock.instant().plus(expiry), List.of(method))));
        if (!created.success()) {
            log.info("top-up trade refused buyer_id={} request_no={} code={}", buyerId, requestNo, created.code());
            return new TopUp(null, null, refused(created, "topup"));
        }
        TradeDTO trade = created.data();
        Result<PayOrderDTO> paid = call(() -> pay.pay(new PayCmd(trade.tradeNo(), buyerId, method, payPassword, requestNo, cardToken)));
        if (paid.success()) {
            return paid.data().status() == io.paysuite.api.pay.PayOrderStatus.FAILED
                    ? new TopUp(null, null, WalletResult.of("FAILED", "wallet.topup.FAILED"))
                    : new TopUp(trade.tradeNo(), paid.data().payOrderNo(), null);
        }
        log.info("top-up payment refused trade_no={} code={}", trade.tradeNo(), paid.code());
        return new TopUp(null, null, refused(paid, "topup"));
    }

    /** The buyer's own top-up trade, or empty (another buyer's, not a top-up, or unreadable now). */
    public Optional<TradeDTO> topUpTrade(String buyerId, String tradeNo) {
        Result<TradeDTO> r = call(() -> trades.get(new TradeByNoQry(tradeNo, platform)));
        return r.success() && r.data() != null && r.data().tradeType() == TradeType.TOPUP && buyerId.equals(r.data().buyerId())
                ? Optional.of(r.data()) : Optional.empty();
    }

    public WalletResult transfer(String buyerId, String toPhone, Money amount, String requestNo, String payPassword) {
        Result<WalletTransferDTO> r = call(() -> wallets.transfer(new WalletTransferCmd(buyerId, toPhone, amount, requestNo,
                payPassword)));
        if (r.success()) {
            return WalletResult.of("SUCCESS", "wallet.transfer.SUCCESS", AmountText.of(r.data().amount()), toPhone);
        }
        log.info("transfer refused buyer_id={} request_no={} code={}", buyerId, requestNo, r.code());
        return refused(r, "transfer");
    }

    public WalletResult withdraw(String buyerId, String cardId, Money amount, String requestNo, String payPassword) {
        Result<WalletWithdrawalDTO> r = call(() -> wallets.withdraw(new WalletWithdrawCmd(buyerId, cardId, amount, requestNo,
                payPassword)));
        if (r.success()) {
            WalletWithdrawalDTO w = r.data();
            return WalletResult.of(w.status().name(), "wallet.withdraw." + w.status().name(), AmountText.of(w.amount()),
                    w.bankAccount());
        }
        log.info("withdrawal refused buyer_id={} request_no={} code={}", buyerId, requestNo, r.code());
        return refused(r, "withdraw");
    }

    /** A definite refusal names its code; an unknown answer is "in progress", never "failed". */
    static WalletResult refused(Result<?> r, String action) {
        if (Outcome.of(r) == Outcome.UNKNOWN) {
            return WalletResult.of("PROCESSING", "wallet." + action + ".UNKNOWN");
        }
        return switch (r.code()) {
            case "INSUFFICIENT_BALANCE", "TRANSFER_LIMIT_EXCEEDED", "BUYER_NOT_FOUND", "PAY_PASSWORD_LOCKED", "CARD_NOT_FOUND" ->
                    WalletResult.of("FAILED", "wallet.error." + r.code(), r.code());
            case "PAY_PASSWORD_WRONG" -> WalletResult.of("FAILED", "wallet.error.PAY_PASSWORD_WRONG", r.code());
            // a card top-up the risk rules block, or want stepped up: each top-up attempt is a new trade, so there is
            // no refused attempt of it to confirm later; the page says nothing was charged and what to do
            case "RISK_REJECTED", "RISK_STEP_UP_REQUIRED" -> WalletResult.of("FAILED", "wallet.error." + r.code(), r.code());
            default -> WalletResult.of("FAILED", "wallet.error.generic", r.code());
        };
    }

    private static <T> Result<T> call(Supplier<Result<T>> remote) {
        try {
            Result<T> r = remote.get();
            return r != null ? r : Result.fail(io.paysuite.api.error.ErrorCode.SYSTEM_ERROR, "no answer");
        } catch (RuntimeException e) {
            return Result.fail(io.paysuite.api.error.ErrorCode.SYSTEM_ERROR, e.getClass().getSimpleName());
        }
    }
}
