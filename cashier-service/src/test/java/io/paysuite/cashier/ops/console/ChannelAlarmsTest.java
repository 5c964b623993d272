package io.paysuite.cashier.ops.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelAlarmsTest {

    final ChannelAlarms alarms = new ChannelAlarms(new ConsoleAlarmProperties(20, 0.80, 0.15, 3000, 1000));

    @Test
    void aHealthyChannelRaisesNothingAndTooFewCallsSayNothing() {
        assertThat(alarms.check(List.of(new ChannelAlarms.Reading("ALIPAY", 500, 0.99, 120, 800),
                new ChannelAlarms.Reading("WECHAT", 3, 0.0, 9000, 9000)), 0)).isEmpty();
    }

    @Test
    void aSuccessRateUnderTheFloorAndSlowResponsesAreAlarms() {
        assertThat(alarms.check(List.of(new ChannelAlarms.Reading("UNIONPAY", 100, 0.5, 1500, 4000)), 0))
                .extracting(ChannelAlarms.Alarm::kind)
                .containsExactly(ChannelAlarms.Kind.SUCCESS_RATE_LOW, ChannelAlarms.Kind.P50_SLOW, ChannelAlarms.Kind.P99_SLOW);
    }

    @Test
    void aDropBelowTheChannelsOwnBaselineIsAnAlarmEvenAboveTheFloor() {
        alarms.check(List.of(new ChannelAlarms.Reading("ALIPAY", 500, 0.99, 100, 200)), 0);

        List<ChannelAlarms.Alarm> raised = alarms.check(List.of(new ChannelAlarms.Reading("ALIPAY", 500, 0.82, 100, 200)), 5_000);

        assertThat(raised).singleElement().satisfies(alarm -> {
            assertThat(alarm.kind()).isEqualTo(ChannelAlarms.Kind.SUCCESS_RATE_DROP);
            assertThat(alarm.threshold()).isEqualTo(0.84, org.assertj.core.data.Offset.offset(1e-9));
        });
    }
}
