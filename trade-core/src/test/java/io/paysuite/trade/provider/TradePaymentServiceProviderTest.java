package io.paysuite.trade.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.paysuite.api.common.Result;
import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.event.PaySucceeded;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.api.promotion.FundedBy;
import io.paysuite.api.trade.TradePaymentDTO;
import io.paysuite.api.trade.TradePromotionDTO;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.trade.order.Trade;
import io.paysuite.trade.order.TradePayments;
import io.paysuite.trade.order.TradePromotion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** pay-core's direct hand-over of a success records the payment exactly as its {@code PAY_SUCCEEDED} does. */
class TradePaymentServiceProviderTest {

    static final Instant PAID_AT = Instant.parse("2026-12-07T21:00:00.123Z");

    final TradePayments payments = mock(TradePayments.class);
    final TradePaymentServiceProvider provider = new TradePaymentServiceProvider(payments);

    @Test
    void aHandedOverSuccessIsRecordedAsTheEventWouldBe() {
        when(payments.recordPaid(any(), any(), any(), any(), any(), any(), any())).thenReturn(paid("T1", "P1"));

        Result<TradeDTO> answer = provider.paid(new PaySucceeded("P1", "T1", "REQ-1", "2088000000000001", "M1",
                PayMethod.ALIPAY_CODE, PayOrderStatus.SUCCESS, Money.cny(100), PAID_AT.minusSeconds(1), PAID_AT, "ALIPAY"));

        assertThat(answer.success()).isTrue();
        verify(payments).recordPaid("T1", "P1", Money.cny(100), "2088000000000001", PayMethod.ALIPAY_CODE, "ALIPAY", PAID_AT);
    }

    @Test
    void theAnswerIsTheTradeAsRecordingLeftIt() {
        Trade recorded = paid("T4", "P4");
        when(payments.recordPaid(any(), any(), any(), any(), any(), any(), any())).thenReturn(recorded);

        Result<TradeDTO> answer = provider.paid(new PaySucceeded("P4", "T4", "REQ-4", "2088000000000001", "M1",
                PayMethod.ALIPAY_CODE, PayOrderStatus.SUCCESS, Money.cny(100), PAID_AT.minusSeconds(1), PAID_AT, "ALIPAY"));

        assertThat(answer.success()).isTrue();
        assertThat(answer.data()).isEqualTo(recorded.toDTO());
        assertThat(answer.data().status()).isEqualTo(TradeStatus.SUCCESS);
        assertThat(answer.data().tradeNo()).isEqualTo("T4");
    }

    @Test
    void aCombinationsPartsGoIntoTheSameRecord() {
        PaySucceeded combination = new PaySucceeded("P2", "T2", "REQ-2", "10000000007", "M1", PayMethod.WECHAT_QR,
                PayOrderStatus.SUCCESS, Money.cny(10_000), PAID_AT.minusSeconds(1), PAID_AT, "WECHAT",
                List.of(new TradePaymentDTO(PayMethod.POINTS, Money.cny(500), null),
                        new TradePaymentDTO(PayMethod.WECHAT_QR, Money.cny(8_500), "WECHAT")),
                List.of(new TradePromotionDTO("CP1", "10 off", Money.cny(1_000), FundedBy.MERCHANT)));

        when(payments.recordPaid(any(), any(), any(), any(), any(), any(), any(), any())).thenReturn(paid("T2", "P2"));

        provider.paid(combination);

        verify(payments).recordPaid(eq("T2"), eq("P2"), eq(Money.cny(10_000)), eq("10000000007"), eq(PayMethod.WECHAT_QR),
                eq("WECHAT"), eq(PAID_AT), eq(TradePromotion.of(combination.payments(), combination.promotionDetail())));
    }

    @Test
    void whatRecordingThrowsReachesPayCoreWhichOnlyLogsIt() {
        doThrow(new IllegalStateException("trade database down")).when(payments)
                .recordPaid(any(), any(), any(), any(), any(), any(), any());

        Assertions.assertThatThrownBy(() -> provider.paid(new PaySucceeded("P3", "T3", "REQ-3", null, "M1",
                        PayMethod.ALIPAY_CODE, PayOrderStatus.SUCCESS, Money.cny(1), PAID_AT, PAID_AT, "ALIPAY")))
                .as("answered SYSTEM_ERROR by the kit's error boundary; the message that follows records it")
                .isInstanceOf(IllegalStateException.class);
    }

    /** A trade {@code payOrderNo} has paid, as recording leaves it. */
    private static Trade paid(String tradeNo, String payOrderNo) {
        CreateTradeCmd cmd = new CreateTradeCmd("M1", "ORDER-" + tradeNo, TradeType.INSTANT, Money.cny(100), "Coffee", null,
                "https://merchant.example/notify", null, null, null);
        return Trade.open(tradeNo, cmd, PAID_AT.minusSeconds(60), Duration.ofMinutes(30))
                .paying(payOrderNo, PAID_AT.minusSeconds(1))
                .paid(Money.cny(100), "2088000000000001", PayMethod.ALIPAY_CODE, "ALIPAY", PAID_AT);
    }
}
