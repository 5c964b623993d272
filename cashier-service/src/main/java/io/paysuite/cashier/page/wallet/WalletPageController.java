package io.paysuite.cashier.page.wallet;

import io.paysuite.api.channel.ChannelOrderDTO;
import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.common.Result;
import io.paysuite.api.member.BuyerDTO;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.cashier.page.BuyerCards;
import io.paysuite.cashier.page.BuyerLogins;
import io.paysuite.cashier.page.BuyerSession;
import io.paysuite.cashier.page.BuyerSessions;
import io.paysuite.cashier.page.CardToken;
import io.paysuite.cashier.page.FormGuard;
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
 * The buyer's wallet page at {@code /cashier/wallet}: login (as on the cashier: {@link BuyerLogins}, a signed
 * session cookie bound to the wallet page's path, {@link BuyerSessions}), then the balance, the last movements
 * and one form with three actions — top-up, transfer, withdraw — each guarded against cross-site posts by
 * {@link FormGuard} and carrying its own request number. A top-up by QR shows the code and reloads itself
 * ({@code /cashier/wallet/topup/{trade}/{payOrder}}) until the trade is final, then the wallet with the result
 * and the new balance. Server-rendered, no script, like the cashier page.
 *
 * <p>This class only maps HTTP to the wallet's pieces: {@link WalletActions}, {@link WalletBook} (through
 * {@link WalletPages}) and the cashier's login, session, form guard and cards.
 */
@Controller
@RequestMapping(WalletPages.PATH)
public class WalletPageController {

    private static final Logger log = LoggerFactory.getLogger(WalletPageController.class);
    private static final Pattern REQUEST_NO = Pattern.compile("[A-Za-z0-9_-]{6,64}");
    private static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9]{1,64}");

    private final BuyerLogins logins;
    private final BuyerSessions sessions;
    private final FormGuard guard;
    private final BuyerCards cards;
    private final WalletActions actions;
    private final WalletPages pages;
    private final ChannelService channels;

    public WalletPageController(BuyerLogins logins, BuyerSessions sessions, FormGuard guard, BuyerCards cards, WalletActions actions,
                         WalletPages pages, ChannelService channels) {
        this.logins = logins;
        this.sessions = sessions;
        this.guard = guard;
        this.cards = cards;
        this.actions = actions;
        this.pages = pages;
        this.channels = channels;
    }

    @GetMapping
    public String show(@CookieValue(name = BuyerSessions.COOKIE, required = false) String cookie, Model model,
                       HttpServletResponse response) {
        Optional<BuyerSession> session = session(cookie, response);
        return session.isEmpty() ? pages.login(model, null) : pages.wallet(session.get().buyerId(), cookie, null, model);
    }

    @PostMapping("/login")
    public String login(@RequestParam(name = "phone", required = false) String phone,
                        @RequestParam(name = "password", required = false) String password, Model model,
                        HttpServletResponse response) {
        Optional<BuyerDTO> buyer;
        try {
            buyer = logins.login(phone, password);
        } catch (RpcException e) {
            return pages.login(model, "error.SERVICE_BUSY");
        }
        if (buyer.isEmpty()) {
            return pages.login(model, "error.LOGIN_FAILED");
        }
        String session = sessions.issue(buyer.get().buyerId(), WalletPages.SESSION_SUBJECT);
        response.addHeader(HttpHeaders.SET_COOKIE, sessions.cookie(session, WalletPages.PATH).toString());
        // POST-redirect-GET: reloading the wallet must not post the login again
        return "redirect:" + WalletPages.PATH;
    }

    @PostMapping("/topup")
    public String topUp(@RequestParam(name = "topup_amount", required = false) String amount,
                        @RequestParam(name = "method", required = false) String method,
                        @RequestParam(name = "card_id", required = false) String cardId,
                        @RequestParam(name = "pay_password", required = false) String payPassword,
                        @RequestParam(name = "topup_request_no", required = false) String requestNo,
                        @RequestParam(name = "csrf", required = false) String csrf,
                        @CookieValue(name = BuyerSessions.COOKIE, required = false) String cookie, Model model,
                        HttpServletResponse response) {
        Optional<BuyerSession> session = checked(cookie, csrf, requestNo, response);
        if (session.isEmpty()) {
            return refusedForm(cookie, model, response);
        }
        String buyerId = session.get().buyerId();
        Optional<Money> money = YuanAmount.parse(amount);
        PayMethod chosen = WalletPages.TOP_UP_METHODS.stream().filter(m -> m.name().equals(method)).findFirst().orElse(null);
        if (money.isEmpty() || chosen == null) {
            return pages.wallet(buyerId, cookie, WalletResult.of("FAILED", money.isEmpty() ? "wallet.error.AMOUNT" : "wallet.error.METHOD"),
                    model);
        }
        String cardToken = null;
        if (chosen == PayMethod.BANK_CARD) {
            if (payPassword == null || payPassword.isBlank()) {
                return pages.wallet(buyerId, cookie, WalletResult.of("FAILED", "wallet.error.PAY_PASSWORD_REQUIRED"), model);
            }
            CardToken card = cards.tokenOf(buyerId, cardId); // looked up here: a token never comes from the browser
            if (card instanceof CardToken.Refused) {
                return pages.wallet(buyerId, cookie, WalletResult.of("FAILED", "wallet.error.CARD_NOT_FOUND"), model);
            }
            cardToken = ((CardToken.Found) card).unionpayToken();
        }
        WalletActions.TopUp topUp = actions.topUp(buyerId, money.get(), chosen, requestNo,
                chosen.needsPayPassword() ? payPassword : null, cardToken);
        if (topUp.result() != null) {
            return pages.wallet(buyerId, cookie, topUp.result(), model);
        }
        return "redirect:" + WalletPages.PATH + "/topup/" + topUp.tradeNo() + "/" + topUp.payOrderNo();
    }

    /** A top-up followed until its trade is final: the QR (or "in progress") while it is paying, then the wallet. */
    @GetMapping("/topup/{tradeNo}/{payOrderNo}")
    public String topUpProgress(@PathVariable String tradeNo, @PathVariable String payOrderNo,
                                @CookieValue(name = BuyerSessions.COOKIE, required = false) String cookie, Model model,
                                HttpServletResponse response) {
        Optional<BuyerSession> session = session(cookie, response);
        if (session.isEmpty()) {
            return pages.login(model, "error.SESSION_EXPIRED");
        }
        String buyerId = session.get().buyerId();
        Optional<TradeDTO> trade = NUMBER.matcher(tradeNo).matches() ? actions.topUpTrade(buyerId, tradeNo) : Optional.empty();
        if (trade.isEmpty()) {
            return "redirect:" + WalletPages.PATH;
        }
        return switch (trade.get().status()) {
            case SUCCESS, FINISHED -> pages.wallet(buyerId, cookie, WalletResult.of("SUCCESS", "wallet.topup.SUCCESS",
                    io.paysuite.cashier.page.AmountText.of(trade.get().amount())), model);
            // a top-up is never a pre-authorisation: those states cannot be a top-up's, read them as not credited
            case CLOSED, AUTHORIZED, CAPTURED, VOIDED -> pages.wallet(buyerId, cookie, WalletResult.of("FAILED", "wallet.topup.CLOSED"), model);
            case WAIT_PAY -> pages.wallet(buyerId, cookie, WalletResult.of("FAILED", "wallet.topup.FAILED"), model);
            case PAYING -> pages.topUp(trade.get().amount(), WalletPages.PATH + "/topup/" + tradeNo + "/" + payOrderNo,
                    channelOrder(trade.get(), payOrderNo), model);
        };
    }

    @PostMapping("/transfer")
    public String transfer(@RequestParam(name = "transfer_phone", required = false) String phone,
                           @RequestParam(name = "transfer_amount", required = false) String amount,
                           @RequestParam(name = "pay_password", required = false) String payPassword,
                           @RequestParam(name = "transfer_request_no", required = false) String requestNo,
                           @RequestParam(name = "csrf", required = false) String csrf,
                           @CookieValue(name = BuyerSessions.COOKIE, required = false) String cookie, Model model,
                           HttpServletResponse response) {
        WalletResult missing = phone == null || phone.isBlank() ? WalletResult.of("FAILED", "wallet.error.PHONE") : null;
        return act(new Form(cookie, csrf, requestNo, amount, payPassword), missing, model, response,
                (buyerId, money) -> actions.transfer(buyerId, phone.trim(), money, requestNo, payPassword));
    }

    @PostMapping("/withdraw")
    public String withdraw(@RequestParam(name = "withdraw_amount", required = false) String amount,
                           @RequestParam(name = "withdraw_card_id", required = false) String cardId,
                           @RequestParam(name = "pay_password", required = false) String payPassword,
                           @RequestParam(name = "withdraw_request_no", required = false) String requestNo,
                           @RequestParam(name = "csrf", required = false) String csrf,
                           @CookieValue(name = BuyerSessions.COOKIE, required = false) String cookie, Model model,
                           HttpServletResponse response) {
        WalletResult missing = cardId == null || cardId.isBlank()
                ? WalletResult.of("FAILED", "wallet.error.CARD_NOT_FOUND", "CARD_NOT_FOUND") : null;
        return act(new Form(cookie, csrf, requestNo, amount, payPassword), missing, model, response,
                (buyerId, money) -> actions.withdraw(buyerId, cardId, money, requestNo, payPassword));
    }

    /** What a transfer or withdrawal form posts besides its own fields. */
    private record Form(String cookie, String csrf, String requestNo, String amount, String payPassword) {
    }

    @FunctionalInterface
    private interface Action {
        WalletResult run(String buyerId, Money amount);
    }

    /**
     * A transfer or withdrawal: the form must be this session's, the amount yuan, its own field there
     * ({@code missing} says which is not) and the payment password given; only then is the action run.
     */
    private String act(Form form, WalletResult missing, Model model, HttpServletResponse response, Action action) {
        Optional<BuyerSession> session = checked(form.cookie(), form.csrf(), form.requestNo(), response);
        if (session.isEmpty()) {
            return refusedForm(form.cookie(), model, response);
        }
        String buyerId = session.get().buyerId();
        Optional<Money> money = YuanAmount.parse(form.amount());
        WalletResult refusal = money.isEmpty() ? WalletResult.of("FAILED", "wallet.error.AMOUNT")
                : missing != null ? missing
                : form.payPassword() == null || form.payPassword().isBlank()
                        ? WalletResult.of("FAILED", "wallet.error.PAY_PASSWORD_REQUIRED") : null;
        return pages.wallet(buyerId, form.cookie(), refusal != null ? refusal : action.run(buyerId, money.get()), model);
    }

    /** A downstream service failed while reading: nothing was moved by this page, try again. */
    @ExceptionHandler(Exception.class)
    public String unavailable(Exception e, HttpServletResponse response) {
        if (e instanceof RpcException rpc) {
            log.warn("wallet page unavailable rpc_code={} timeout={}", rpc.getCode(), rpc.isTimeout());
        } else {
            log.error("wallet page failed", e);
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        return "cashier/unavailable";
    }

    private Optional<BuyerSession> session(String cookie, HttpServletResponse response) {
        Optional<BuyerSession> session = sessions.verify(cookie, WalletPages.SESSION_SUBJECT);
        if (session.isEmpty() && cookie != null) {
            response.addHeader(HttpHeaders.SET_COOKIE, sessions.expired(WalletPages.PATH).toString());
        }
        return session;
    }

    /** The session of a posted form rendered for it, with a well-formed request number; else empty. */
    private Optional<BuyerSession> checked(String cookie, String csrf, String requestNo, HttpServletResponse response) {
        Optional<BuyerSession> session = session(cookie, response);
        if (session.isEmpty() || !guard.accepts(csrf, cookie, WalletPages.SESSION_SUBJECT) || requestNo == null
                || !REQUEST_NO.matcher(requestNo).matches()) {
            return Optional.empty();
        }
        return session;
    }

    private String refusedForm(String cookie, Model model, HttpServletResponse response) {
        Optional<BuyerSession> session = sessions.verify(cookie, WalletPages.SESSION_SUBJECT);
        if (session.isEmpty()) {
            return pages.login(model, "error.SESSION_EXPIRED");
        }
        log.warn("wallet form refused: not rendered for this session buyer_id={}", session.get().buyerId());
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return pages.wallet(session.get().buyerId(), cookie, WalletResult.of("FAILED", "wallet.error.FORM_EXPIRED"), model);
    }

    private Optional<ChannelOrderDTO> channelOrderOf(TradeDTO trade, String payOrderNo) {
        Result<ChannelOrderDTO> r = channels.get(payOrderNo);
        return r != null && r.success() && r.data() != null && trade.tradeNo().equals(r.data().tradeNo())
                ? Optional.of(r.data()) : Optional.empty();
    }

    private ChannelOrderDTO channelOrder(TradeDTO trade, String payOrderNo) {
        return NUMBER.matcher(payOrderNo).matches() ? channelOrderOf(trade, payOrderNo).orElse(null) : null;
    }
}
