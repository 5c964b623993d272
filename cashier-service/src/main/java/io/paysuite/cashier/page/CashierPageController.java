package io.paysuite.cashier.page;

import static io.paysuite.cashier.page.CashierPages.invalid;
import static io.paysuite.cashier.page.CashierPages.path;

import io.paysuite.api.channel.ChannelOrderDTO;
import io.paysuite.api.member.BuyerDTO;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.RiskContext;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.dubbo.rpc.RpcException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The buyer's cashier pages at {@code cashier_url} ({@code /cashier/{token}}): the trade's amount and
 * subject, then what its state allows — a login form, the pay form, or a page saying where the trade
 * stands (paid, in progress, closed, expired). Server-rendered (one small script only follows the pay
 * form's coupon and points breakdown live; the form works without it); every state change is a
 * form post and every page can be reloaded safely.
 *
 * <p>An invalid, forged or expired token, or a trade that does not exist, answers one "link invalid
 * or expired" page (404): the page never says which, so tokens cannot be probed.
 *
 * <p>This class only maps HTTP to the cashier's pieces: {@link CashierTrades} (which trade a link
 * stands for), {@link BuyerLogins}, {@link PayAttempts}, and {@link CashierPages} (the model of each page).
 */
@Controller
@RequestMapping("/cashier/{token}")
public class CashierPageController {

    private static final Logger log = LoggerFactory.getLogger(CashierPageController.class);
    /** pay-core's rule for {@code request_no}; a form that breaks it was not rendered here. */
    private static final Pattern REQUEST_NO = Pattern.compile("[A-Za-z0-9_-]{6,64}");

    private final CashierTrades trades;
    private final BuyerLogins logins;
    private final PayAttempts attempts;
    private final BuyerSessions sessions;
    private final FormGuard guard;
    private final PayMethodMenu menu;
    private final BuyerCards cards;
    private final CashierPages pages;

    CashierPageController(CashierTrades trades, BuyerLogins logins, PayAttempts attempts, BuyerSessions sessions,
                          FormGuard guard, PayMethodMenu menu, BuyerCards cards, CashierPages pages) {
        this.trades = trades;
        this.logins = logins;
        this.attempts = attempts;
        this.sessions = sessions;
        this.guard = guard;
        this.menu = menu;
        this.cards = cards;
        this.pages = pages;
    }

    @GetMapping
    public String show(@PathVariable String token, @CookieValue(name = BuyerSessions.COOKIE, required = false) String cookie,
                       Model model, HttpServletResponse response) {
        Optional<TradeDTO> trade = trades.of(token);
        if (trade.isEmpty()) {
            return invalid(response);
        }
        return pages.checkout(token, trade.get(), cookie, null, model, response);
    }

    @PostMapping("/login")
    public String login(@PathVariable String token, @RequestParam(name = "phone", required = false) String phone,
                        @RequestParam(name = "password", required = false) String password, Model model,
                        HttpServletResponse response) {
        Optional<TradeDTO> found = trades.of(token);
        if (found.isEmpty()) {
            return invalid(response);
        }
        TradeDTO trade = found.get();
        if (pages.statusOf(trade, token).isPresent()) {
            return pages.checkout(token, trade, null, null, model, response);
        }
        Optional<BuyerDTO> buyer;
        try {
            buyer = logins.login(phone, password);
        } catch (RpcException e) {
            log.warn("buyer login unavailable trade_no={} rpc_code={}", trade.tradeNo(), e.getCode());
            return pages.checkout(token, trade, null, PayRefusal.of("error.SERVICE_BUSY"), model, response);
        }
        if (buyer.isEmpty()) {
            // one text for a wrong phone and a wrong password: the page must not confirm who has an account
            return pages.checkout(token, trade, null, PayRefusal.of("error.LOGIN_FAILED"), model, response);
        }
        if (trade.buyerId() != null && !trade.buyerId().equals(buyer.get().buyerId())) {
            return pages.checkout(token, trade, null, PayRefusal.of("error.BUYER_MISMATCH"), model, response);
        }
        String session = sessions.issue(buyer.get().buyerId(), trade.tradeNo());
        response.addHeader(HttpHeaders.SET_COOKIE, sessions.cookie(session, path(token)).toString());
        // POST-redirect-GET: reloading the pay form must not post the login again
        return "redirect:" + path(token);
    }

    @PostMapping("/pay")
    public String pay(@PathVariable String token, @RequestParam(name = "method", required = false) String method,
                      @RequestParam(name = "pay_password", required = false) String payPassword,
                      @RequestParam(name = "card_id", required = false) String cardId,
                      @RequestParam(name = "request_no", required = false) String requestNo,
                      @RequestParam(name = "coupon_id", required = false) String couponId,
                      @RequestParam(name = "use_points", required = false) String usePoints,
                      @RequestParam(name = "step_up_of", required = false) String stepUpOf,
                      @RequestParam(name = "csrf", required = false) String csrf,
                      @CookieValue(name = BuyerSessions.COOKIE, required = false) String cookie,
                      @CookieValue(name = DeviceCookie.NAME, required = false) String device,
                      Model model, HttpServletRequest request, HttpServletResponse response) {
        Optional<TradeDTO> found = trades.of(token);
        if (found.isEmpty()) {
            return invalid(response);
        }
        TradeDTO trade = found.get();
        Optional<BuyerSession> session = sessions.verify(cookie, trade.tradeNo());
        if (pages.statusOf(trade, token).isPresent()) {
            return pages.checkout(token, trade, cookie, null, model, response);
        }
        if (session.isEmpty()) {
            return pages.checkout(token, trade, null, PayRefusal.of("error.SESSION_EXPIRED"), model, response);
        }
        if (!guard.accepts(csrf, cookie, token) || requestNo == null || !REQUEST_NO.matcher(requestNo).matches()) {
            log.warn("pay form refused: not rendered for this session trade_no={}", trade.tradeNo());
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return pages.checkout(token, trade, cookie, PayRefusal.of("error.FORM_EXPIRED"), model, response);
        }
        PayMethod chosen = methodOf(method);
        if (chosen == null || !menu.takes(trade, chosen)) {
            return pages.checkout(token, trade, cookie, PayRefusal.of("error.METHOD_UNAVAILABLE"), model, response);
        }
        if (chosen.needsPayPassword() && (payPassword == null || payPassword.isBlank())) {
            return pages.checkout(token, trade, cookie, PayRefusal.of("error.PAY_PASSWORD_REQUIRED"), model, response);
        }
        // only which coupon and whether points: their amounts are member-service's, computed again when paying
        String coupon = couponId == null || couponId.isBlank() ? null : couponId;
        boolean points = "true".equals(usePoints);
        Optional<PayRefusal> unusable = pages.promotionRefusal(trade, session.get().buyerId(), coupon, points);
        if (unusable.isPresent()) {
            return pages.checkout(token, trade, cookie, unusable.get(), model, response);
        }
        String cardToken = null;
        if (chosen == PayMethod.BANK_CARD) {
            // the token of the session's buyer's card, looked up here: a token never comes from the browser
            CardToken card = cards.tokenOf(session.get().buyerId(), cardId);
            if (card instanceof CardToken.Refused refused) {
                return pages.checkout(token, trade, cookie, refused.refusal(), model, response);
            }
            cardToken = ((CardToken.Found) card).unionpayToken();
        }
        // a step-up confirms a password payment; pay-core checks that it names an attempt it did ask to step up
        String stepUp = chosen.needsPayPassword() && stepUpOf != null && REQUEST_NO.matcher(stepUpOf).matches() ? stepUpOf : null;
        PayOutcome outcome = attempts.pay(trade, session.get().buyerId(), chosen, chosen.needsPayPassword() ? payPassword : null,
                requestNo, cardToken, coupon, points, path(token), new RiskContext(request.getRemoteAddr(), DeviceCookie.ensure(device, response)),
                stepUp);
        if (outcome instanceof PayOutcome.StepUp asked) {
            return pages.stepUp(token, trade, cookie, new StepUpForm(asked.refusedRequestNo(), chosen, cardId), model, response);
        }
        if (outcome instanceof PayOutcome.Shown shown) {
            return pages.status(token, trade, shown.page(), model);
        }
        if (outcome instanceof PayOutcome.Scan scan) {
            return "redirect:" + path(token) + "/scan/" + scan.payOrderNo();
        }
        if (outcome instanceof PayOutcome.Accepted accepted) {
            return "redirect:" + path(token) + "/paying/" + accepted.payOrderNo();
        }
        return pages.checkout(token, trade, cookie, ((PayOutcome.Refused) outcome).refusal(), model, response);
    }

    /**
     * A bank card payment UnionPay accepted, followed until the trade is final: the page reloads
     * itself while the trade is {@code PAYING}, then shows "payment successful" (and returns to the
     * merchant) when this attempt paid, or the form again with the bank's refusal when it failed.
     */
    @GetMapping("/paying/{payOrderNo}")
    public String paying(@PathVariable String token, @PathVariable String payOrderNo,
                         @CookieValue(name = BuyerSessions.COOKIE, required = false) String cookie,
                         Model model, HttpServletResponse response) {
        Optional<TradeDTO> found = trades.of(token);
        if (found.isEmpty()) {
            return invalid(response);
        }
        TradeDTO trade = found.get();
        Optional<PayOutcome> outcome = attempts.follow(trade, payOrderNo, path(token) + "/paying/" + payOrderNo);
        if (outcome.isEmpty()) {
            return "redirect:" + path(token);
        }
        if (outcome.get() instanceof PayOutcome.Shown shown) {
            return pages.status(token, trade, shown.page(), model);
        }
        return pages.checkout(token, trade, cookie, ((PayOutcome.Refused) outcome.get()).refusal(), model, response);
    }

    /**
     * The QR of a channel payment, shown until the trade is final: the page reloads itself and, once
     * the channel's result has reached the trade, shows the result. Only a channel order of this
     * token's trade is shown (the token authorises the trade, the pay order number only picks the attempt).
     */
    @GetMapping("/scan/{payOrderNo}")
    public String scan(@PathVariable String token, @PathVariable String payOrderNo, Model model, HttpServletResponse response) {
        Optional<TradeDTO> found = trades.of(token);
        if (found.isEmpty()) {
            return invalid(response);
        }
        TradeDTO trade = found.get();
        if (trade.status() != TradeStatus.PAYING) {
            return "redirect:" + path(token);
        }
        Optional<ChannelOrderDTO> order = trades.channelOrder(trade, payOrderNo);
        if (order.isEmpty()) {
            return pages.status(token, trade, pages.inProgress(token), model);
        }
        return pages.scan(token, trade, payOrderNo, order.get(), model);
    }

    /** A downstream service failed while reading the trade or logging in: nothing was paid, try again. */
    @ExceptionHandler(Exception.class)
    public String unavailable(Exception e, HttpServletResponse response) {
        if (e instanceof RpcException rpc) {
            log.warn("cashier page unavailable rpc_code={} timeout={}", rpc.getCode(), rpc.isTimeout());
        } else {
            log.error("cashier page failed", e);
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        return "cashier/unavailable";
    }

    private static PayMethod methodOf(String name) {
        try {
            return name == null ? null : PayMethod.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
