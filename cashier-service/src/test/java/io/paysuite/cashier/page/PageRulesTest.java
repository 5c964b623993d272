package io.paysuite.cashier.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.member.BoundCardDTO;
import io.paysuite.api.member.CardStatus;
import io.paysuite.api.member.CardType;
import io.paysuite.api.pay.PayMethod;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The small rules of the pages: return URLs, refusal texts, languages. */
class PageRulesTest {

    @Test
    void onlyHttpAndHttpsReturnUrlsAreFollowed() {
        assertThat(StatusPage.safeReturnUrl("https://shop.example/back?o=1")).isEqualTo("https://shop.example/back?o=1");
        assertThat(StatusPage.safeReturnUrl("http://127.0.0.1:8080/r")).isEqualTo("http://127.0.0.1:8080/r");
        assertThat(StatusPage.safeReturnUrl("javascript:alert(1)")).isNull();
        assertThat(StatusPage.safeReturnUrl("data:text/html,<script>")).isNull();
        assertThat(StatusPage.safeReturnUrl("//evil.example/")).isNull();
        assertThat(StatusPage.safeReturnUrl("https://")).isNull();
        assertThat(StatusPage.safeReturnUrl(null)).isNull();
    }

    @Test
    void aPaymentGoesBackToTheMerchantOnlyWithASafeReturnUrl() {
        assertThat(StatusPage.paid("https://shop.example/back", 5).refreshAfter()).isEqualTo(5);
        assertThat(StatusPage.paid("javascript:alert(1)", 5))
                .isEqualTo(new StatusPage("SUCCESS", "result.SUCCESS", 0, null, null));
    }

    @Test
    void aWrongPayPasswordShowsTheAttemptsLeft() {
        PayRefusal refusal = PayRefusal.of("PAY_PASSWORD_WRONG", "wrong payment password; 3 attempts left");

        assertThat(refusal.messageKey()).isEqualTo("error.PAY_PASSWORD_WRONG");
        assertThat(refusal.args()).containsExactly(3);
        assertThat(PayRefusal.of("PAY_PASSWORD_WRONG", null).messageKey()).isEqualTo("error.PAY_PASSWORD_WRONG.unknown");
    }

    @Test
    void refusalsWithoutTheirOwnTextNameTheirCode() {
        assertThat(PayRefusal.of("INSUFFICIENT_BALANCE", "x").messageKey()).isEqualTo("error.INSUFFICIENT_BALANCE");
        PayRefusal other = PayRefusal.of("CURRENCY_NOT_SUPPORTED", "x");
        assertThat(other.messageKey()).isEqualTo("error.generic");
        assertThat(other.args()).containsExactly("CURRENCY_NOT_SUPPORTED");
    }

    @Test
    void chineseBrowsersGetChineseAndEveryoneElseEnglish() {
        assertThat(CashierLanguages.negotiate("zh-CN,zh;q=0.9,en;q=0.8")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(CashierLanguages.negotiate("zh")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(CashierLanguages.negotiate("en-US,en;q=0.9,zh-CN;q=0.8")).isEqualTo(Locale.ENGLISH);
        assertThat(CashierLanguages.negotiate("fr-FR,de;q=0.5")).isEqualTo(Locale.ENGLISH);
        assertThat(CashierLanguages.negotiate(null)).isEqualTo(Locale.ENGLISH);
        assertThat(CashierLanguages.negotiate(";;;garbage")).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void theLanguageSwitchTakesOnlyWhatThePagesSpeak() {
        assertThat(CashierLanguages.chosen("zh_CN")).contains(Locale.SIMPLIFIED_CHINESE);
        assertThat(CashierLanguages.chosen("zh-CN")).contains(Locale.SIMPLIFIED_CHINESE);
        assertThat(CashierLanguages.chosen("en")).contains(Locale.ENGLISH);
        assertThat(CashierLanguages.chosen("fr")).isEmpty();
        assertThat(CashierLanguages.chosen(null)).isEmpty();
    }

    @Test
    void withoutABoundCardTheCardMethodCannotBePickedAndSaysWhy() {
        List<PayMethodOffer> offers = List.of(new PayMethodOffer(PayMethod.BALANCE, true), new PayMethodOffer(PayMethod.BANK_CARD, true));

        assertThat(CardChoices.of(List.of()).applyTo(offers)).containsExactly(new PayMethodOffer(PayMethod.BALANCE, true),
                new PayMethodOffer(PayMethod.BANK_CARD, false, "pay.card.none.short"));
        assertThat(CardChoices.unavailable().applyTo(offers).get(1).noteKey()).isEqualTo("pay.card.unavailable.short");
        BoundCardDTO card = new BoundCardDTO("C10000001", "U7", "6222 **** **** 0000", "ICBC", CardType.DEBIT, CardStatus.ACTIVE,
                Instant.now());
        assertThat(CardChoices.of(List.of(card)).applyTo(offers)).isEqualTo(offers);
        assertThat(new PayMethodOffer(PayMethod.COUPON, false).noteKey()).isEqualTo("pay.method.unavailable");
    }

    @Test
    void everyEnglishTextHasAChineseOne() throws IOException {
        assertThat(messages("messages_zh_CN.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(messages("messages.properties").stringPropertyNames());
    }

    private static Properties messages(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = PageRulesTest.class.getClassLoader().getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
