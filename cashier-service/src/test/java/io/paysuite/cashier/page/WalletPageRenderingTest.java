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
import io.paysuite.api.ledger.AccountBalanceDTO;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.member.BoundCardDTO;
import io.paysuite.api.member.BuyerDTO;
import io.paysuite.api.member.CardStatus;
import io.paysuite.api.member.CardType;
import io.paysuite.api.member.MemberService;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.api.wallet.WalletMovementDTO;
import io.paysuite.api.wallet.WalletMovementKind;
import io.paysuite.api.wallet.WalletService;
import io.paysuite.api.wallet.WalletTransferCmd;
import io.paysuite.api.wallet.WalletTransferDTO;
import io.paysuite.cashier.keys.KeyProperties;
import io.paysuite.cashier.page.wallet.WalletActions;
import io.paysuite.cashier.page.wallet.WalletBook;
import io.paysuite.cashier.page.wallet.WalletPageController;
import io.paysuite.cashier.page.wallet.WalletPageProperties;
import io.paysuite.cashier.page.wallet.WalletPages;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.servlet.LocaleResolver;

/** The wallet page as a browser gets it: the real templates and messages, the Dubbo services mocked. */
class WalletPageRenderingTest {

    @TempDir
    Path keys;

    private final TradeService trades = mock(TradeService.class);
    private final MemberService members = mock(MemberService.class);
    private final PayService pay = mock(PayService.class);
    private final ChannelService channels = mock(ChannelService.class);
    private final LedgerService ledger = mock(LedgerService.class);
    private final WalletService wallets = mock(WalletService.class);
    private MockMvc mvc;

    @BeforeEach
    void page() {
        var properties = new KeyProperties(keys, true, true);
        var cashier = new CashierPageProperties(List.of(PayMethod.BALANCE), Duration.ofMinutes(30), Duration.ofSeconds(2),
                Duration.ofSeconds(5));
        var wallet = new WalletPageProperties("PLATFORM", 10, Duration.ofMinutes(15), Duration.ofSeconds(2));
        var config = new CashierPageConfig();
        BuyerSessions sessions = config.buyerSessions(properties, cashier, Clock.systemUTC());
        FormGuard guard = config.formGuard(properties);
        BuyerCards cards = config.buyerCards(members);
        var pages = new WalletPages(new WalletBook(ledger, wallets, 10), cards, guard, wallet);
        var controller = new WalletPageController(config.buyerLogins(members), sessions, guard, cards,
                new WalletActions(trades, pay, wallets, wallet, Clock.systemUTC()), pages, channels);
        LocaleResolver locales = config.localeResolver();
        mvc = MockMvcBuilders.standaloneSetup(controller).setViewResolvers(CashierPageRenderingTest.thymeleaf()).setLocaleResolver(locales)
                .addMappedInterceptors(new String[] {"/cashier/**"}, new CashierLanguages(locales)).build();
        when(members.login(any())).thenReturn(Result.ok(new BuyerDTO("U1", "139****0000", "b", null, Instant.now())));
        when(members.listCards(any())).thenReturn(Result.ok(List.of(new BoundCardDTO("C10000001", "U1", "6222 **** **** 4321",
                "ICBC", CardType.DEBIT, CardStatus.ACTIVE, Instant.EPOCH))));
        when(ledger.balance(any())).thenReturn(Result.ok(new AccountBalanceDTO("BUYER_WALLET:U1:CNY", AccountType.BUYER_WALLET, 0,
                1280, 1280, 0)));
        when(wallets.movements("U1", 10)).thenReturn(Result.ok(List.of(new WalletMovementDTO("J1", WalletMovementKind.TOPUP, 1280,
                "CNY", "T1", Instant.EPOCH))));
    }

    @Test
    void withoutALoginTheWalletShowsTheLoginForm() throws Exception {
        String html = body(call(get("/cashier/wallet")));
        assertThat(html).contains("data-testid=\"login-phone\"", "data-testid=\"login-password\"", "data-testid=\"login-submit\"")
                .doesNotContain("wallet-balance");
    }

    @Test
    void aLoggedInBuyerSeesBalanceMovementsAndTheThreeActions() throws Exception {
        String html = body(call(get("/cashier/wallet").cookie(loggedIn())));
        assertThat(html).contains("data-testid=\"wallet-balance\">¥12.80<", "data-testid=\"wallet-movements\"", "+¥12.80",
                "data-testid=\"topup-amount\"", "data-testid=\"topup-method-WECHAT_QR\"", "data-testid=\"topup-method-ALIPAY_QR\"",
                "data-testid=\"topup-method-BANK_CARD\"", "data-testid=\"topup-submit\"", "data-testid=\"transfer-phone\"",
                "data-testid=\"transfer-amount\"", "data-testid=\"transfer-submit\"", "data-testid=\"withdraw-amount\"",
                "data-testid=\"withdraw-card-C10000001\"", "data-testid=\"withdraw-submit\"", "data-testid=\"pay-password\"");
        assertThat(html.split("data-testid=\"pay-password\"", -1)).as("one payment password field").hasSize(2);
    }

    @Test
    void aWechatTopUpIsAPlatformTopUpTradeWhoseQrIsShownUntilItIsPaid() throws Exception {
        Cookie session = loggedIn();
        String html = body(call(get("/cashier/wallet").cookie(session)));
        when(trades.create(any())).thenReturn(Result.ok(trade(TradeStatus.WAIT_PAY)));
        when(pay.pay(any())).thenReturn(Result.ok(new PayOrderDTO("P1", "T1", "WU1", "U1", "PLATFORM", PayMethod.WECHAT_QR,
                PayOrderStatus.PROCESSING, Money.cny(1280), Instant.now(), null, null)));
        MockHttpServletResponse posted = call(post("/cashier/wallet/topup").cookie(session).param("csrf", field(html, "csrf"))
                .param("topup_request_no", field(html, "topup_request_no")).param("topup_amount", "12.80")
                .param("method", "WECHAT_QR"));

        assertThat(posted.getRedirectedUrl()).isEqualTo("/cashier/wallet/topup/T1/P1");
        ArgumentCaptor<CreateTradeCmd> created = ArgumentCaptor.forClass(CreateTradeCmd.class);
        verify(trades).create(created.capture());
        assertThat(created.getValue().tradeType()).isEqualTo(TradeType.TOPUP);
        assertThat(created.getValue().merchantId()).isEqualTo("PLATFORM");
        assertThat(created.getValue().amount()).isEqualTo(Money.cny(1280));
        assertThat(created.getValue().paymentMethods()).containsExactly(PayMethod.WECHAT_QR);

        when(trades.get(any())).thenReturn(Result.ok(trade(TradeStatus.PAYING)));
        when(channels.get("P1")).thenReturn(Result.ok(new ChannelOrderDTO("C1", "P1", "T1", ChannelCode.WECHAT, PayMethod.WECHAT_QR,
                Money.cny(1280), ChannelOrderStatus.PROCESSING, "weixin://wxpay/bizpayurl?pr=abc", null, null, null, null)));
        String scan = body(call(get("/cashier/wallet/topup/T1/P1").cookie(session)));
        assertThat(scan).contains("data-testid=\"qr-code-url\">weixin://wxpay/bizpayurl?pr=abc<", "http-equiv=\"refresh\"",
                "PROCESSING");

        when(trades.get(any())).thenReturn(Result.ok(trade(TradeStatus.SUCCESS)));
        String done = body(call(get("/cashier/wallet/topup/T1/P1").cookie(session)));
        assertThat(done).contains("data-testid=\"wallet-result\"", "SUCCESS", "data-testid=\"wallet-balance\"")
                .doesNotContain("http-equiv=\"refresh\"");
    }

    @Test
    void aTransferGoesToTheWalletServiceWithThePasswordAndShowsItsResult() throws Exception {
        Cookie session = loggedIn();
        String html = body(call(get("/cashier/wallet").cookie(session)));
        when(wallets.transfer(any())).thenReturn(Result.ok(new WalletTransferDTO("WT1", "U1", "U2", Money.cny(500), "x", "WTR-WT1",
                Instant.now())));
        String result = body(call(post("/cashier/wallet/transfer").cookie(session).param("csrf", field(html, "csrf"))
                .param("transfer_request_no", field(html, "transfer_request_no")).param("transfer_phone", "13900000001")
                .param("transfer_amount", "5").param("pay_password", "123456")));

        ArgumentCaptor<WalletTransferCmd> cmd = ArgumentCaptor.forClass(WalletTransferCmd.class);
        verify(wallets).transfer(cmd.capture());
        assertThat(cmd.getValue().amount()).isEqualTo(Money.cny(500));
        assertThat(cmd.getValue().fromBuyerId()).isEqualTo("U1");
        assertThat(result).contains("data-testid=\"wallet-result\"", "SUCCESS", "¥5.00");
    }

    @Test
    void aRefusedTransferShowsItsCodeAndAFormWithoutTheGuardFieldMovesNothing() throws Exception {
        Cookie session = loggedIn();
        String html = body(call(get("/cashier/wallet").cookie(session)));
        when(wallets.transfer(any())).thenReturn(Result.fail(ErrorCode.TRANSFER_LIMIT_EXCEEDED, "limit"));
        String result = body(call(post("/cashier/wallet/transfer").cookie(session).param("csrf", field(html, "csrf"))
                .param("transfer_request_no", field(html, "transfer_request_no")).param("transfer_phone", "13900000001")
                .param("transfer_amount", "5").param("pay_password", "123456")));
        assertThat(result).contains("FAILED", "TRANSFER_LIMIT_EXCEEDED");

        MockHttpServletResponse forged = call(post("/cashier/wallet/withdraw").cookie(session).param("csrf", "forged")
                .param("withdraw_request_no", "WW123456").param("withdraw_amount", "5").param("withdraw_card_id", "C10000001")
                .param("pay_password", "123456"));
        assertThat(forged.getStatus()).isEqualTo(403);
        verify(wallets, never()).withdraw(any());
    }

    private static TradeDTO trade(TradeStatus status) {
        return new TradeDTO("T1", "PLATFORM", "TUx", TradeType.TOPUP, status, Money.cny(1280), Money.cny(0), Money.cny(0),
                "Wallet top-up", "U1", null, null, null, Instant.now().plusSeconds(600), Instant.now(), null, null,
                List.of(PayMethod.WECHAT_QR), List.of(), null);
    }

    private Cookie loggedIn() throws Exception {
        MockHttpServletResponse login = call(post("/cashier/wallet/login").param("phone", "13900000000").param("password", "pw"));
        assertThat(login.getRedirectedUrl()).isEqualTo("/cashier/wallet");
        return login.getCookie(BuyerSessions.COOKIE);
    }

    private MockHttpServletResponse call(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    private static String body(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as(name + " in " + html).isTrue();
        return m.group(1);
    }
}
