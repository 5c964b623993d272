package io.paysuite.trade.infra.expiry;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.event.EventType;
import io.paysuite.api.event.TradeExpiryDue;
import io.paysuite.kit.mq.EventCodec;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;

/** Expiry and auto-confirm timers share a topic; the timer's purpose property tells them apart. */
class RocketMqExpiryTimersTest {

    private static Message timer() {
        return EventCodec.message("PAYSUITE_TRADE_EXPIRY", EventType.TRADE_EXPIRY, new TradeExpiryDue("T1"));
    }

    @Test
    void aTimerWithoutPurposeIsAnExpiryTimerAsEveryTimerSetBeforeAutoConfirmationExisted() {
        assertThat(RocketMqExpiryTimers.autoConfirm(timer())).isFalse();
    }

    @Test
    void anAutoConfirmTimerIsMarkedAndStillCarriesTheTradeNumber() {
        Message timer = timer();
        timer.putUserProperty(RocketMqExpiryTimers.PURPOSE, RocketMqExpiryTimers.AUTO_CONFIRM);

        assertThat(RocketMqExpiryTimers.autoConfirm(timer)).isTrue();
        assertThat(EventCodec.decode(EventType.TRADE_EXPIRY, timer).tradeNo()).isEqualTo("T1");
    }
}
