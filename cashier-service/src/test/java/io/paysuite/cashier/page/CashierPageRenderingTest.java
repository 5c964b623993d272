package io.paysuite.cashier.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelOrderDTO;
import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.common.Result;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.member.BoundCardDTO;
import io.paysuite.api.member.BuyerDTO;
import io.paysuite.api.member.CardStatus;
import io.paysuite.api.member.CardTokenDTO;
import io.paysuite.api.member.CardTokenQry;
import io.paysuite.api.member.CardType;
import io.paysuite.api.member.MemberService;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.promotion.CouponOfferDTO;
import io.paysuite.api.promotion.CouponService;
import io.paysuite.api.promotion.FundedBy;
import io.paysuite.api.promotion.PointsAccountDTO;
import io.paysuite.api.promotion.UsableCouponsQry;
import io.paysuite.api.promotion.PointsService;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.cashier.api.trade.PayingTrades;
import io.paysuite.cashier.api.trade.TradeWaitProperties;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.cashier.keys.KeyProperties;
import io.paysuite.cashier.token.CashierTokens;
import jakarta.servlet.http.Cookie;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.dubbo.rpc.RpcException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The pages as a browser gets them: the real templates and messages, the Dubbo services mocked. */
class CashierPageRenderingTest {

    @TempDir
    Path keys;

    private final TradeService trades = mock(TradeService.class);
    private final MemberService members = mock(MemberService.class);
    private final PayService pay = mock(PayService.class);
    private final ChannelService channels = mock(ChannelService.class);
    private final CouponService coupons = mock(CouponService.class);
    private final PointsService points = mock(PointsService.class);
    private final Clock clock = Clock.systemUTC();
    private MockMvc mvc;
    private String token;
    private String path;

    @BeforeEach
    void pages() {
        var properties = new KeyProperties(keys, true, true);
        var page = new CashierPageProperties(List.of(PayMethod.BALANCE, PayMethod.ALIPAY_QR, PayMethod.BANK_CARD), Duration.ofMinutes(30),
                Duration.ofSeconds(2), Duration.ofSeconds(5));
        var config = new CashierPageConfig();
        CashierTokens tokens = new CashierTokens(properties, clock);
        BuyerSessions sessions = config.buyerSessions(properties, page, clock);
        FormGuard guard = config.formGuard(properties);
        PayMethodMenu menu = config.payMethodMenu(page);
        BuyerCards cards = config.buyerCards(members);
        CashierTrades cashierTrades = config.cashierTrades(tokens, trades, channels, clock);
        var controller = new CashierPageController(cashierTrades, config.buyerLogins(members), config.payAttempts(pay,
                new PayingTrades(trades, new TradeWaitProperties(Duration.ofMillis(200), Duration.ofMillis(1))), page),
                sessions, guard, menu, cards, config.cashierPages(sessions, guard, menu, cards, cashierTrades,
                config.buyerPromotions(coupons, points), page));
        LocaleResolver locales = config.localeResolver();
        mvc = MockMvcBuilders.standaloneSetup(controller).setViewResolvers(thymeleaf()).setLocaleResolver(locales)
                .addMappedInterceptors(new String[] {"/cashier/**"}, new CashierLanguages(locales)).build();
        token = tokens.issue("T1", Instant.now().plusSeconds(1800));
        path = "/cashier/" + token;
        waiting(null, List.of());
        when(members.listCards(any())).thenReturn(Result.ok(List.of()));
    }

    /** The real templates and messages, as the application resolves them (the wallet page's test uses them too). */
    static ThymeleafViewResolver thymeleaf() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        var templates = new ClassLoaderTemplateResolver();
        templates.setPrefix("templates/");
        templates.setSuffix(".html");
        templates.setTemplateMode(TemplateMode.HTML);
        templates.setCharacterEncoding("UTF-8");
        var engine = new SpringTemplateEngine();
        engine.setTemplateResolver(templates);
        engine.setTemplateEngineMessageSource(messages);
        var resolver = new ThymeleafViewResolver();
        resolver.setTemplateEngine(engine);
        resolver.setCharacterEncoding("UTF-8");
        return resolver;
    }

    private void waiting(String buyerId, List<PayMethod> methods) {
        trade(TradeStatus.WAIT_PAY, buyerId, methods, Instant.now().plusSeconds(600));
    }

    private void trade(TradeStatus status, String buyerId, List<PayMethod> methods, Instant expire) {
        when(trades.get(any())).thenReturn(tradeIn(status, buyerId, methods, expire));
    }

    private static Result<TradeDTO> tradeIn(TradeStatus status, String buyerId, List<PayMethod> methods, Instant expire) {
        return Result.ok(new TradeDTO("T1", "M1", "O1", TradeType.INSTANT, status,
                Money.cny(1234), Money.cny(0), Money.cny(0), "Green tea <b>", buyerId, null, "https://m/notify",
                "https://shop.example/back?o=1", expire, Instant.now(), null, null, methods, List.of(), null));
    }

    private MockHttpServletResponse call(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    private static String body(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private Cookie loggedIn(String buyerId) throws Exception {
        when(members.login(any())).thenReturn(Result.ok(new BuyerDTO(buyerId, "139****0000", "b", null, Instant.now())));
        MockHttpServletResponse login = call(post(path + "/login").param("phone", "13900000000").param("password", "Passw0rd-it"));
        assertThat(login.getRedirectedUrl()).isEqualTo(path);
        return login.getCookie(BuyerSessions.COOKIE);
    }

    private static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as(name + " in " + html).isTrue();
        return m.group(1);
    }

    @Test
    void aForgedTokenShowsTheInvalidLinkPage() throws Exception {
        MockHttpServletResponse page = call(get("/cashier/" + token.substring(0, 10) + "x" + token.substring(11)));

        assertThat(page.getStatus()).isEqualTo(404);
        assertThat(body(page)).contains("Link invalid or expired").doesNotContain("Exception");
    }

    @Test
    void aWaitingTradeShowsAmountSubjectAndTheLoginForm() throws Exception {
        String html = body(call(get(path)));

        assertThat(html).contains("data-testid=\"cashier-amount\">¥12.34<", "Green tea &lt;b&gt;", "data-testid=\"login-phone\"",
                "data-testid=\"login-password\"", "data-testid=\"login-submit\"", "name=\"viewport\"").doesNotContain("pay-submit");
    }

    @Test
    void aWrongLoginSaysOnlyThatItIsIncorrect() throws Exception {
        when(members.login(any())).thenReturn(Result.fail(ErrorCode.LOGIN_FAILED, "no such buyer"));

        MockHttpServletResponse page = call(post(path + "/login").param("phone", "1390").param("password", "x"));

        assertThat(page.getCookie(BuyerSessions.COOKIE)).isNull();
        assertThat(body(page)).contains("The phone number or password is incorrect.", "login-submit");
    }

    @Test
    void aLoggedInBuyerSeesTheAllowedMethodsWithTheEnabledOnesSelectable() throws Exception {
        Cookie session = loggedIn("U7");

        String html = body(call(get(path).cookie(session)));

        assertThat(html).contains("data-testid=\"pay-method-BALANCE\" checked=\"checked\"", "data-testid=\"pay-password\"",
                "data-testid=\"pay-submit\"", "Pay ¥12.34");
        assertThat(html).containsPattern("data-testid=\"pay-method-WECHAT_QR\"\\s+disabled=\"disabled\"");
        assertThat(html).doesNotContainPattern("data-testid=\"pay-method-ALIPAY_QR\"\\s+disabled");
        assertThat(field(html, "request_no")).matches("CP[0-9a-f]{32}");
    }

    @Test
    void theMerchantsRestrictionLimitsTheMethods() throws Exception {
        waiting(null, List.of(PayMethod.BALANCE));
        Cookie session = loggedIn("U7");

        assertThat(body(call(get(path).cookie(session)))).contains("pay-method-BALANCE").doesNotContain("pay-method-ALIPAY_QR");
    }

    @Test
    void aPaymentShowsSuccessAndReturnsToTheMerchant() throws Exception {
        Cookie session = loggedIn("U7");
        String form = body(call(get(path).cookie(session)));
        when(pay.pay(any())).thenReturn(Result.ok(new PayOrderDTO("P1", "T1", "r", "U7", "M1", PayMethod.BALANCE,
                PayOrderStatus.SUCCESS, Money.cny(1234), Instant.now(), Instant.now())));
        Instant expire = Instant.now().plusSeconds(600);
        // the page reads the trade waiting, pays, then asks trade-core, which has followed the pay order
        when(trades.get(any())).thenReturn(tradeIn(TradeStatus.WAIT_PAY, null, List.of(), expire),
                tradeIn(TradeStatus.PAYING, null, List.of(), expire), tradeIn(TradeStatus.SUCCESS, null, List.of(), expire));

        String html = body(call(post(path + "/pay").cookie(session).param("method", "BALANCE").param("pay_password", "135790")
                .param("request_no", field(form, "request_no")).param("csrf", field(form, "csrf"))));

        assertThat(html).containsPattern("data-testid=\"pay-result\"[^>]*>\\s*<p[^>]*>Payment successful</p>\\s*<p[^>]*>SUCCESS<")
                .contains("content=\"5;url=https://shop.example/back?o=1\"", "href=\"https://shop.example/back?o=1\"");
        ArgumentCaptor<PayCmd> cmd = ArgumentCaptor.forClass(PayCmd.class);
        verify(pay).pay(cmd.capture());
        assertThat(cmd.getValue()).isEqualTo(new PayCmd("T1", "U7", PayMethod.BALANCE, "135790", field(form, "request_no"))
                .withRisk(cmd.getValue().risk()));
        assertThat(cmd.getValue().riskContext().clientIp()).as("the browser's address for the risk rules").isNotBlank();
        assertThat(cmd.getValue().riskContext().deviceId()).as("the device cookie set on this first payment").matches("[0-9a-f]{32}");
    }

    @Test
    void aPaymentTheRiskRulesRefuseIsExplainedOnTheForm() throws Exception {
        Cookie session = loggedIn("U7");
        String form = body(call(get(path).cookie(session)));
        when(pay.pay(any())).thenReturn(Result.fail(ErrorCode.RISK_REJECTED, "this payment needs review"));

        String html = body(call(post(path + "/pay").cookie(session).param("method", "ALIPAY_QR")
                .param("request_no", field(form, "request_no")).param("csrf", field(form, "csrf"))));

        assertThat(html).contains("This payment needs review and cannot be made with this method.", "pay-submit");
    }

    @Test
    void aRiskStepUpAsksForThePasswordAgainAndTheNextSubmissionConfirmsTheRefusedAttempt() throws Exception {
        Cookie session = loggedIn("U7");
        String form = body(call(get(path).cookie(session)));
        when(pay.pay(any())).thenReturn(Result.fail(ErrorCode.RISK_STEP_UP_REQUIRED, "step-up"),
                Result.fail(ErrorCode.INSUFFICIENT_BALANCE, "balance"));

        String asked = body(call(post(path + "/pay").cookie(session).param("method", "BALANCE").param("pay_password", "135790")
                .param("request_no", field(form, "request_no")).param("csrf", field(form, "csrf"))));

        assertThat(asked).contains("please confirm this payment: enter your payment password again", "Nothing has been charged yet.",
                "Payment password (enter it again)", "data-testid=\"pay-method-BALANCE\" checked=\"checked\"");
        assertThat(field(asked, "step_up_of")).as("the form names the refused attempt").isEqualTo(field(form, "request_no"));
        assertThat(field(asked, "request_no")).as("the confirmation is a new attempt").isNotEqualTo(field(form, "request_no"));
        assertThat(asked).as("the password is typed again, never kept in the page").doesNotContain("135790");

        call(post(path + "/pay").cookie(session).param("method", "BALANCE").param("pay_password", "135790")
                .param("request_no", field(asked, "request_no")).param("step_up_of", field(asked, "step_up_of"))
                .param("csrf", field(asked, "csrf")));
        ArgumentCaptor<PayCmd> cmd = ArgumentCaptor.forClass(PayCmd.class);
        verify(pay, org.mockito.Mockito.times(2)).pay(cmd.capture());
        assertThat(cmd.getAllValues()).extracting(PayCmd::stepUpOf).containsExactly(null, field(form, "request_no"));
        assertThat(body(call(get(path + "?lang=zh_CN").cookie(session)))).doesNotContain("step_up_of");
    }

    @Test
    void aCardStepUpKeepsTheChosenCardSelected() throws Exception {
        Cookie session = loggedIn("U7");
        cardsOf("U7", card("C10000001", "U7", "6222 **** **** 0000", "ICBC"), card("C10000002", "U7", "4392 **** **** 1111", "CMB"));
        when(members.resolveCardToken(any())).thenReturn(Result.ok(new CardTokenDTO("C10000002", "U7", TOKEN)));
        when(pay.pay(any())).thenReturn(Result.fail(ErrorCode.RISK_STEP_UP_REQUIRED, "step-up"));
        String form = body(call(get(path + "?lang=zh_CN").cookie(session)));

        String asked = body(call(post(path + "/pay").cookie(session).param("method", "BANK_CARD").param("card_id", "C10000002")
                .param("pay_password", "135790").param("request_no", field(form, "request_no")).param("csrf", field(form, "csrf"))));

        assertThat(asked).contains("Payment password (enter it again)", "data-testid=\"pay-method-BANK_CARD\" checked=\"checked\"",
                "data-testid=\"pay-card-C10000002\" checked=\"checked\"").doesNotContain("data-testid=\"pay-card-C10000001\" checked");
    }

    @Test
    void anAlipayQrPaymentNeedsNoPasswordAndShowsTheChannelsCodeUntilTheTradeIsPaid() throws Exception {
        Cookie session = loggedIn("U7");
        String form = body(call(get(path).cookie(session)));
        when(pay.pay(any())).thenReturn(Result.ok(new PayOrderDTO("P1", "T1", "r", "U7", "M1", PayMethod.ALIPAY_QR,
                PayOrderStatus.PROCESSING, Money.cny(1234), Instant.now(), null)));

        MockHttpServletResponse started = call(post(path + "/pay").cookie(session).param("method", "ALIPAY_QR")
                .param("request_no", field(form, "request_no")).param("csrf", field(form, "csrf")));

        assertThat(started.getRedirectedUrl()).isEqualTo(path + "/scan/P1");
        ArgumentCaptor<PayCmd> cmd = ArgumentCaptor.forClass(PayCmd.class);
        verify(pay).pay(cmd.capture());
        assertThat(cmd.getValue().payPassword()).as("no Paysuite password goes to a channel payment").isNull();

        trade(TradeStatus.PAYING, null, List.of(), Instant.now().plusSeconds(600));
        when(channels.get("P1")).thenReturn(Result.ok(new ChannelOrderDTO("C1", "P1", "T1", ChannelCode.ALIPAY,
                PayMethod.ALIPAY_QR, Money.cny(1234), ChannelOrderStatus.PROCESSING, "https://qr.alipay.com/sbx123", null,
                "10000", Instant.now(), null)));
        String scan = body(call(get(path + "/scan/P1")));
        assertThat(scan).contains("data-testid=\"qr-code-url\">https://qr.alipay.com/sbx123<", "src=\"data:image/png;base64,",
                "Scan this code with the Alipay app", "content=\"2;url=" + path + "/scan/P1\"");

        when(channels.get("P9")).thenReturn(Result.ok(new ChannelOrderDTO("C9", "P9", "T9", ChannelCode.ALIPAY,
                PayMethod.ALIPAY_QR, Money.cny(1), ChannelOrderStatus.PROCESSING, "https://qr.alipay.com/other", null,
                "10000", Instant.now(), null)));
        assertThat(body(call(get(path + "/scan/P9")))).as("another trade's code is never shown under this token")
                .doesNotContain("qr.alipay.com/other");

        trade(TradeStatus.SUCCESS, null, List.of(), Instant.now().plusSeconds(600));
        assertThat(call(get(path + "/scan/P1")).getRedirectedUrl()).isEqualTo(path);
    }

    @Test
    void aFormWithoutItsCsrfFieldPaysNothing() throws Exception {
        Cookie session = loggedIn("U7");

        MockHttpServletResponse page = call(post(path + "/pay").cookie(session).param("method", "BALANCE")
                .param("pay_password", "135790").param("request_no", "CP0123456789").param("csrf", "forged"));

        assertThat(page.getStatus()).isEqualTo(403);
        assertThat(body(page)).contains("This form has expired.");
        verify(pay, never()).pay(any());
    }

    @Test
    void aWrongPayPasswordShowsTheAttemptsLeftOnTheForm() throws Exception {
        Cookie session = loggedIn("U7");
        String form = body(call(get(path).cookie(session)));
        when(pay.pay(any())).thenReturn(Result.fail(ErrorCode.PAY_PASSWORD_WRONG, "wrong payment password; 4 attempts left"));

        String html = body(call(post(path + "/pay").cookie(session).param("method", "BALANCE").param("pay_password", "000000")
                .param("request_no", field(form, "request_no")).param("csrf", field(form, "csrf"))));

        assertThat(html).contains("Wrong payment password. 4 attempts left.", "pay-submit");
        assertThat(field(html, "request_no")).isNotEqualTo(field(form, "request_no"));
    }

    @Test
    void aTimeoutWhilePayingShowsTheSelfRefreshingInProgressPage() throws Exception {
        Cookie session = loggedIn("U7");
        String form = body(call(get(path).cookie(session)));
        when(pay.pay(any())).thenThrow(new RpcException(RpcException.TIMEOUT_EXCEPTION, "timeout"));

        String html = body(call(post(path + "/pay").cookie(session).param("method", "BALANCE").param("pay_password", "135790")
                .param("request_no", field(form, "request_no")).param("csrf", field(form, "csrf"))));

        assertThat(html).contains("content=\"2;url=" + path + "\"", ">PAYING<");
    }

    @Test
    void aBuyerWhoIsNotTheTradesBuyerIsTold() throws Exception {
        waiting("U8", List.of());
        when(members.login(any())).thenReturn(Result.ok(new BuyerDTO("U7", "139****0000", "b", null, Instant.now())));

        MockHttpServletResponse page = call(post(path + "/login").param("phone", "13900000000").param("password", "Passw0rd-it"));

        assertThat(page.getCookie(BuyerSessions.COOKIE)).isNull();
        assertThat(body(page)).contains("This order belongs to another account.");
    }

    @Test
    void eachStateHasItsPage() throws Exception {
        trade(TradeStatus.CLOSED, null, List.of(), Instant.now().plusSeconds(600));
        assertThat(body(call(get(path)))).contains("This order is closed.", ">CLOSED<");

        trade(TradeStatus.SUCCESS, null, List.of(), Instant.now().plusSeconds(600));
        assertThat(body(call(get(path)))).contains("This order has already been paid.", ">SUCCESS<").doesNotContain("http-equiv");

        trade(TradeStatus.PAYING, null, List.of(), Instant.now().plusSeconds(600));
        assertThat(body(call(get(path)))).containsPattern("http-equiv=\"refresh\"\\s+content=\"2;url=" + path + "\"").contains(">PAYING<");

        trade(TradeStatus.WAIT_PAY, null, List.of(), Instant.now().minusSeconds(1));
        assertThat(body(call(get(path)))).contains("This order has expired.", ">CLOSED<");
    }

    @Test
    void chineseIsChosenByTheBrowserOrBySwitchAndRemembered() throws Exception {
        assertThat(body(call(get(path).header("Accept-Language", "zh-CN,zh;q=0.9")))).contains("登录后付款");
        assertThat(body(call(get(path).header("Accept-Language", "en-US")))).contains("Log in to pay");

        MockHttpServletResponse switched = call(get(path + "?lang=zh_CN").header("Accept-Language", "en-US"));
        assertThat(body(switched)).contains("登录后付款", "lang=\"zh-CN\"");
        Cookie remembered = switched.getCookie(CashierLanguages.COOKIE);
        assertThat(remembered).isNotNull();
        assertThat(body(call(get(path).cookie(remembered).header("Accept-Language", "en-US")))).contains("登录后付款");
    }

    @Test
    void aFailingTradeServiceShowsTheBusyPageNotAStackTrace() throws Exception {
        when(trades.get(any())).thenThrow(new RpcException(RpcException.TIMEOUT_EXCEPTION, "timeout"));

        MockHttpServletResponse page = call(get(path));

        assertThat(page.getStatus()).isEqualTo(503);
        assertThat(body(page)).contains("Service busy");
    }

    // --- bank cards ---------------------------------------------------------------------------

    private static final String TOKEN = "TOKEN6200000000000000";

    private void cardsOf(String buyerId, BoundCardDTO... cards) {
        when(members.listCards(buyerId)).thenReturn(Result.ok(List.of(cards)));
    }

    private static BoundCardDTO card(String cardId, String buyerId, String maskedPan, String bank) {
        return new BoundCardDTO(cardId, buyerId, maskedPan, bank, CardType.DEBIT, CardStatus.ACTIVE, Instant.now());
    }

    private static Result<PayOrderDTO> cardOrder(PayOrderStatus status) {
        return Result.ok(new PayOrderDTO("P1", "T1", "r", "U7", "M1", PayMethod.BANK_CARD, status, Money.cny(1234), Instant.now(),
                status.isFinal() ? Instant.now() : null, status == PayOrderStatus.SUCCESS ? "UNIONPAY" : null));
    }

    @Test
    void aBuyerWithBoundCardsSeesThemByMaskedNumberAndBankWithTheFirstSelectedAndNoToken() throws Exception {
        Cookie session = loggedIn("U7");
        cardsOf("U7", card("C10000001", "U7", "6222 **** **** 0000", "ICBC"), card("C10000002", "U7", "4392 **** **** 1111", "CMB"));

        String html = body(call(get(path).cookie(session)));

        assertThat(html).doesNotContainPattern("data-testid=\"pay-method-BANK_CARD\"\\s+disabled")
                .contains("data-testid=\"pay-card-C10000001\" checked=\"checked\"", "6222 **** **** 0000", "ICBC · Debit card",
                        "data-testid=\"pay-card-C10000002\"", "4392 **** **** 1111", "CMB")
                .doesNotContain("data-testid=\"pay-card-C10000002\" checked", "pay-card-note", TOKEN);
        verify(members, never()).resolveCardToken(any());
    }

    @Test
    void aBuyerWithoutACardIsToldAndCannotPickTheCardMethod() throws Exception {
        Cookie session = loggedIn("U7");

        String html = body(call(get(path).cookie(session)));

        assertThat(html).containsPattern("data-testid=\"pay-method-BANK_CARD\"\\s+disabled=\"disabled\"")
                .contains("no bound card", "No bank card is bound to your account yet.", "data-testid=\"pay-card-note\"")
                .contains("data-testid=\"pay-method-BALANCE\" checked=\"checked\"");
        assertThat(body(call(get(path + "?lang=zh_CN").cookie(session)))).contains("您的账户还没有绑定银行卡");
    }

    @Test
    void whenTheCardsCannotBeReadTheRestOfTheFormStillWorks() throws Exception {
        Cookie session = loggedIn("U7");
        when(members.listCards("U7")).thenThrow(new RpcException(RpcException.TIMEOUT_EXCEPTION, "timeout"));

        MockHttpServletResponse page = call(get(path).cookie(session));

        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(body(page)).containsPattern("data-testid=\"pay-method-BANK_CARD\"\\s+disabled=\"disabled\"")
                .contains("Your bank cards cannot be shown right now.", "data-testid=\"pay-method-BALANCE\" checked=\"checked\"");
    }

    @Test
    void theCardMethodIsNotOfferedAndCardsAreNotReadWhenTheMerchantExcludesIt() throws Exception {
        waiting(null, List.of(PayMethod.BALANCE));
        Cookie session = loggedIn("U7");

        assertThat(body(call(get(path).cookie(session)))).doesNotContain("pay-method-BANK_CARD", "pay-card");
        verify(members, never()).listCards(any());
    }

    @Test
    void aCardPaymentChargesTheTokenResolvedForTheSessionsBuyerAndFollowsItUntilPaid() throws Exception {
        Cookie session = loggedIn("U7");
        cardsOf("U7", card("C10000001", "U7", "6222 **** **** 0000", "ICBC"));
        String form = body(call(get(path).cookie(session)));
        when(members.resolveCardToken(new CardTokenQry("U7", "C10000001")))
                .thenReturn(Result.ok(new CardTokenDTO("C10000001", "U7", TOKEN)));
        when(pay.pay(any())).thenReturn(cardOrder(PayOrderStatus.PROCESSING));

        MockHttpServletResponse accepted = call(post(path + "/pay").cookie(session).param("method", "BANK_CARD")
                .param("card_id", "C10000001").param("pay_password", "135790")
                .param("request_no", field(form, "request_no")).param("csrf", field(form, "csrf")));

        assertThat(accepted.getRedirectedUrl()).isEqualTo(path + "/paying/P1");
        ArgumentCaptor<PayCmd> cmd = ArgumentCaptor.forClass(PayCmd.class);
        verify(pay).pay(cmd.capture());
        assertThat(cmd.getValue()).isEqualTo(new PayCmd("T1", "U7", PayMethod.BANK_CARD, "135790", field(form, "request_no"), TOKEN)
                .withRisk(cmd.getValue().risk()));

        trade(TradeStatus.PAYING, null, List.of(), Instant.now().plusSeconds(600));
        assertThat(body(call(get(path + "/paying/P1")))).as("accepted is not paid: the page asks again")
                .containsPattern("http-equiv=\"refresh\"\\s+content=\"2;url=" + path + "/paying/P1\"").contains(">PAYING<");

        trade(TradeStatus.SUCCESS, null, List.of(), Instant.now().plusSeconds(600));
        when(pay.get("P1")).thenReturn(cardOrder(PayOrderStatus.SUCCESS));
        assertThat(body(call(get(path + "/paying/P1"))))
                .containsPattern("data-testid=\"pay-result\"[^>]*>\\s*<p[^>]*>Payment successful</p>\\s*<p[^>]*>SUCCESS<")
                .contains("content=\"5;url=https://shop.example/back?o=1\"");
    }

    @Test
    void aCardTheSessionsBuyerDoesNotHavePaysNothing() throws Exception {
        Cookie session = loggedIn("U7");
        String form = body(call(get(path).cookie(session)));
        when(members.resolveCardToken(any())).thenReturn(Result.fail(ErrorCode.CARD_NOT_FOUND, "card_id: no such card for this buyer"));

        String html = body(call(post(path + "/pay").cookie(session).param("method", "BANK_CARD").param("card_id", "C10000009")
                .param("pay_password", "135790").param("request_no", field(form, "request_no")).param("csrf", field(form, "csrf"))));

        assertThat(html).contains("This bank card can no longer be used.", "pay-submit");
        verify(members).resolveCardToken(new CardTokenQry("U7", "C10000009"));
        verify(pay, never()).pay(any());

        String noCard = body(call(post(path + "/pay").cookie(session).param("method", "BANK_CARD").param("pay_password", "135790")
                .param("request_no", field(form, "request_no")).param("csrf", field(form, "csrf"))));
        assertThat(noCard).contains("Please choose one of your bank cards.");
        verify(pay, never()).pay(any());
    }

    @Test
    void aWrongPayPasswordOnACardShowsTheAttemptsLeft() throws Exception {
        Cookie session = loggedIn("U7");
        cardsOf("U7", card("C10000001", "U7", "6222 **** **** 0000", "ICBC"));
        String form = body(call(get(path).cookie(session)));
        when(members.resolveCardToken(any())).thenReturn(Result.ok(new CardTokenDTO("C10000001", "U7", TOKEN)));
        when(pay.pay(any())).thenReturn(Result.fail(ErrorCode.PAY_PASSWORD_WRONG, "wrong payment password; 4 attempts left"));

        String html = body(call(post(path + "/pay").cookie(session).param("method", "BANK_CARD").param("card_id", "C10000001")
                .param("pay_password", "000000").param("request_no", field(form, "request_no")).param("csrf", field(form, "csrf"))));

        assertThat(html).contains("Wrong payment password. 4 attempts left.", "data-testid=\"pay-card-C10000001\"")
                .doesNotContain(TOKEN);
    }

    @Test
    void aDeclinedCardBringsTheFormBackWithTheBanksRefusal() throws Exception {
        Cookie session = loggedIn("U7");
        when(pay.get("P1")).thenReturn(cardOrder(PayOrderStatus.FAILED));

        String html = body(call(get(path + "/paying/P1").cookie(session)));

        assertThat(html).contains("The bank did not accept this card payment and nothing was charged.", "pay-submit");
    }

    @Test
    void thePayingPageOfAnotherTradesOrderSaysNothingAboutIt() throws Exception {
        when(pay.get("P9")).thenReturn(Result.ok(new PayOrderDTO("P9", "T9", "r", "U8", "M1", PayMethod.BANK_CARD,
                PayOrderStatus.FAILED, Money.cny(1), Instant.now(), Instant.now())));

        assertThat(call(get(path + "/paying/P9")).getRedirectedUrl()).isEqualTo(path);

        trade(TradeStatus.SUCCESS, null, List.of(), Instant.now().plusSeconds(600));
        assertThat(call(get(path + "/paying/P9")).getRedirectedUrl()).isEqualTo(path);
    }

    @Test
    void aLoggedInBuyerSeesTheUsableCouponsTheBestOnePreselectedThePointsAndTheBreakdown() throws Exception {
        usable(PromotionChoicesTest.offer("C8", 800, FundedBy.MERCHANT), PromotionChoicesTest.offer("C5", 500, FundedBy.PLATFORM));
        when(points.account("U7")).thenReturn(Result.ok(new PointsAccountDTO("U7", 2_000, 0, Money.cny(2_000))));
        Cookie session = loggedIn("U7");

        String html = body(call(get(path).cookie(session)));

        assertThat(html).containsPattern("data-testid=\"coupon-C8\"[^>]*checked=\"checked\"")
                .contains("data-testid=\"coupon-C5\"", "data-testid=\"coupon-none\"", "data-testid=\"use-points\"",
                        "data-testid=\"pay-breakdown\"", "2,000 points, worth ¥20.00", "data-discount=\"800\"", "data-worth=\"2000\"",
                        "data-testid=\"pay-breakdown-rest\">¥4.34<", "Pay ¥4.34", "/js/checkout.js")
                .doesNotContain("pay-method-COUPON", "pay-method-POINTS");
        assertThat(html).doesNotContainPattern("data-testid=\"coupon-none\"[^>]*checked");
        ArgumentCaptor<UsableCouponsQry> asked = ArgumentCaptor.forClass(UsableCouponsQry.class);
        verify(coupons).listUsable(asked.capture());
        assertThat(asked.getValue()).isEqualTo(new UsableCouponsQry("U7", "M1", Money.cny(1234)));
    }

    @Test
    void theChosenCouponAndPointsGoToPayCoreAsIdsAndAFlagNeverAsAmounts() throws Exception {
        PayCmd cmd = qrPaymentPosted(300, "C5", "true");

        assertThat(cmd.couponId()).isEqualTo("C5");
        assertThat(cmd.usePoints()).isTrue();
    }

    @Test
    void noCouponChosenPaysWithoutOne() throws Exception {
        assertThat(qrPaymentPosted(0, "", null).combination()).isFalse();
    }

    @Test
    void aCouponNoLongerUsableIsRefusedOnTheFormBeforeAnythingIsPaid() throws Exception {
        FormWithCoupon shown = formWithCouponC5(0);
        Cookie session = shown.session();
        String form = shown.html();
        usable(); // used in another tab meanwhile

        String html = body(call(post(path + "/pay").cookie(session).param("method", "BALANCE").param("pay_password", "135790")
                .param("coupon_id", "C5").param("request_no", field(form, "request_no")).param("csrf", field(form, "csrf"))));

        assertThat(html).contains("This coupon can no longer be used on this order", "data-testid=\"coupon-none\"", "pay-submit")
                .doesNotContain("data-testid=\"coupon-C5\"");
        verify(pay, never()).pay(any());
    }

    @Test
    void payCoresRefusalOfAFrozenCouponIsShownInTheBuyersLanguage() throws Exception {
        FormWithCoupon shown = formWithCouponC5(0);
        Cookie session = shown.session();
        String form = shown.html();
        when(pay.pay(any())).thenReturn(Result.fail(ErrorCode.COUPON_NOT_USABLE, "coupon C5 was taken by another payment"));

        String html = body(call(post(path + "/pay").cookie(session).header("Accept-Language", "zh-CN,zh")
                .param("method", "BALANCE").param("pay_password", "135790").param("coupon_id", "C5")
                .param("request_no", field(form, "request_no")).param("csrf", field(form, "csrf"))));

        assertThat(html).contains("该优惠券已无法用于本订单", "不使用优惠券", "优惠券");
    }

    @Test
    void withoutMemberServiceThePageStillPaysTheFullAmount() throws Exception {
        when(coupons.listUsable(any())).thenThrow(new RpcException(RpcException.TIMEOUT_EXCEPTION, "timeout"));
        Cookie session = loggedIn("U7");

        String html = body(call(get(path).cookie(session)));

        assertThat(html).contains("Coupons and points cannot be shown right now", "Pay ¥12.34", "data-testid=\"coupon-none\"");
    }

    private record FormWithCoupon(Cookie session, String html) {
    }

    /** U7 logged in, offered coupon C5 (5.00 off) and {@code pointsWorth} points worth as many minor units. */
    private FormWithCoupon formWithCouponC5(long pointsWorth) throws Exception {
        usable(PromotionChoicesTest.offer("C5", 500, FundedBy.PLATFORM));
        when(points.account("U7")).thenReturn(Result.ok(new PointsAccountDTO("U7", pointsWorth, 0, Money.cny(pointsWorth))));
        Cookie session = loggedIn("U7");
        return new FormWithCoupon(session, body(call(get(path).cookie(session))));
    }

    /** An Alipay QR payment posted with this coupon choice and points flag (and a forged discount), as pay-core receives it. */
    private PayCmd qrPaymentPosted(long pointsWorth, String couponId, String usePoints) throws Exception {
        FormWithCoupon shown = formWithCouponC5(pointsWorth);
        when(pay.pay(any())).thenReturn(Result.ok(new PayOrderDTO("P1", "T1", "r", "U7", "M1", PayMethod.ALIPAY_QR,
                PayOrderStatus.PROCESSING, Money.cny(1234), Instant.now(), null)));
        var request = post(path + "/pay").cookie(shown.session()).param("method", "ALIPAY_QR").param("coupon_id", couponId)
                .param("discount", "1233").param("request_no", field(shown.html(), "request_no")).param("csrf", field(shown.html(), "csrf"));
        call(usePoints == null ? request : request.param("use_points", usePoints));
        ArgumentCaptor<PayCmd> cmd = ArgumentCaptor.forClass(PayCmd.class);
        verify(pay).pay(cmd.capture());
        return cmd.getValue();
    }

    private void usable(CouponOfferDTO... offers) {
        when(coupons.listUsable(any())).thenReturn(Result.ok(List.of(offers)));
    }
}
