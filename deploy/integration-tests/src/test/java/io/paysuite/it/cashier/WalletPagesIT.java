package io.paysuite.it.cashier;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.it.SuiteHarness;
import io.paysuite.it.openapi.Buyers;
import io.paysuite.it.openapi.Buyers.Buyer;
import io.paysuite.it.openapi.Merchants;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The buyer's wallet page in a real browser (headless Chromium, {@link CashierBrowser}) against the whole
 * suite, with the test ids buyers' browser tests use: log in, top up by WeChat QR through the sandbox's scan
 * (the page polls until the top-up is paid, then shows the result and the new balance), then transfer to
 * another buyer by phone with the payment password.
 */
class WalletPagesIT {

    static CashierBrowser browser;

    @BeforeAll
    static void browser() {
        SuiteHarness.suite();
        browser = CashierBrowser.start("en-US,en");
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aBuyerTopsUpByWechatQrThenTransfersToAFriend() throws Exception {
        Buyer buyer = Buyers.funded(1);
        Buyer friend = Buyers.funded(1);
        browser.forgetCookies(Merchants.base() + "/css/cashier.css");
        browser.open(Merchants.base() + "/cashier/wallet");
        browser.type("login-phone", buyer.phone());
        browser.type("login-password", Buyers.PASSWORD);
        browser.click("login-submit");
        assertThat(browser.text("wallet-balance")).isEqualTo("¥0.01");

        browser.type("topup-amount", "12.80");
        browser.click("topup-method-WECHAT_QR");
        browser.click("topup-submit");
        String code = browser.text("qr-code-url");
        assertThat(code).startsWith("weixin://wxpay/bizpayurl?pr=");
        assertThat(browser.text("wallet-result")).contains("PROCESSING");
        HttpResponse<String> scanned = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        SuiteHarness.suite().sandbox().baseUri().resolve(URI.create("/sandbox/v1/scan")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"code_url\":\"" + code + "\",\"outcome\":\"SUCCESS\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(scanned.statusCode()).as(scanned.body()).isEqualTo(200);

        // the QR page reloads itself until the top-up is paid, then shows the wallet with the result
        browser.awaitText("wallet-result", "SUCCESS");
        assertThat(browser.text("wallet-balance")).isEqualTo("¥12.81");
        assertThat(browser.text("wallet-movements")).contains("Top-up", "+¥12.80");
        assertThat(Buyers.balance(buyer.buyerId())).isEqualTo(1_281);

        browser.type("transfer-phone", friend.phone());
        browser.type("transfer-amount", "2.50");
        browser.type("pay-password", Buyers.PAY_PASSWORD);
        browser.click("transfer-submit");
        browser.awaitText("wallet-result", "SUCCESS");
        assertThat(browser.text("wallet-balance")).isEqualTo("¥10.31");
        assertThat(browser.text("wallet-movements")).contains("Transfer sent");
        assertThat(Buyers.balance(friend.buyerId())).isEqualTo(251);
    }
}
