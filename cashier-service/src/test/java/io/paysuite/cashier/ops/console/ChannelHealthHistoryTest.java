package io.paysuite.cashier.ops.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelHealthHistoryTest {

    static final Instant T0 = Instant.parse("2026-12-07T10:00:20Z");
    final ChannelHealthHistory history = new ChannelHealthHistory(Duration.ofDays(1));

    static List<ChannelAlarms.Reading> readings(double wechatRate) {
        return List.of(new ChannelAlarms.Reading("ALIPAY", 40, 1.0, 120, 400),
                new ChannelAlarms.Reading("WECHAT", 30, wechatRate, 150, 3_200));
    }

    @Test
    void oneSampleAMinutePerChannelOnTheWholeMinute() {
        history.record(readings(0.9), T0);
        history.record(readings(0.1), T0.plusSeconds(30)); // same minute: dropped
        history.record(readings(0.5), T0.plusSeconds(60));

        assertThat(history.since(T0.minusSeconds(60))).extracting(s -> s.minute() + " " + s.channel() + " " + s.successRate())
                .containsExactly("2026-12-07T10:00:00Z ALIPAY 1.0", "2026-12-07T10:00:00Z WECHAT 0.9",
                        "2026-12-07T10:01:00Z ALIPAY 1.0", "2026-12-07T10:01:00Z WECHAT 0.5");
    }

    @Test
    void theLastHourIsASliceOfTheDayAndADayOldSampleIsForgotten() {
        for (int minute = 0; minute <= 24 * 60 + 5; minute++) {
            history.record(readings(0.9), T0.plus(Duration.ofMinutes(minute)));
        }
        Instant now = T0.plus(Duration.ofMinutes(24 * 60 + 5)).truncatedTo(ChronoUnit.MINUTES);

        assertThat(history.since(now.minus(Duration.ofHours(1)))).hasSize(2 * 61);
        List<ChannelHealthHistory.Sample> day = history.since(Instant.EPOCH);
        assertThat(day.get(0).minute()).isEqualTo(now.minus(Duration.ofDays(1)));
        assertThat(day).hasSize(2 * (24 * 60 + 1));
        assertThat(day.get(day.size() - 1).p99Ms()).isEqualTo(3_200);
    }
}
