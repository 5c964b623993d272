package io.paysuite.trade.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.money.Money;
import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.api.trade.TradeType;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CreateTradeRulesTest {

    final CreateTradeRules production = new CreateTradeRules(false, Duration.ofDays(15));

    @Test
    void aCompleteRequestPasses() {
        assertThatCode(() -> production.checkShape(valid())).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} = {1} is refused")
    @CsvSource(nullValues = "NULL", value = {
            "merchant_id, NULL",
            "merchant_id, 'M 1'",
            "out_trade_no, NULL",
            "out_trade_no, 12345",
            "out_trade_no, 'ORDER#0001'",
            "subject, ''",
            "subject, '   '",
            "buyer_id, 'buyer 1'",
            "notify_url, NULL",
            "notify_url, 'http://merchant.example/notify'",
            "notify_url, 'not a url'",
            "return_url, 'ftp://merchant.example/'",
    })
    void badFieldsAreRefusedByName(String field, String value) {
        assertRefused(with(field, value), field);
    }

    @Test
    void aTopUpNamesItsBuyerAndNeedsNoNotifyUrl() {
        CreateTradeCmd v = valid();
        assertThatCode(() -> production.checkShape(new CreateTradeCmd("PLATFORM", v.outTradeNo(), TradeType.TOPUP, v.amount(),
                v.subject(), "U1001", null, null, null, null))).doesNotThrowAnyException();
        assertRefused(new CreateTradeCmd("PLATFORM", v.outTradeNo(), TradeType.TOPUP, v.amount(), v.subject(), null, null, null,
                null, null), "buyer_id");
    }

    @Test
    void amountMustBePositiveCnyAndPresent() {
        CreateTradeCmd v = valid();
        assertRefused(new CreateTradeCmd(v.merchantId(), v.outTradeNo(), v.tradeType(), null, v.subject(), null,
                v.notifyUrl(), null, null, null), "amount");
        assertRefused(new CreateTradeCmd(v.merchantId(), v.outTradeNo(), v.tradeType(), Money.cny(-1), v.subject(), null,
                v.notifyUrl(), null, null, null), "amount.total");
        assertRefused(new CreateTradeCmd(v.merchantId(), v.outTradeNo(), v.tradeType(), Money.of(100, "USD"), v.subject(),
                null, v.notifyUrl(), null, null, null), "amount.currency");
        assertRefused(new CreateTradeCmd(v.merchantId(), v.outTradeNo(), null, v.amount(), v.subject(), null,
                v.notifyUrl(), null, null, null), "trade_type");
    }

    @Test
    void subjectAndAttachLimitsCountCharactersNotBytes() {
        assertThatCode(() -> production.checkShape(with("subject", "咖".repeat(128)))).doesNotThrowAnyException();
        assertRefused(with("subject", "咖".repeat(129)), "subject");
        assertThatCode(() -> production.checkShape(with("attach", "a".repeat(256)))).doesNotThrowAnyException();
        assertRefused(with("attach", "a".repeat(257)), "attach");
    }

    @Test
    void plainHttpNotifyUrlIsAcceptedOnlyWhereAllowed() {
        CreateTradeRules local = new CreateTradeRules(true, Duration.ofDays(15));
        assertThatCode(() -> local.checkShape(with("notify_url", "http://127.0.0.1:9000/notify"))).doesNotThrowAnyException();
    }

    @Test
    void paymentMethodsMayBeAbsentEmptyOrDistinct() {
        CreateTradeCmd v = valid();
        assertThatCode(() -> production.checkShape(withMethods(v, null))).doesNotThrowAnyException();
        assertThatCode(() -> production.checkShape(withMethods(v, List.of()))).doesNotThrowAnyException();
        assertThatCode(() -> production.checkShape(withMethods(v, List.of(PayMethod.BALANCE, PayMethod.WECHAT_QR))))
                .doesNotThrowAnyException();
    }

    @Test
    void aRepeatedPaymentMethodIsRefused() {
        assertRefused(withMethods(valid(), List.of(PayMethod.BALANCE, PayMethod.WECHAT_QR, PayMethod.BALANCE)),
                "payment_methods");
    }

    @Test
    void aNullPaymentMethodIsRefusedAsAParameterError() {
        // the command's constructor cannot even hold one (List.copyOf): the rule guards payloads
        // that arrive without it, so they get PARAM_ERROR and not a system error
        assertThatThrownBy(() -> CreateTradeRules.checkPaymentMethods(Arrays.asList(PayMethod.BALANCE, null)))
                .isInstanceOfSatisfying(BizException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PARAM_ERROR);
                    assertThat(e.getMessage()).startsWith("payment_methods ");
                });
    }

    private void assertRefused(CreateTradeCmd cmd, String field) {
        assertThatThrownBy(() -> production.checkShape(cmd))
                .isInstanceOf(BizException.class)
                .hasMessageStartingWith(field + " ");
    }

    static CreateTradeCmd valid() {
        return new CreateTradeCmd("M100001", "ORDER-0001", TradeType.GUARANTEE, Money.cny(100), "Coffee",
                "10000000007", "https://merchant.example/notify", "https://merchant.example/return", "x", null);
    }

    static CreateTradeCmd withMethods(CreateTradeCmd v, List<PayMethod> methods) {
        return new CreateTradeCmd(v.merchantId(), v.outTradeNo(), v.tradeType(), v.amount(), v.subject(), v.buyerId(),
                v.notifyUrl(), v.returnUrl(), v.attach(), v.timeExpire(), methods);
    }

    static CreateTradeCmd with(String field, String value) {
        CreateTradeCmd v = valid();
        return new CreateTradeCmd(
                field.equals("merchant_id") ? value : v.merchantId(),
                field.equals("out_trade_no") ? value : v.outTradeNo(),
                v.tradeType(), v.amount(),
                field.equals("subject") ? value : v.subject(),
                field.equals("buyer_id") ? value : v.buyerId(),
                field.equals("notify_url") ? value : v.notifyUrl(),
                field.equals("return_url") ? value : v.returnUrl(),
                field.equals("attach") ? value : v.attach(),
                v.timeExpire(),
                v.paymentMethods());
    }
}
