package io.paysuite.cashier.api.trade.preauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.money.Money;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.cashier.api.JsonBody;
import io.paysuite.cashier.api.trade.TradeView;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The capture body a merchant sends, in the forms it may know, and the pre-auth amounts of the trade object. */
class CaptureRequestTest {

    @Test
    void theCaptureAmountIsReadAsARefundsAmountIsOrAsAlipaysTotalOrAsAPlainNumber() {
        assertThat(amount("{\"amount\": {\"capture\": 600, \"currency\": \"CNY\"}}")).isEqualTo(Money.cny(600));
        assertThat(amount("{\"amount\": {\"total\": 700}}")).isEqualTo(Money.cny(700));
        assertThat(amount("{\"amount\": 800}")).isEqualTo(Money.cny(800));
    }

    @Test
    void aMissingZeroOrFractionalAmountIsAParamError() {
        for (String body : new String[] {"{}", "{\"amount\": {\"capture\": 0}}", "{\"amount\": 1.5}", "{\"amount\": {}}",
                "{\"amount\": {\"capture\": 5, \"currency\": \"cny\"}}"}) {
            assertThatThrownBy(() -> amount(body)).as(body).isInstanceOfSatisfying(BizException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.PARAM_ERROR));
        }
    }

    @Test
    void aPreAuthorisationShowsWhatWasAuthorisedAndCapturedAndOtherTradesShowNeither() {
        assertThat(view(TradeType.PREAUTH, TradeStatus.WAIT_PAY, 0)).extracting(TradeView::authorizedAmount, TradeView::capturedAmount)
                .containsExactly(0L, 0L);
        assertThat(view(TradeType.PREAUTH, TradeStatus.AUTHORIZED, 1000)).extracting(TradeView::authorizedAmount,
                TradeView::capturedAmount).containsExactly(1000L, 0L);
        assertThat(view(TradeType.PREAUTH, TradeStatus.CAPTURED, 600)).extracting(TradeView::authorizedAmount,
                TradeView::capturedAmount).containsExactly(1000L, 600L);
        assertThat(view(TradeType.INSTANT, TradeStatus.SUCCESS, 1000)).extracting(TradeView::authorizedAmount,
                TradeView::capturedAmount).containsExactly(null, null);
    }

    private static Money amount(String body) {
        return CaptureRequest.amount(JsonBody.parse(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static TradeView view(TradeType type, TradeStatus status, long paid) {
        Instant at = Instant.parse("2026-11-22T10:00:00Z");
        TradeDTO trade = new TradeDTO("T1", "M1", "O1", type, status, Money.cny(1000), Money.cny(paid), Money.cny(0), "deposit",
                "B1", null, "https://m.example/n", null, at, at, null, null);
        return TradeView.of(trade, null, new io.paysuite.cashier.api.Times(java.time.ZoneOffset.ofHours(8)));
    }
}
