package io.paysuite.pay.infra.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.pay.order.PayOrder;
import io.paysuite.pay.order.tool.PaymentTool;
import io.paysuite.pay.order.tool.ToolOutcome;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

class MeteredPaymentToolsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MeteredPaymentTools processor;

    MeteredPaymentToolsTest() {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("meters", meters);
        processor = new MeteredPaymentTools(beans.getBeanProvider(MeterRegistry.class));
    }

    private PaymentTool wrapped(PayMethod method, ToolOutcome answer) {
        PaymentTool tool = new PaymentTool() {
            @Override public PayMethod method() { return method; }
            @Override public ToolOutcome charge(PayOrder order, TradeDTO trade, String authCode) {
                if (answer == null) {
                    throw new IllegalStateException("transport");
                }
                return answer;
            }
        };
        return (PaymentTool) processor.postProcessAfterInitialization(tool, "tool");
    }

    @Test
    void eachChargeAnswerIsTimedByMethodChannelAndOutcome() {
        wrapped(PayMethod.ALIPAY_QR, ToolOutcome.success("ALIPAY")).charge(null, null, null);
        wrapped(PayMethod.BALANCE, ToolOutcome.success()).charge(null, null, null);
        wrapped(PayMethod.BANK_CARD, new ToolOutcome(ToolOutcome.Kind.FAILED, "CHANNEL_DECLINED", "no")).charge(null, null, null);

        assertThat(meters.get(MeteredPaymentTools.CHARGE).tags("method", "ALIPAY_QR", "channel", "ALIPAY", "outcome", "SUCCESS")
                .timer().count()).isEqualTo(1);
        assertThat(meters.get(MeteredPaymentTools.CHARGE).tags("method", "BALANCE", "channel", "BALANCE").timer().count()).isEqualTo(1);
        assertThat(meters.get(MeteredPaymentTools.CHARGE).tags("method", "BANK_CARD", "channel", "NONE", "outcome", "FAILED")
                .timer().count()).isEqualTo(1);
    }

    @Test
    void aToolThatThrowsIsCountedUnknownNeverFailedAndTheExceptionStillReachesTheCaller() {
        PaymentTool tool = wrapped(PayMethod.WECHAT_CODE, null);

        assertThatThrownBy(() -> tool.charge(null, null, "134567")).hasMessage("transport");
        assertThat(meters.get(MeteredPaymentTools.CHARGE).tags("method", "WECHAT_CODE", "outcome", "UNKNOWN").timer().count())
                .isEqualTo(1);
    }

    @Test
    void otherBeansAreLeftAsTheyAre() {
        Object other = new Object();
        assertThat(processor.postProcessAfterInitialization(other, "other")).isSameAs(other);
    }
}
