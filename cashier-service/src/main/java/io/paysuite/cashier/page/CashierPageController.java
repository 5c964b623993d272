package io.paysuite.cashier.page;

import io.paysuite.api.common.Result;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.member.BuyerDTO;
import io.paysuite.api.member.BuyerLoginCmd;
import io.paysuite.api.member.MemberService;
import io.paysuite.api.channel.ChannelOrderDTO;
import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.cashier.api.error.Results;
import io.paysuite.cashier.token.CashierTokens;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
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
 * stands (paid, in progress, closed, expired). Server-rendered, no script; every state change is a
 * form post and every page can be reloaded safely.
 *
 * <p>An invalid, forged or expired token, or a trade that does not exist, answers one "link invalid
 * or expired" page (404): the page never says which, so tokens cannot be probed.
 */
@Controller
@RequestMapping("/cashier/{token}")
public class CashierPageController {

    private static final Logger log = LoggerFactory.getLogger(CashierPageController.class);
    /** pay-core's rule for {@code request_no}; a form that breaks it was not rendered here. */
    private static final Pattern REQUEST_NO = Pattern.compile("[A-Za-z0-9_-]{6,64}");

    private final CashierTokens tokens;
    private final TradeService trades;
    private final MemberService members;
    private final PayAttempts attempts;
    private final BuyerSessions sessions;
    private final FormGuard guard;
    private final PayMethodMenu menu;
    private final CashierPageProperties properties;
    private final Clock clock;
    private final ChannelService channels;
    private final BuyerCards cards;

    public CashierPageController(CashierTokens tokens, TradeService trades, MemberService members, PayAttempts attempts,
                                 BuyerSessions sessions, FormGuard guard, PayMethodMenu menu,
                                 CashierPageProperties properties, Clock clock, ChannelService channels, BuyerCards cards) {
        this.channels = channels;
        this.cards = cards;
        this.tokens = tokens;
        this.trades = trades;
        this.members = members;
        this.attempts = attempts;
        this.sessions = sessions;
        this.guard = guard;
        this.menu = menu;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping
    public String show(@PathVariable String token, @CookieValue(name = BuyerSessions.COOKIE, required = false) String cookie,
                       Model model, HttpServletResponse response) {
        Optional<TradeDTO> trade = trade(token);
        if (trade.isEmpty()) {
            return invalid(response);
        }
        return render(token, trade.get(), cookie, null, model, response);
    }

    @PostMapping("/login")
    public String login(@PathVariable String token, @RequestParam(name = "phone", required = false) String phone,
                        @RequestParam(name = "password", required = false) String password, Model model,
                        HttpServletResponse response) {
        Optional<TradeDTO> found = trade(token);
        if (found.isEmpty()) {
            return invalid(response);
        }
        TradeDTO trade = found.get();
        if (statusOf(trade, token).isPresent()) {
            return render(token, trade, null, null, model, response);
        }
        Optional<BuyerDTO> buyer;
        try {
            buyer = buyer(phone, password);
        } catch (RpcException e) {
            log.warn("buyer login unavailable trade_no={} rpc_code={}", trade.tradeNo(), e.getCode());
            return render(token, trade, null, PayRefusal.of("error.SERVICE_BUSY"), model, response);
        }
        if (buyer.isEmpty()) {
            // one text for a wrong phone and a wrong password: the page must not confirm who has an account
            return render(token, trade, null, PayRefusal.of("error.LOGIN_FAILED"), model, response);
        }
        if (trade.buyerId() != null && !trade.buyerId().equals(buyer.get().buyerId())) {
            return render(token, trade, null, PayRefusal.of("error.BUYER_MISMATCH"), model, response);
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
                      @RequestParam(name = "csrf", required = false) String csrf,
                      @CookieValue(name = BuyerSessions.COOKIE, required = false) String cookie,
                      Model model, HttpServletResponse response) {
        Optional<TradeDTO> found = trade(token);
        if (found.isEmpty()) {
            return invalid(response);
        }
        TradeDTO trade = found.get();
        Optional<BuyerSession> session = sessions.verify(cookie, trade.tradeNo());
        if (statusOf(trade, token).isPresent()) {
            return render(token, trade, cookie, null, model, response);
        }
        if (session.isEmpty()) {
            return render(token, trade, null, PayRefusal.of("error.SESSION_EXPIRED"), model, response);
        }
        if (!guard.accepts(csrf, cookie, token) || requestNo == null || !REQUEST_NO.matcher(requestNo).matches()) {
            log.warn("pay form refused: not rendered for this session trade_no={}", trade.tradeNo());
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return render(token, trade, cookie, PayRefusal.of("error.FORM_EXPIRED"), model, response);
        }
        PayMethod chosen = methodOf(method);
        if (chosen == null || !menu.takes(trade, chosen)) {
            return render(token, trade, cookie, PayRefusal.of("error.METHOD_UNAVAILABLE"), model, response);
        }
        if (chosen.needsPayPassword() && (payPassword == null || payPassword.isBlank())) {
            return render(token, trade, cookie, PayRefusal.of("error.PAY_PASSWORD_REQUIRED"), model, response);
        }
        String cardToken = null;
        if (chosen == PayMethod.BANK_CARD) {
            // the token of the session's buyer's card, looked up here: a token never comes from the browser
            CardToken card = cards.tokenOf(session.get().buyerId(), cardId);
            if (card instanceof CardToken.Refused refused) {
                return render(token, trade, cookie, refused.refusal(), model, response);
            }
            cardToken = ((CardToken.Found) card).unionpayToken();
        }
        PayOutcome outcome = attempts.pay(trade, session.get().buyerId(), chosen, chosen.needsPayPassword() ? payPassword : null,
                requestNo, cardToken, path(token));
        if (outcome instanceof PayOutcome.Shown shown) {
            return status(token, trade, shown.page(), model);
        }
        if (outcome instanceof PayOutcome.Scan scan) {
            return "redirect:" + path(token) + "/scan/" + scan.payOrderNo();
        }
        if (outcome instanceof PayOutcome.Accepted accepted) {
            return "redirect:" + path(token) + "/paying/" + accepted.payOrderNo();
        }
        return render(token, trade, cookie, ((PayOutcome.Refused) outcome).refusal(), model, response);
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
        Optional<TradeDTO> found = trade(token);
        if (found.isEmpty()) {
            return invalid(response);
        }
        TradeDTO trade = found.get();
        Optional<PayOutcome> outcome = attempts.follow(trade, payOrderNo, path(token) + "/paying/" + payOrderNo);
        if (outcome.isEmpty()) {
            return "redirect:" + path(token);
        }
        if (outcome.get() instanceof PayOutcome.Shown shown) {
            return status(token, trade, shown.page(), model);
        }
        return render(token, trade, cookie, ((PayOutcome.Refused) outcome.get()).refusal(), model, response);
    }

    /**
     * The QR of a channel payment, shown until the trade is final: the page reloads itself and, once
     * the channel's result has reached the trade, shows the result. Only a channel order of this
     * token's trade is shown (the token authorises the trade, the pay order number only picks the attempt).
     */
    @GetMapping("/scan/{payOrderNo}")
    public String scan(@PathVariable String token, @PathVariable String payOrderNo, Model model, HttpServletResponse response) {
        Optional<TradeDTO> found = trade(token);
        if (found.isEmpty()) {
            return invalid(response);
        }
        TradeDTO trade = found.get();
        if (trade.status() != io.paysuite.api.trade.TradeStatus.PAYING) {
            return "redirect:" + path(token);
        }
        Result<ChannelOrderDTO> channelOrder = channels.get(payOrderNo);
        if (channelOrder == null || !channelOrder.success() || !trade.tradeNo().equals(channelOrder.data().tradeNo())) {
            return status(token, trade, StatusPage.inProgress(path(token), Math.max(1, properties.progressRefresh().toSeconds())), model);
        }
        describe(token, trade, model);
        ChannelOrderDTO order = channelOrder.data();
        model.addAttribute("method", order.method().name());
        model.addAttribute("codeUrl", order.codeUrl());
        model.addAttribute("qrImage", order.codeUrl() == null ? null : QrImage.dataUri(order.codeUrl()));
        model.addAttribute("refreshAfter", Math.max(1, properties.progressRefresh().toSeconds()));
        model.addAttribute("scanPath", path(token) + "/scan/" + payOrderNo);
        return "cashier/scan";
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

    /** The page a trade's state calls for; {@code refusal} is shown on the login or pay form. */
    private String render(String token, TradeDTO trade, String cookie, PayRefusal refusal, Model model,
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
            var offers = menu.offersFor(trade);
            CardChoices cardChoices = null;
            if (offers.stream().anyMatch(o -> o.method() == PayMethod.BANK_CARD && o.available())) {
                cardChoices = cards.choicesFor(session.get().buyerId());
                offers = cardChoices.applyTo(offers);
            }
            model.addAttribute("cards", cardChoices);
            model.addAttribute("offers", offers);
            model.addAttribute("preselected", offers.stream().filter(PayMethodOffer::available).map(PayMethodOffer::name)
                    .findFirst().orElse(null));
            model.addAttribute("csrf", guard.fieldFor(cookie, token));
            // one request_no per rendered form: a resubmit of this form is the same attempt
            model.addAttribute("requestNo", "CP" + UUID.randomUUID().toString().replace("-", ""));
        }
        return "cashier/checkout";
    }

    private String status(String token, TradeDTO trade, StatusPage page, Model model) {
        describe(token, trade, model);
        model.addAttribute("result", page);
        return "cashier/status";
    }

    /** The page a trade shows instead of a form, if its state allows no payment. */
    private Optional<StatusPage> statusOf(TradeDTO trade, String token) {
        return switch (trade.status()) {
            case WAIT_PAY -> trade.timeExpire() != null && !clock.instant().isBefore(trade.timeExpire())
                    ? Optional.of(StatusPage.expired()) : Optional.empty();
            case PAYING -> Optional.of(StatusPage.inProgress(path(token), Math.max(1, properties.progressRefresh().toSeconds())));
            case SUCCESS, FINISHED -> Optional.of(StatusPage.alreadyPaid(trade.status().name(), trade.returnUrl()));
            case CLOSED -> Optional.of(StatusPage.closed());
        };
    }

    private void describe(String token, TradeDTO trade, Model model) {
        model.addAttribute("cashierPath", path(token));
        model.addAttribute("amount", AmountText.of(trade.amount()));
        model.addAttribute("subject", trade.subject());
    }

    private Optional<TradeDTO> trade(String token) {
        Optional<CashierTokens.CashierTicket> ticket = tokens.resolve(token);
        if (ticket.isEmpty()) {
            return Optional.empty();
        }
        Result<TradeDTO> result = trades.get(TradeByNoQry.internal(ticket.get().tradeNo()));
        if (result != null && !result.success() && ErrorCode.TRADE_NOT_FOUND.code().equals(result.code())) {
            return Optional.empty();
        }
        return Optional.of(Results.unwrap(result));
    }

    private Optional<BuyerDTO> buyer(String phone, String password) {
        if (phone == null || phone.isBlank() || password == null || password.isEmpty()) {
            return Optional.empty();
        }
        Result<BuyerDTO> result = members.login(new BuyerLoginCmd(phone.trim(), password));
        if (result != null && result.success()) {
            return Optional.of(result.data());
        }
        if (result == null || ErrorCode.SYSTEM_ERROR.code().equals(result.code())
                || ErrorCode.SERVICE_DEGRADED.code().equals(result.code())) {
            // a fault, not the buyer's mistake: the unavailable page, not "wrong password"
            Results.unwrap(result);
        }
        // LOGIN_FAILED, and PARAM_ERROR for a phone that cannot exist: the same "incorrect" text
        return Optional.empty();
    }

    private static PayMethod methodOf(String name) {
        try {
            return name == null ? null : PayMethod.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String invalid(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "cashier/invalid";
    }

    private static String path(String token) {
        return "/cashier/" + token;
    }
}
