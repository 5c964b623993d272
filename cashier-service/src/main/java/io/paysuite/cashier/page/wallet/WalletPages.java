package io.paysuite.cashier.page.wallet;

import io.paysuite.api.channel.ChannelOrderDTO;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.wallet.WalletMovementDTO;
import io.paysuite.cashier.page.AmountText;
import io.paysuite.cashier.page.BuyerCards;
import io.paysuite.cashier.page.FormGuard;
import io.paysuite.cashier.page.QrImage;
import java.util.List;
import java.util.UUID;
import org.springframework.ui.Model;

/**
 * The model of the wallet pages. The templates ({@code cashier/wallet.html}, {@code cashier/wallet-topup.html})
 * read only what is put here. The wallet page is one form whose submit buttons post to their own action
 * ({@code formaction}), so the page has one payment-password field ({@code pay-password}) whichever action
 * needs it; each action has its own request number, fixed in the rendered form, so a resubmit is the same action.
 */
public final class WalletPages {

    public static final String PATH = "/cashier/wallet";
    /** What the buyer session of the wallet page is bound to, in place of a trade number. */
    public static final String SESSION_SUBJECT = "WALLET";
    /** The top-up methods the page offers: the QR codes and a bound card (the wallet cannot top itself up). */
    static final List<PayMethod> TOP_UP_METHODS = List.of(PayMethod.WECHAT_QR, PayMethod.ALIPAY_QR, PayMethod.BANK_CARD);

    private final WalletBook book;
    private final BuyerCards cards;
    private final FormGuard guard;
    private final long refreshSeconds;

    public WalletPages(WalletBook book, BuyerCards cards, FormGuard guard, WalletPageProperties properties) {
        this.book = book;
        this.cards = cards;
        this.guard = guard;
        this.refreshSeconds = Math.max(1, properties.progressRefresh().toSeconds());
    }

    public String login(Model model, String refusalKey) {
        model.addAttribute("cashierPath", PATH);
        model.addAttribute("loggedIn", false);
        model.addAttribute("refusalKey", refusalKey);
        return "cashier/wallet";
    }

    public String wallet(String buyerId, String cookie, WalletResult result, Model model) {
        model.addAttribute("cashierPath", PATH);
        model.addAttribute("loggedIn", true);
        model.addAttribute("result", result);
        model.addAttribute("balance", book.balance(buyerId).map(AmountText::of).orElse(null));
        model.addAttribute("movements", book.movements(buyerId).stream().map(WalletPages::row).toList());
        model.addAttribute("cards", cards.choicesFor(buyerId));
        model.addAttribute("methods", TOP_UP_METHODS.stream().map(PayMethod::name).toList());
        model.addAttribute("csrf", guard.fieldFor(cookie, SESSION_SUBJECT));
        model.addAttribute("topupRequestNo", requestNo("WU"));
        model.addAttribute("transferRequestNo", requestNo("WT"));
        model.addAttribute("withdrawRequestNo", requestNo("WW"));
        return "cashier/wallet";
    }

    /** A top-up waiting for its channel: the QR when there is one, reloading itself until the trade is final. */
    public String topUp(Money amount, String progressPath, ChannelOrderDTO order, Model model) {
        model.addAttribute("cashierPath", PATH);
        model.addAttribute("amount", AmountText.of(amount));
        model.addAttribute("method", order == null ? null : order.method().name());
        model.addAttribute("codeUrl", order == null ? null : order.codeUrl());
        model.addAttribute("qrImage", order == null || order.codeUrl() == null ? null : QrImage.dataUri(order.codeUrl()));
        model.addAttribute("refreshAfter", refreshSeconds);
        model.addAttribute("progressPath", progressPath);
        return "cashier/wallet-topup";
    }

    /** One line of the movements list: its kind, signed amount as text, and when. */
    public record Row(String kind, String amount, boolean in, String postedAt, String bizNo) {
    }

    static Row row(WalletMovementDTO m) {
        String text = AmountText.of(Money.of(Math.abs(m.amount()), m.currency()));
        return new Row(m.kind().name(), (m.amount() >= 0 ? "+" : "−") + text, m.amount() >= 0,
                m.postedAt() == null ? "" : m.postedAt().toString(), m.bizNo());
    }

    private static String requestNo(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }
}
