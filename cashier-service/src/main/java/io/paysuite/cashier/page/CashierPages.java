package io.paysuite.cashier.page;

import io.paysuite.api.channel.ChannelOrderDTO;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.trade.TradeDTO;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.ui.Model;

/**
 * The model of each cashier page, built from a trade and the buyer's session: which page a trade's
 * state calls for (the login or pay form, or a page saying where the trade stands), and what each
 * page shows. The templates read only what is put here; every {@code data-testid} they carry is
 * filled from these attributes.
 */
final class CashierPages {

    private final BuyerSessions sessions;
    private final FormGuard guard;
    private final PayMethodMenu menu;
    private final BuyerCards cards;
    private final CashierTrades trades;
    private final BuyerPromotions promotions;
    private final long refreshSeconds;

    CashierPages(BuyerSessions sessions, FormGuard guard, PayMethodMenu menu, BuyerCards cards, CashierTrades trades,
                 BuyerPromotions promotions, CashierPageProperties properties) {
        this.sessions = sessions;
        this.guard = guard;
        this.menu = menu;
        this.cards = cards;
        this.trades = trades;
        this.promotions = promotions;
        this.refreshSeconds = Math.max(1, properties.progressRefresh().toSeconds());
    }

    static String path(String token) {
        return "/cashier/" + token;
    }

    /** One "link invalid or expired" page for every token that leads nowhere: it never says why. */
    static String invalid(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "cashier/invalid";
    }

    /** The page a trade's state calls for; {@code refusal} is shown on the login or pay form. */
    String checkout(String token, TradeDTO trade, String cookie, PayRefusal refusal, Model model, HttpServletResponse response) {
        return form(token, trade, cookie, refusal, null, model, response);
    }

    private String form(String token, TradeDTO trade, String cookie, PayRefusal refusal, StepUpForm stepUp, Model model,
                        HttpServletResponse response) {
        Optional<StatusPage> status = statusOf(trade, token);
        if (status.isPresent()) {
            return status(token, trade, status.get(), model);
        }
        describe(token, trade, model);
        model.addAttribute("refusal", refusal);
        Optional<BuyerSession> session = sessions.verify(cookie, trade.tradeNo());
        if (session.isEmpty() && cookie != null) {
            response.addHeader(HttpHeaders.SET_COOKIE, sessions.expired(path(token)).toString());
        }
        if (session.isPresent() && trade.buyerId() != null && !trade.buyerId().equals(session.get().buyerId())) {
            response.addHeader(HttpHeaders.SET_COOKIE, sessions.expired(path(token)).toString());
            model.addAttribute("refusal", PayRefusal.of("error.BUYER_MISMATCH"));
            session = Optional.empty();
        }
        model.addAttribute("loggedIn", session.isPresent());
        if (session.isPresent()) {
            payForm(token, trade, session.get(), cookie, stepUp, model);
        }
        return "cashier/checkout";
    }

    /**
     * The pay form again after a risk step-up was asked: the refusal explains it, the method and card the buyer
     * chose stay chosen (when still offered), the password field is empty, and the form names the refused attempt.
     */
    String stepUp(String token, TradeDTO trade, String cookie, StepUpForm stepUp, Model model, HttpServletResponse response) {
        return form(token, trade, cookie, PayRefusal.of("error.RISK_STEP_UP"), stepUp, model, response);
    }

    private void payForm(String token, TradeDTO trade, BuyerSession session, String cookie, StepUpForm stepUp, Model model) {
        var offers = menu.offersFor(trade);
        CardChoices cardChoices = null;
        if (offers.stream().anyMatch(o -> o.method() == PayMethod.BANK_CARD && o.available())) {
            cardChoices = cards.choicesFor(session.buyerId());
            offers = cardChoices.applyTo(offers);
        }
        model.addAttribute("cards", cardChoices);
        model.addAttribute("offers", offers);
        // after a step-up request, the method being confirmed; otherwise the first that can be picked
        model.addAttribute("preselected", offers.stream().filter(PayMethodOffer::available)
                .filter(o -> stepUp == null || o.method() == stepUp.method()).map(PayMethodOffer::name).findFirst()
                .orElse(offers.stream().filter(PayMethodOffer::available).map(PayMethodOffer::name).findFirst().orElse(null)));
        model.addAttribute("stepUp", stepUp);
        PromotionChoices choices = promotions.choicesFor(session.buyerId(), trade);
        model.addAttribute("promotions", choices);
        // the breakdown as first shown (best coupon, no points); the page's script follows the buyer's choices
        model.addAttribute("breakdown", choices.breakdown(trade.amount(), choices.preselected(), false));
        model.addAttribute("currency", trade.amount().currency());
        model.addAttribute("csrf", guard.fieldFor(cookie, token));
        // one request_no per rendered form: a resubmit of this form is the same attempt
        model.addAttribute("requestNo", "CP" + UUID.randomUUID().toString().replace("-", ""));
    }

    /**
     * A clear refusal before anything is paid when the posted coupon is not one this buyer can use on this
     * trade now (used meanwhile, expired, another buyer's, or never offered), or points are asked for and
     * the buyer has none. When member-service cannot say, pay-core's freeze decides (and answers the same codes).
     */
    Optional<PayRefusal> promotionRefusal(TradeDTO trade, String buyerId, String couponId, boolean usePoints) {
        if (couponId == null && !usePoints) {
            return Optional.empty();
        }
        PromotionChoices choices = promotions.choicesFor(buyerId, trade);
        if (choices.noteKey() != null) {
            return Optional.empty();
        }
        if (couponId != null && choices.coupon(couponId).isEmpty()) {
            return Optional.of(PayRefusal.of("error.COUPON_NOT_USABLE"));
        }
        if (usePoints && !choices.hasPoints()) {
            return Optional.of(PayRefusal.of("error.POINTS_INSUFFICIENT"));
        }
        return Optional.empty();
    }

    /** A page saying where the trade stands, instead of a form. */
    String status(String token, TradeDTO trade, StatusPage page, Model model) {
        describe(token, trade, model);
        model.addAttribute("result", page);
        return "cashier/status";
    }

    /** The page a trade shows instead of a form, if its state allows no payment. */
    Optional<StatusPage> statusOf(TradeDTO trade, String token) {
        return switch (trade.status()) {
            case WAIT_PAY -> trades.expired(trade) ? Optional.of(StatusPage.expired()) : Optional.empty();
            case PAYING -> Optional.of(inProgress(token));
            case SUCCESS, FINISHED, AUTHORIZED, CAPTURED, VOIDED -> Optional.of(StatusPage.alreadyPaid(trade.status().name(), trade.returnUrl()));
            case CLOSED -> Optional.of(StatusPage.closed());
        };
    }

    /** The payment's outcome is not known yet: the page asks the cashier page again until it is. */
    StatusPage inProgress(String token) {
        return StatusPage.inProgress(path(token), refreshSeconds);
    }

    /** The QR of a channel payment, reloading itself until the trade is final. */
    String scan(String token, TradeDTO trade, String payOrderNo, ChannelOrderDTO order, Model model) {
        describe(token, trade, model);
        model.addAttribute("method", order.method().name());
        model.addAttribute("codeUrl", order.codeUrl());
        model.addAttribute("qrImage", order.codeUrl() == null ? null : QrImage.dataUri(order.codeUrl()));
        model.addAttribute("refreshAfter", refreshSeconds);
        model.addAttribute("scanPath", path(token) + "/scan/" + payOrderNo);
        return "cashier/scan";
    }

    private static void describe(String token, TradeDTO trade, Model model) {
        model.addAttribute("cashierPath", path(token));
        model.addAttribute("amount", AmountText.of(trade.amount()));
        model.addAttribute("subject", trade.subject());
    }
}
